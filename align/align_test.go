package align_test

import (
	"slices"
	"testing"

	"github.com/storydiff/storydiff/align"
)

// got is one link as text: the kind, whether moved, and the sentences.
type got struct {
	kind  align.Kind
	moved bool
	a, b  string
}

func linksOf(a, b string, r align.Alignment) []got {
	ra, rb := []rune(a), []rune(b)
	var out []got
	for _, l := range r.Links {
		out = append(out, got{l.Kind, l.Moved, string(ra[l.SpanA.Start:l.SpanA.End]), string(rb[l.SpanB.Start:l.SpanB.End])})
	}
	return out
}

func TestAlign(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		want []got
	}{{
		name: "kept up to case, quotes and space",
		a:    "The minister spoke on \u201cTuesday\u201d. Talks went on.",
		b:    "The Minister  spoke on \"Tuesday\". Talks went on.",
		want: []got{
			{align.Equal, false, "The minister spoke on \u201cTuesday\u201d.", "The Minister  spoke on \"Tuesday\"."},
			{align.Equal, false, "Talks went on.", "Talks went on."},
		},
	}, {
		name: "reworded with a name variant",
		a:    "Zelensky met Austin in Kyiv on Friday. Nothing else happened.",
		b:    "Zelenskyy met Lloyd Austin in Kiev on Friday afternoon. Nothing else happened.",
		want: []got{
			{align.Edited, false, "Zelensky met Austin in Kyiv on Friday.", "Zelenskyy met Lloyd Austin in Kiev on Friday afternoon."},
			{align.Equal, false, "Nothing else happened.", "Nothing else happened."},
		},
	}, {
		name: "split in two",
		a:    "Austin called Shoigu on Friday and urged an immediate ceasefire in Ukraine. The Pentagon confirmed it.",
		b:    "Austin called Shoigu on Friday. He urged an immediate ceasefire in Ukraine. The Pentagon confirmed it.",
		want: []got{
			{align.Split, false, "Austin called Shoigu on Friday and urged an immediate ceasefire in Ukraine.", "Austin called Shoigu on Friday. He urged an immediate ceasefire in Ukraine."},
			{align.Equal, false, "The Pentagon confirmed it.", "The Pentagon confirmed it."},
		},
	}, {
		name: "two merged",
		a:    "The call lasted an hour. It covered prisoners and grain exports. Kirby declined to comment.",
		b:    "The call lasted an hour and covered prisoners and grain exports. Kirby declined to comment.",
		want: []got{
			{align.Merged, false, "The call lasted an hour. It covered prisoners and grain exports.", "The call lasted an hour and covered prisoners and grain exports."},
			{align.Equal, false, "Kirby declined to comment.", "Kirby declined to comment."},
		},
	}, {
		name: "moved whole to the top",
		a:    "Officials met in Geneva on Monday. The talks lasted six hours. Both sides called them useful. Moscow announced a prisoner exchange of 144 soldiers.",
		b:    "Moscow announced a prisoner exchange of 144 soldiers. Officials met in Geneva on Monday. The talks lasted six hours. Both sides called them useful.",
		want: []got{
			{align.Equal, true, "Moscow announced a prisoner exchange of 144 soldiers.", "Moscow announced a prisoner exchange of 144 soldiers."},
			{align.Equal, false, "Officials met in Geneva on Monday.", "Officials met in Geneva on Monday."},
			{align.Equal, false, "The talks lasted six hours.", "The talks lasted six hours."},
			{align.Equal, false, "Both sides called them useful.", "Both sides called them useful."},
		},
	}, {
		name: "moved and reworded",
		a:    "Officials met in Geneva on Monday. The talks lasted six hours. Both sides called them useful. Moscow announced a prisoner exchange of 144 soldiers.",
		b:    "Moscow later announced an exchange of 144 soldiers. Officials met in Geneva on Monday. The talks lasted six hours. Both sides called them useful.",
		want: []got{
			{align.Edited, true, "Moscow announced a prisoner exchange of 144 soldiers.", "Moscow later announced an exchange of 144 soldiers."},
			{align.Equal, false, "Officials met in Geneva on Monday.", "Officials met in Geneva on Monday."},
			{align.Equal, false, "The talks lasted six hours.", "The talks lasted six hours."},
			{align.Equal, false, "Both sides called them useful.", "Both sides called them useful."},
		},
	}, {
		name: "a sentence replaced by an unrelated one",
		a:    "Grain exports resumed from Odesa. The ministry gave no figures.",
		b:    "A storm closed the airport in Oslo. The ministry gave no figures.",
		want: []got{
			{align.Removed, false, "Grain exports resumed from Odesa.", ""},
			{align.Added, false, "", "A storm closed the airport in Oslo."},
			{align.Equal, false, "The ministry gave no figures.", "The ministry gave no figures."},
		},
	}, {
		name: "empty old version",
		a:    "",
		b:    "One sentence. Two sentences.",
		want: []got{
			{align.Added, false, "", "One sentence."},
			{align.Added, false, "", "Two sentences."},
		},
	}, {
		name: "empty new version",
		a:    "One sentence.",
		b:    "  \n ",
		want: []got{{align.Removed, false, "One sentence.", ""}},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := align.Align(tt.a, tt.b, align.Options{})
			checkInvariants(t, tt.a, tt.b, r)
			if g := linksOf(tt.a, tt.b, r); !slices.Equal(g, tt.want) {
				t.Errorf("links\n got %+v\nwant %+v", g, tt.want)
			}
		})
	}
}

