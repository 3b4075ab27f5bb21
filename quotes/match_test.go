package quotes

import (
	"fmt"
	"math/rand"
	"reflect"
	"strings"
	"testing"
)

func quote(text string) Quote { return Quote{Text: text, Key: keyOf(text)} }

func TestSimilarVariants(t *testing.T) {
	full := "Secretary Austin emphasized the importance of maintaining lines of communication amid the ongoing war against Ukraine."
	for _, c := range []struct {
		name, other string
		same        bool
	}{
		{"identical", full, true},
		{"truncated", "the importance of maintaining lines of communication amid the ongoing war", true},
		{"ellipsis", "Secretary Austin emphasized the importance of maintaining lines … against Ukraine.", true},
		{"small edits", "Austin stressed the importance of maintaining lines of communication amid Russia's ongoing war against Ukraine", true},
		{"marks and case", "SECRETARY AUSTIN EMPHASISED THE IMPORTANCE OF MAINTAINING LINES OF COMMUNICATION AMID THE ONGOING WAR AGAINST UKRAINE", true},
		{"different quote", "The two defense chiefs agreed to remain in close contact on the war in Ukraine.", false},
		{"shared phrase only", "Austin urged an immediate ceasefire and stressed the importance of maintaining lines of communication.", false},
		{"short fragment", "the ongoing war", false},
	} {
		got := Similar(quote(full), quote(c.other))
		if (got >= Threshold) != c.same {
			t.Errorf("%s: Similar = %.2f, same quote %v", c.name, got, c.same)
		}
		if back := Similar(quote(c.other), quote(full)); back != got {
			t.Errorf("%s: Similar not symmetric: %.3f vs %.3f", c.name, got, back)
		}
	}
	// emphasised/emphasized is a spelling the key does not unify, yet one
	// word in twelve leaves the quote the same.
	if s := Similar(quote(full), quote(strings.Replace(full, "emphasized", "emphasised", 1))); s < Threshold {
		t.Errorf("one changed word: %.2f", s)
	}
}

func TestSimilarNameVariants(t *testing.T) {
	a := quote("Zelenskyy said Kyiv will never accept the loss of its territories to Russia.")
	b := quote("Selenskyj said Kiev will never accept the loss of its territories to Russia.")
	if s := Similar(a, b); s != 1 {
		t.Errorf("transliterated names: Similar = %.2f, want 1", s)
	}
}

func TestGroupTruncationAndSpeakers(t *testing.T) {
	full := "We will definitely achieve this goal, like all our other goals, whatever it takes."
	items := []Item{
		{1, quote(full)},
		{2, quote("“We will not give up a single metre of our land to the occupiers,” he said.")},
		{3, quote("We will definitely achieve this goal")},
		{4, quote("We will definitely achieve this goal, like all our other goals …")},
		{5, quote("We will not give up a single metre of our land")},
	}
	gs := Group(items)
	arts := func(g []Item) []int64 {
		var out []int64
		for _, it := range g {
			out = append(out, it.Article)
		}
		return out
	}
	var got [][]int64
	for _, g := range gs {
		got = append(got, arts(g))
	}
	// Two different quotes of one speaker stay apart; each truncation
	// joins its full form.
	want := [][]int64{{1, 3, 4}, {2, 5}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("groups %v, want %v", got, want)
	}
}

func TestGroupFragmentDoesNotBridge(t *testing.T) {
	// A fragment inside two different statements joins one of them, never
	// both: otherwise one common phrase would merge unrelated quotes.
	items := []Item{
		{1, quote("Austin stressed the importance of maintaining open lines of communication with Moscow during the crisis")},
		{2, quote("Kirby said Washington values maintaining open lines of communication with allies in Europe and Asia")},
		{3, quote("maintaining open lines of communication")},
	}
	gs := Group(items)
	if len(gs) != 2 {
		t.Fatalf("got %d groups, want 2: %+v", len(gs), gs)
	}
}

