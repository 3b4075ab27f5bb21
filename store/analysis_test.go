package store_test

import (
	"cmp"
	"context"
	"reflect"
	"slices"
	"testing"

	"github.com/storydiff/storydiff/core"
	"github.com/storydiff/storydiff/store"
)

func pair(a, b int64, kind string, score float64) core.Pair {
	return core.Pair{A: a, B: b, Kind: kind, Jaccard: score, Containment: score, Score: score}
}

// ReplacePairs for some articles drops only the pairs touching them; with
// all set it drops every pair.
func TestReplacePairs(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	ids := addTexts(t, db, []string{"a", "b", "c", "d"})
	a, b, c, d := ids[0], ids[1], ids[2], ids[3]
	initial := []core.Pair{pair(a, b, core.PairNear, 0.9), pair(a, c, core.PairStory, 0.5), pair(c, d, core.PairNear, 0.8)}
	if err := db.ReplacePairs(ctx, true, nil, initial); err != nil {
		t.Fatal(err)
	}
	if got, _ := db.Pairs(ctx, 0); !reflect.DeepEqual(got, initial) {
		t.Fatalf("pairs = %+v, want %+v", got, initial)
	}

	// b was analysed again and now pairs with d only: a-b goes, the pairs
	// not touching b stay.
	if err := db.ReplacePairs(ctx, false, []int64{b}, []core.Pair{pair(b, d, core.PairNear, 0.7)}); err != nil {
		t.Fatal(err)
	}
	want := []core.Pair{pair(a, c, core.PairStory, 0.5), pair(b, d, core.PairNear, 0.7), pair(c, d, core.PairNear, 0.8)}
	if got, _ := db.Pairs(ctx, 0); !reflect.DeepEqual(got, want) {
		t.Errorf("after replacing b's pairs: %+v, want %+v", got, want)
	}

	// Pairs(id) returns the pairs with id on either side.
	if got, _ := db.Pairs(ctx, d); !reflect.DeepEqual(got, []core.Pair{want[1], want[2]}) {
		t.Errorf("Pairs(d) = %+v, want %+v", got, want[1:])
	}
	if got, _ := db.Pairs(ctx, a); !reflect.DeepEqual(got, want[:1]) {
		t.Errorf("Pairs(a) = %+v, want %+v", got, want[:1])
	}

	if err := db.ReplacePairs(ctx, true, nil, []core.Pair{pair(a, d, core.PairNear, 1)}); err != nil {
		t.Fatal(err)
	}
	if got, _ := db.Pairs(ctx, 0); !reflect.DeepEqual(got, []core.Pair{pair(a, d, core.PairNear, 1)}) {
		t.Errorf("after replacing all: %+v", got)
	}
	if got, err := db.Pairs(ctx, b); err != nil || got == nil || len(got) != 0 {
		t.Errorf("Pairs of an article without pairs = %v, %v; want empty", got, err)
	}
}

// A pair that breaks the schema (a > b) fails the whole replacement.
func TestReplacePairsIsAllOrNothing(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	ids := addTexts(t, db, []string{"a", "b"})
	before := []core.Pair{pair(ids[0], ids[1], core.PairNear, 0.9)}
	if err := db.ReplacePairs(ctx, true, nil, before); err != nil {
		t.Fatal(err)
	}
	if err := db.ReplacePairs(ctx, true, nil, []core.Pair{pair(ids[1], ids[0], core.PairNear, 0.1)}); err == nil {
		t.Fatal("a pair with a > b: want an error")
	}
	if got, _ := db.Pairs(ctx, 0); !reflect.DeepEqual(got, before) {
		t.Errorf("after a refused replacement: %+v, want %+v", got, before)
	}
}