func TestStats(t *testing.T) {
	a := "Austin called Shoigu on Friday. The call lasted an hour. Kirby declined to comment."
	b := "Austin called his counterpart Shoigu on Friday. The call lasted an hour. A storm closed the airport in Oslo."
	r := align.Align(a, b, align.Options{})
	want := align.Stats{SentencesA: 3, SentencesB: 3, Equal: 1, Edited: 1, Added: 1, Removed: 1}
	s := r.Stats
	s.Kept = 0
	if s != want {
		t.Errorf("stats %+v, want %+v", r.Stats, want)
	}
	// Kept is the words of the two linked sentences of B over all of B's.
	if w := float64(r.B[0].Words+r.B[1].Words) / float64(r.B[0].Words+r.B[1].Words+r.B[2].Words); r.Stats.Kept != w {
		t.Errorf("kept %v, want %v", r.Stats.Kept, w)
	}
}

// TestRepeatedSentence: a sentence found twice in one version is no anchor,
// and each copy is still linked in order.
func TestRepeatedSentence(t *testing.T) {
	a := "Austin urged a ceasefire. Kirby spoke. Austin urged a ceasefire. The call ended."
	b := "Austin urged a ceasefire. Kirby spoke to reporters. Austin urged a ceasefire. The call ended."
	r := align.Align(a, b, align.Options{})
	checkInvariants(t, a, b, r)
	for j := range r.B {
		l := r.Links[r.LinkOfB[j]]
		if !slices.Equal(l.A, []int{j}) || l.Moved {
			t.Errorf("sentence %d of B linked to %v (moved %v), want [%d] in place", j, l.A, l.Moved, j)
		}
	}
}

// TestBanded: with a tiny MaxCells a long stretch is aligned within a band,
// says so, and still links sentences that kept their place.
func TestBanded(t *testing.T) {
	var v version
	for s := uint64(0); ; s++ {
		v = gen(t, s, seeds(t)[3], rates{edit: 1, strength: 0.3})
		if len(v.truth) > 20 {
			break
		}
	}
	r := align.Align(v.a, v.b, align.Options{MaxCells: 200})
	checkInvariants(t, v.a, v.b, r)
	if !r.Degraded {
		t.Fatal("not marked degraded")
	}
	var tl tally
	tl.add(v, r)
	if tl.f1() < 0.9 {
		t.Errorf("banded alignment: %v", tl)
	}
}

func TestDeterministic(t *testing.T) {
	v := gen(t, 7, seeds(t)[0], defaultRates)
	first := align.Align(v.a, v.b, align.Options{})
	for range 5 {
		r := align.Align(v.a, v.b, align.Options{})
		if !slices.EqualFunc(r.Links, first.Links, sameLink) {
			t.Fatal("two runs gave different links")
		}
	}
}

func sameLink(x, y align.Link) bool {
	return x.Kind == y.Kind && x.Moved == y.Moved && x.Score == y.Score &&
		slices.Equal(x.A, y.A) && slices.Equal(x.B, y.B)
}

// TestTranslation: a Russian version aligns with the English one by the
// names (transliterated), numbers and dates its sentences share.
func TestTranslation(t *testing.T) {
	en := "Lloyd Austin called Sergei Shoigu on May 13, 2022. The weather in Washington was fine. Belousov replaced Shoigu in 2024."
	ru := "Ллойд Остин позвонил Шойгу 13 мая 2022 года. В 2024 году Белоусов сменил Шойгу."
	rows := align.Pair(en, ru, align.Options{})
	checkTiles(t, en, ru, rows)
	for _, want := range [][2]string{{"May 13, 2022", "13 мая 2022"}, {"Belousov replaced", "Белоусов сменил"}} {
		if rowWith(rows, want[0], want[1]) == nil {
			t.Errorf("no row pairs %q with %q", want[0], want[1])
		}
	}
	if r := rowWith(rows, "weather", ""); r == nil || r.B != nil {
		t.Errorf("the sentence with no counterpart should stand against a gap: %+v", r)
	}
}
