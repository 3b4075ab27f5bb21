package diffing_test

import (
	"strings"
	"testing"

	"github.com/storydiff/storydiff/diffing"
	"github.com/storydiff/storydiff/diffing/synth"
)

// Long passages that are different texts are shown as replaced without a
// word diff; versions, and a passage kept inside a longer one, still get one.
func TestUnrelatedLongPassages(t *testing.T) {
	one := func(s string) string { return strings.ReplaceAll(s, "\n\n", " ") }
	a := one(synth.Article(20, 12_000))
	quoted := one(synth.Article(23, 2_000))
	cases := []struct {
		name, a, b string
		wantEqual  bool // some text is reported unchanged
	}{
		{"different texts", a, "Zeta eta theta iota kappa lambda mu nu xi omicron. " + strings.Repeat("Sigma tau upsilon phi chi psi omega rho pi. ", 200), false},
		{"a version", a, synth.Edit(21, a, 0.05), true},
		{"a passage kept in a longer text", quoted, one(synth.Article(22, 15_000)) + " " + quoted, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := diffing.Diff(c.a, c.b, diffing.Options{Timeout: -1})
			checkApply(t, c.a, c.b, r)
			equal := false
			for _, o := range r.Ops {
				if o.Op == diffing.Equal && len(strings.Fields(o.Text)) > 3 {
					equal = true
				}
			}
			if equal != c.wantEqual {
				t.Errorf("found unchanged text: %v, want %v (%d ops)", equal, c.wantEqual, len(r.Ops))
			}
		})
	}
}
