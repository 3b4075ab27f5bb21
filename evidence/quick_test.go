package evidence

import (
	"math"
	"reflect"
	"strings"
	"testing"
)

// Quick gives Score's probabilities, for every pair of seeds, dated or not.
func TestQuickIsScore(t *testing.T) {
	for dated, dates := range [][]string{nil, importedDates, seedDates} {
		ps := seedProfilesDated(t, dates)
		for i := range ps {
			for j := range ps {
				if i == j {
					continue
				}
				e := Score(ps[i], ps[j])
				ev, th := Quick(ps[i], ps[j])
				if math.Abs(ev-e.Score) > 1e-12 || math.Abs(th-e.Thread) > 1e-12 {
					t.Errorf("seeds %d %d (dates %d): Quick %.6f %.6f, Score %.6f %.6f", i, j, dated, ev, th, e.Score, e.Thread)
				}
			}
		}
	}
}

func BenchmarkQuick(b *testing.B) {
	ps := seedProfiles(b, true)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Quick(ps[3], ps[4])
	}
}

// The list-free helpers Quick uses give what the lists Score makes give,
// to the bit, on every pair of seeds and every list a profile has.
func TestQuickHelpersAreTheListsTheyStandFor(t *testing.T) {
	ps := seedProfiles(t, true)
	for _, a := range ps {
		for _, b := range ps {
			if got, want := missingShare(a.Key, b), share(missing(a.Key, b), a.Key); got != want {
				t.Errorf("missingShare %v, share of missing %v", got, want)
			}
			for i, la := range a.lists() {
				lb := b.lists()[i]
				if got, want := lacksSome(*la, *lb), len(unshared(*la, *lb)) > 0; got != want {
					t.Errorf("list %d: lacksSome %v, unshared %v", i, got, want)
				}
			}
		}
	}
	for _, w := range []string{"lindqvist", "wax", "xqw", "plain", "", "quixotic"} {
		if got, want := respellQWX(w), strings.NewReplacer("q", "k", "w", "v", "x", "ks").Replace(w); got != want {
			t.Errorf("respellQWX(%q) = %q, want %q", w, got, want)
		}
	}
}

// A profile read for Quick scores every pair of seeds as the whole profile
// does, to the bit, with and without a census's discount, and holds less.
func TestProfileReadForQuickScoresAlike(t *testing.T) {
	whole := seedProfiles(t, true)
	lean := make([]*Profile, len(whole))
	for i, p := range whole {
		b, _ := p.MarshalBinary()
		lean[i] = &Profile{}
		if err := lean[i].UnmarshalForQuick(b); err != nil {
			t.Fatal(err)
		}
		if lean[i].RunText != nil || len(lean[i].Names) != len(p.Names) {
			t.Errorf("seed %d: read for Quick keeps %d run texts, %d of %d names", i, len(lean[i].RunText), len(lean[i].Names), len(p.Names))
		}
		for _, it := range lean[i].Terms {
			if it.Text != "" {
				t.Fatalf("seed %d: a term kept its text", i)
			}
		}
	}
	compare := func(what string) {
		t.Helper()
		for i := range whole {
			for j := range whole {
				if i == j {
					continue
				}
				e1, t1 := Quick(whole[i], whole[j])
				e2, t2 := Quick(lean[i], lean[j])
				if e1 != e2 || t1 != t2 {
					t.Errorf("%s, seeds %d %d: whole %v %v, read for Quick %v %v", what, i, j, e1, t1, e2, t2)
				}
			}
		}
	}
	compare("undiscounted")
	// A census in which every key is held by a tenth of the archive.
	c := Census{Articles: 1000, Holding: func(k uint64) int { return 20 + int(k%200) }}
	for i := range whole {
		whole[i].Discount(c)
		lean[i].Discount(c)
	}
	compare("discounted")
}

// A profile written for Quick is smaller and reads, for Quick, as the whole
// blob does: the same profile, so every pair scores the same.
func TestProfileWrittenForQuickReadsAlike(t *testing.T) {
	for i, p := range seedProfiles(t, true) {
		whole, _ := p.MarshalBinary()
		lean, err := p.MarshalForQuick()
		if err != nil {
			t.Fatal(err)
		}
		if len(lean) >= len(whole) {
			t.Errorf("seed %d: written for Quick %d bytes, whole %d", i, len(lean), len(whole))
		}
		var a, b Profile
		if err := a.UnmarshalForQuick(whole); err != nil {
			t.Fatal(err)
		}
		if err := b.UnmarshalForQuick(lean); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(a, b) {
			t.Errorf("seed %d: the profile written for Quick reads otherwise than the whole one", i)
		}
		var c Profile
		if err := c.UnmarshalBinary(lean); err != nil || len(c.Title) != len(p.Title) || (len(p.Title) > 0 && c.Title[0].Text != p.Title[0].Text) {
			t.Errorf("seed %d: written for Quick, read whole: %v, title %v", i, err, c.Title)
		}
	}
}

// leadNamesInto walks the sorted lists; it finds what a search of each
// name in the title and the lede finds.
func TestLeadNamesAreTheNamesOfTitleAndLede(t *testing.T) {
	for i, p := range seedProfiles(t, true) {
		var want []Item
		for _, n := range p.Names {
			if hasKey(p.Title, n.Key) || hasKey(p.Lede, n.Key) {
				want = append(want, n)
			}
		}
		got := leadNamesInto(nil, p)
		if len(got) != len(want) || len(want) == 0 {
			t.Fatalf("seed %d: %d lead names, want %d (and some)", i, len(got), len(want))
		}
		for k := range got {
			if got[k] != want[k] {
				t.Errorf("seed %d: lead name %d is %v, want %v", i, k, got[k], want[k])
			}
		}
	}
}
