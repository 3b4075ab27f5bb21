package diffing

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Apply rebuilds B from A and the ops of Diff(A, B): it checks that the ops
// tile A in order and that each op's text is what A holds there, and
// concatenates equal, insert and move-to texts. It is how the package's
// tests check diffs, and lets a consumer verify stored ops. a is cleaned
// first (see Clean).
func Apply(a string, ops []Op) (string, error) {
	ra := []rune(Clean(a))
	var out strings.Builder
	pa, pb := 0, 0
	for k, o := range ops {
		if o.A.Start != pa || o.B.Start != pb {
			return "", fmt.Errorf("op %d: starts at a=%d b=%d, want a=%d b=%d", k, o.A.Start, o.B.Start, pa, pb)
		}
		n := utf8.RuneCountInString(o.Text)
		fromA := o.Op == Equal || o.Op == Delete || (o.Op == Move && o.Role == MoveFrom)
		toB := o.Op == Equal || o.Op == Insert || (o.Op == Move && o.Role == MoveTo)
		switch {
		case o.Op == Move && o.Role != MoveFrom && o.Role != MoveTo:
			return "", fmt.Errorf("op %d: move without a role", k)
		case !fromA && !toB:
			return "", fmt.Errorf("op %d: unknown op %q", k, o.Op)
		}
		wantA, wantB := 0, 0
		if fromA {
			wantA = n
		}
		if toB {
			wantB = n
		}
		if o.A.Len() != wantA || o.B.Len() != wantB {
			return "", fmt.Errorf("op %d (%s): spans a=%v b=%v do not fit its %d runes", k, o.Op, o.A, o.B, n)
		}
		if fromA {
			if o.A.End > len(ra) || string(ra[o.A.Start:o.A.End]) != o.Text {
				return "", fmt.Errorf("op %d (%s): text differs from A at %v", k, o.Op, o.A)
			}
		}
		if toB {
			out.WriteString(o.Text)
		}
		pa, pb = o.A.End, o.B.End
	}
	if pa != len(ra) {
		return "", fmt.Errorf("ops end at a=%d, A has %d runes", pa, len(ra))
	}
	return out.String(), nil
}
