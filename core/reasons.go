package core

import (
	"slices"
	"strings"
	"unicode"
)

// FailureReason is a failure's message without what is particular to one
// file, so that failures can be counted by kind: what follows the first
// ": " or " (" is dropped ("invalid JSON: invalid character 'x' ..." is
// "invalid JSON"; "binary file (16% control characters)" is "binary
// file") and runs of digits read "N" ("file is N MB, over the N MB limit").
func FailureReason(msg string) string {
	s := msg
	for _, sep := range []string{": ", " ("} {
		if i := strings.Index(s, sep); i > 0 {
			s = s[:i]
		}
	}
	var b strings.Builder
	digits := false
	for _, r := range s {
		if unicode.IsDigit(r) {
			if !digits {
				b.WriteByte('N')
			}
			digits = true
			continue
		}
		digits = false
		b.WriteRune(r)
	}
	return strings.TrimSpace(b.String())
}

// ReasonCount is how many files or records failed, or were noted, for one
// reason, with a few of them as examples.
type ReasonCount struct {
	Reason   string      `json:"reason"`
	Count    int         `json:"count"`
	Examples []FileError `json:"examples"`
}

// ByReason counts errs by reason, the most frequent first (equal counts
// in the order met), keeping up to examples of each in their order.
func ByReason(errs []FileError, examples int) []ReasonCount {
	idx := map[string]int{}
	var out []ReasonCount
	for _, e := range errs {
		r := e.Reason
		if r == "" {
			r = FailureReason(e.Error)
		}
		i, ok := idx[r]
		if !ok {
			i = len(out)
			idx[r] = i
			out = append(out, ReasonCount{Reason: r, Examples: []FileError{}})
		}
		out[i].Count++
		if len(out[i].Examples) < examples {
			out[i].Examples = append(out[i].Examples, e)
		}
	}
	slices.SortStableFunc(out, func(a, b ReasonCount) int { return b.Count - a.Count })
	return out
}