// TestGroupMatchesAllPairs checks that candidates from Keys miss nothing:
// grouping through the index gives the groups that comparing every pair
// gives, on generated quotes printed again with edits.
func TestGroupMatchesAllPairs(t *testing.T) {
	items := generated(rand.New(rand.NewSource(7)), 150, 4)
	got := Group(items)
	want := groupAllPairs(items)
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Group through keys gave %d groups, all pairs %d", len(got), len(want))
	}
	if len(got) >= len(items) {
		t.Fatalf("nothing grouped: %d groups of %d items", len(got), len(items))
	}
	// Each generated source is one group, and no group mixes sources.
	for _, g := range got {
		for _, it := range g[1:] {
			if it.Article/100 != g[0].Article/100 {
				t.Errorf("sources %d and %d grouped: %q / %q", g[0].Article/100, it.Article/100, g[0].Quote.Text, it.Quote.Text)
			}
		}
	}
	if len(got) != 150 {
		t.Errorf("%d groups, want one per source (150)", len(got))
	}
}

// groupAllPairs is Group without the index: every pair compared.
func groupAllPairs(items []Item) [][]Item {
	n := len(items)
	var m matcher
	ws := make([]seq, n)
	parent := make([]int32, n)
	best := make([]part, n)
	for i := range items {
		ws[i] = m.seq(words(items[i].Quote))
		parent[i] = int32(i)
		best[i].to = -1
	}
	for i := 0; i < n; i++ {
		for j := 0; j < i; j++ {
			overlap, contained := m.parts(ws[i], ws[j])
			switch {
			case overlap >= Threshold:
				union(parent, int32(i), int32(j))
			case contained >= Threshold:
				short, long := int32(i), int32(j)
				if len(ws[j].ids) < len(ws[i].ids) {
					short, long = int32(j), int32(i)
				}
				best[short].offer(long, contained, len(ws[long].ids))
			}
		}
	}
	for i, p := range best {
		if p.to >= 0 {
			union(parent, int32(i), p.to)
		}
	}
	var out [][]Item
	slot := map[int32]int{}
	for i := range items {
		r := find(parent, int32(i))
		g, ok := slot[r]
		if !ok {
			g = len(out)
			slot[r] = g
			out = append(out, nil)
		}
		out[g] = append(out[g], items[i])
	}
	return out
}

// generated returns sources quotes of 8 to 30 words drawn from a skewed
// vocabulary, each printed copies times: as is, truncated, with an
// ellipsis, with a word changed or with other marks. Article is
// source*100 + copy.
func generated(r *rand.Rand, sources, copies int) []Item {
	vocab := make([]string, 3000)
	for i := range vocab {
		vocab[i] = fmt.Sprintf("w%dx", i)
	}
	var items []Item
	for s := 0; s < sources; s++ {
		n := 8 + r.Intn(23)
		ws := make([]string, n)
		for i := range ws {
			ws[i] = vocab[int(float64(len(vocab))*r.Float64()*r.Float64())] // common words more often
		}
		for c := 0; c < copies; c++ {
			v := append([]string(nil), ws...)
			switch c % 4 {
			case 1:
				v = v[:len(v)*3/4]
			case 2:
				k := len(v) / 3
				v = append(append(v[:k:k], "…"), v[k+2:]...)
			case 3:
				v[r.Intn(len(v))] = vocab[r.Intn(len(vocab))]
			}
			text := strings.Join(v, " ")
			if c%2 == 1 {
				text = "«" + text + "»"
			}
			items = append(items, Item{Article: int64(s*100 + c), Quote: quote(text)})
		}
	}
	return items
}

func TestKeysShared(t *testing.T) {
	a := quote("the importance of maintaining lines of communication amid the war")
	b := quote("importance of maintaining lines … amid the war")
	shared := false
	kb := map[uint64]bool{}
	for _, k := range Keys(b) {
		kb[k] = true
	}
	for _, k := range Keys(a) {
		shared = shared || kb[k]
	}
	if !shared {
		t.Error("a quote and its shortened form share no key")
	}
	if len(Keys(quote("Never"))) != 1 {
		t.Error("a one-word quote needs one key")
	}
}

func TestShortQuotes(t *testing.T) {
	for _, c := range []struct {
		a, b string
		same bool
	}{
		{"the nuclear option", "nuclear option", true},
		{"bonfire of the quangos", "bonfire of quangos", true},
		{"very clear", "very clear rules", false},
		{"one of the options", "That is just one of the costs.", false},
		{"within the first half of this year", "With the first half of our fiscal year in the books, we remain confident", false},
	} {
		if got := Similar(quote(c.a), quote(c.b)); (got >= Threshold) != c.same {
			t.Errorf("Similar(%q, %q) = %.2f, same %v", c.a, c.b, got, c.same)
		}
	}
}