// SaveAnalyses stores features, blocks and repeats; Repeats returns them
// per article in order, and a later analysis replaces an article's repeats.
func TestSaveAnalysesRoundTrip(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	ids := addTexts(t, db, []string{"one two one two", "three", "four"})
	rep := func(text string, at ...int) core.Repeat {
		r := core.Repeat{Text: text}
		for _, s := range at {
			r.Occurrences = append(r.Occurrences, core.Span{Start: s, End: s + len(text)})
		}
		return r
	}
	blocks := []core.Block{
		{Span: core.Span{Start: 0, End: 7}, Kind: "body", Hash: "x"},
		{Span: core.Span{Start: 8, End: 15}, Kind: "boilerplate", Hash: "y"},
	}
	batch := []store.ArticleAnalysis{
		{ID: ids[0], ParamsHash: 7, Features: []byte("f0"), Blocks: blocks,
			Repeats: []core.Repeat{rep("one two", 0, 8), rep("two", 4, 12)}},
		{ID: ids[1], ParamsHash: 7, Features: []byte("f1")},
		{ID: ids[2], ParamsHash: 8, Features: []byte("f2"), Repeats: []core.Repeat{rep("four", 0, 10)}},
	}
	if err := db.SaveAnalyses(ctx, batch); err != nil {
		t.Fatal(err)
	}

	one, err := db.Repeats(ctx, ids[0])
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(one, map[int64][]core.Repeat{ids[0]: batch[0].Repeats}) {
		t.Errorf("Repeats(%d) = %+v, want %+v", ids[0], one, batch[0].Repeats)
	}
	all, _ := db.Repeats(ctx, 0)
	if len(all) != 2 || !reflect.DeepEqual(all[ids[2]], batch[2].Repeats) || all[ids[1]] != nil {
		t.Errorf("Repeats(0) = %+v, want articles %d and %d only", all, ids[0], ids[2])
	}
	if got, _ := db.Blocks(ctx, ids[0]); !reflect.DeepEqual(got, blocks) {
		t.Errorf("blocks = %+v, want %+v", got, blocks)
	}
	if got, _ := db.BoilerplateSpans(ctx, ids[0]); !reflect.DeepEqual(got, []core.Span{blocks[1].Span}) {
		t.Errorf("boilerplate spans = %+v, want %+v", got, blocks[1].Span)
	}
	if got, err := db.BoilerplateSpans(ctx, ids[1]); err != nil || got != nil {
		t.Errorf("boilerplate spans of an article without = %+v (%v), want none", got, err)
	}
	// No blocks in the analysis keeps the blocks stored on import.
	if got, _ := db.Blocks(ctx, ids[1]); len(got) != 1 || got[0].Kind != "title" {
		t.Errorf("blocks of an article analysed without blocks = %+v, want the imported title block", got)
	}

	// Features by parameters: only those made with the same hash count.
	if n, _ := db.CountFeatures(ctx, 7); n != 2 {
		t.Errorf("CountFeatures(7) = %d, want 2", n)
	}
	if stale, _ := db.StaleFeatures(ctx, 7); !slices.Equal(stale, ids[2:3]) {
		t.Errorf("StaleFeatures(7) = %v, want [%d]", stale, ids[2])
	}
	got := map[int64]string{}
	if err := db.Features(ctx, 7, func(id int64, data []byte) error { got[id] = string(data); return nil }); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, map[int64]string{ids[0]: "f0", ids[1]: "f1"}) {
		t.Errorf("Features(7) = %v", got)
	}
	some := map[int64]string{}
	if err := db.FeaturesOf(ctx, 7, []int64{ids[1], ids[2], 999}, func(id int64, data []byte) error { some[id] = string(data); return nil }); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(some, map[int64]string{ids[1]: "f1"}) {
		t.Errorf("FeaturesOf(7, ...) = %v, want only article %d", some, ids[1])
	}

	// Analysing again replaces the repeats, it does not add to them.
	batch[0].Repeats = batch[0].Repeats[1:]
	if err := db.SaveAnalyses(ctx, batch[:1]); err != nil {
		t.Fatal(err)
	}
	if got, _ := db.Repeats(ctx, ids[0]); !reflect.DeepEqual(got[ids[0]], batch[0].Repeats) {
		t.Errorf("after a second analysis: %+v, want %+v", got[ids[0]], batch[0].Repeats)
	}
}

