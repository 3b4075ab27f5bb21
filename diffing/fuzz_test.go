package diffing_test

import (
	"testing"

	"github.com/storydiff/storydiff/diffing"
)

// FuzzDiff checks the central property on any input: the ops tile A and B
// and applying them to A gives B, at every granularity.
func FuzzDiff(f *testing.F) {
	seeds := [][2]string{
		{"", ""},
		{"The quick brown fox.", "The slow brown fox."},
		{"One.\n\nTwo words here now five.\n\nThree.", "Three.\n\nOne.\n\nTwo words here now five!"},
		{"caf\xe9\xff", "caf\u00e9"},
		{"Cafe\u0301 👨‍👩‍👧 שלום", "Café 👨‍👩‍👧‍👦 مرحبا"},
		{"Zelensky said “yes”", "Zelenskyy said \"yes\""},
	}
	for _, s := range seeds {
		f.Add(s[0], s[1], uint8(0))
	}
	f.Fuzz(func(t *testing.T, a, b string, g uint8) {
		opts := diffing.Options{Granularity: diffing.Granularity(g % 4), MinMoveWords: 1}
		r := diffing.Diff(a, b, opts)
		got, err := diffing.Apply(a, r.Ops)
		if err != nil {
			t.Fatalf("Apply: %v", err)
		}
		if want := diffing.Clean(b); got != want {
			t.Fatalf("Apply gave %q, want %q", got, want)
		}
		for _, o := range r.Ops {
			if o.Text == "" {
				t.Fatalf("empty op %+v", o)
			}
		}
		if s := r.Stats.ChangedShare; s < 0 || s > 1 {
			t.Fatalf("similarity %v out of [0,1]", s)
		}
	})
}