// Line counts round trip; the articles counted with them are no longer
// uncounted, and a recount forgets every earlier mark.
func TestLineCounts(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	ids := addTexts(t, db, []string{"a", "b", "c"})
	// Hashes above 1<<63 are stored as negative integers and must come back.
	rows := []core.LineCount{{Group: "/c", Hash: 0, Count: 3}, {Group: "/c", Hash: 1<<64 - 5, Count: 2}, {Group: "bbc", Hash: 42, Count: 1}}
	if err := db.SaveLineCounts(ctx, rows, ids[:2], false); err != nil {
		t.Fatal(err)
	}
	got, err := db.LineCounts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// LineCounts promises no order.
	sortCounts := func(s []core.LineCount) {
		slices.SortFunc(s, func(x, y core.LineCount) int {
			return cmp.Or(cmp.Compare(x.Group, y.Group), cmp.Compare(x.Hash, y.Hash))
		})
	}
	sortCounts(got)
	sortCounts(rows)
	if !reflect.DeepEqual(got, rows) {
		t.Errorf("line counts = %+v, want %+v", got, rows)
	}
	if un, _ := db.UncountedLines(ctx); !slices.Equal(un, ids[2:]) {
		t.Errorf("uncounted = %v, want [%d]", un, ids[2])
	}

	// Counting the last article adds it; the counts are replaced.
	if err := db.SaveLineCounts(ctx, rows[:1], ids[2:], false); err != nil {
		t.Fatal(err)
	}
	if got, _ := db.LineCounts(ctx); !reflect.DeepEqual(got, rows[:1]) {
		t.Errorf("after a second save: %+v, want %+v", got, rows[:1])
	}
	if un, _ := db.UncountedLines(ctx); len(un) != 0 {
		t.Errorf("uncounted = %v, want none", un)
	}

	// A recount of one article leaves the others uncounted again.
	if err := db.SaveLineCounts(ctx, rows[:1], ids[:1], true); err != nil {
		t.Fatal(err)
	}
	if un, _ := db.UncountedLines(ctx); !slices.Equal(un, ids[1:]) {
		t.Errorf("after a recount: uncounted = %v, want %v", un, ids[1:])
	}
}

func TestAnalysisInputs(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	ids := addTexts(t, db, []string{"first text", "second text", "third text"})
	var seen []int64
	err := db.AnalysisInputs(ctx, []int64{ids[2], 999, ids[0]}, func(in store.AnalysisInput) error {
		seen = append(seen, in.ID)
		if in.Text == "" || string(in.Original) != in.Text || in.Path == "" {
			t.Errorf("input %d = %+v, want its text, bytes and path", in.ID, in)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// In the order asked, a missing article skipped.
	if !slices.Equal(seen, []int64{ids[2], ids[0]}) {
		t.Errorf("inputs = %v, want %v", seen, []int64{ids[2], ids[0]})
	}
	seen = nil
	if err := db.AnalysisInputs(ctx, nil, func(in store.AnalysisInput) error { seen = append(seen, in.ID); return nil }); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(seen, ids) {
		t.Errorf("all inputs = %v, want %v", seen, ids)
	}
}

func TestSettings(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	type params struct {
		Shingle   int
		Threshold float64
	}
	var p params
	if ok, err := db.Setting(ctx, "analysis", &p); ok || err != nil {
		t.Fatalf("missing setting: ok=%v err=%v, want false, nil", ok, err)
	}
	for _, want := range []params{{5, 0.8}, {7, 0.6}} {
		if err := db.SetSetting(ctx, "analysis", want); err != nil {
			t.Fatal(err)
		}
		var got params
		if ok, err := db.Setting(ctx, "analysis", &got); !ok || err != nil || got != want {
			t.Errorf("Setting = %+v (ok=%v, %v), want %+v", got, ok, err, want)
		}
	}
}
