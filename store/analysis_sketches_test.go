package store_test

import (
	"context"
	"reflect"
	"slices"
	"testing"

	"github.com/storydiff/storydiff/core"
	"github.com/storydiff/storydiff/store"
)

// Sketches are kept per parameters: a sketch made with other parameters is
// neither counted nor streamed, and saving again replaces an article's sketch.
func TestSketches(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	ids := addTexts(t, db, []string{"a", "b", "c"})
	if err := db.SaveSketches(ctx, 1, []store.SketchRow{{ID: ids[0], Data: []byte("s0")}, {ID: ids[1], Data: []byte("s1")}}); err != nil {
		t.Fatal(err)
	}
	// SaveAnalyses stores a sketch beside the features when given one.
	if err := db.SaveAnalyses(ctx, []store.ArticleAnalysis{{ID: ids[2], Features: []byte("f"), Sketch: []byte("s2"), SketchHash: 2}}); err != nil {
		t.Fatal(err)
	}
	read := func(hash uint64) map[int64]string {
		out := map[int64]string{}
		if err := db.Sketches(ctx, hash, func(id int64, data []byte) error { out[id] = string(data); return nil }); err != nil {
			t.Fatal(err)
		}
		return out
	}
	if got := read(1); !reflect.DeepEqual(got, map[int64]string{ids[0]: "s0", ids[1]: "s1"}) {
		t.Errorf("Sketches(1) = %v", got)
	}
	if got := read(2); !reflect.DeepEqual(got, map[int64]string{ids[2]: "s2"}) {
		t.Errorf("Sketches(2) = %v", got)
	}
	if n, _ := db.CountSketches(ctx, 1); n != 2 {
		t.Errorf("CountSketches(1) = %d, want 2", n)
	}
	// A new sketch of ids[0] with other parameters takes the place of the old.
	if err := db.SaveSketches(ctx, 2, []store.SketchRow{{ID: ids[0], Data: []byte("new")}}); err != nil {
		t.Fatal(err)
	}
	if n, _ := db.CountSketches(ctx, 1); n != 1 {
		t.Errorf("CountSketches(1) after a resketch = %d, want 1", n)
	}
	if got := read(2); !reflect.DeepEqual(got, map[int64]string{ids[0]: "new", ids[2]: "s2"}) {
		t.Errorf("Sketches(2) = %v", got)
	}
}

// ReplaceCensus drops every term it is not given; UpdateCensus changes only
// the terms given. Both store the number of articles counted.
func TestCensus(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	if _, ok, err := db.CensusArticles(ctx); ok || err != nil {
		t.Fatalf("census of a new archive: ok=%v %v, want none", ok, err)
	}
	big := uint64(1<<64 - 1) // stored as a negative integer
	if err := db.ReplaceCensus(ctx, 10, map[uint64]int32{1: 3, 2: 5, big: 7}); err != nil {
		t.Fatal(err)
	}
	if err := db.UpdateCensus(ctx, 12, map[uint64]int32{2: 6, 4: 1}); err != nil {
		t.Fatal(err)
	}
	df, err := db.CensusTerms(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if want := map[uint64]int32{1: 3, 2: 6, 4: 1, big: 7}; !reflect.DeepEqual(df, want) {
		t.Errorf("after update: %v, want %v", df, want)
	}
	if n, ok, err := db.CensusArticles(ctx); !ok || err != nil || n != 12 {
		t.Errorf("CensusArticles = %d, %v, %v; want 12", n, ok, err)
	}
	if err := db.ReplaceCensus(ctx, 3, map[uint64]int32{9: 2}); err != nil {
		t.Fatal(err)
	}
	if df, _ := db.CensusTerms(ctx); !reflect.DeepEqual(df, map[uint64]int32{9: 2}) {
		t.Errorf("after replace: %v, want only term 9", df)
	}
	if n, _, _ := db.CensusArticles(ctx); n != 3 {
		t.Errorf("CensusArticles after replace = %d, want 3", n)
	}
}

// CountAnalysis and RepeatedIDs agree with what was stored.
func TestCountAnalysisAndRepeatedIDs(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	ids := addTexts(t, db, []string{"a", "b", "c", "d", "e"})
	if err := db.ReplacePairs(ctx, true, nil, []core.Pair{
		{A: ids[0], B: ids[1], Kind: core.PairNear, Score: 1}, {A: ids[0], B: ids[1], Kind: core.PairStory, Score: 1},
		{A: ids[2], B: ids[3], Kind: core.PairStory, Score: 1},
	}); err != nil {
		t.Fatal(err)
	}
	rep := []core.Repeat{{Text: "x", Occurrences: []core.Span{{Start: 0, End: 1}, {Start: 2, End: 3}}}}
	if err := db.SaveAnalyses(ctx, []store.ArticleAnalysis{
		{ID: ids[4], Features: []byte("f"), Repeats: append(rep, rep...)},
		{ID: ids[1], Features: []byte("f"), Repeats: rep},
	}); err != nil {
		t.Fatal(err)
	}
	c, err := db.CountAnalysis(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// Two repeats of one article count it once.
	if c != (store.AnalysisCounts{Pairs: 3, ArticlesWithRepeats: 2}) {
		t.Errorf("counts = %+v", c)
	}
	repeated, err := db.RepeatedIDs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(repeated, []int64{ids[1], ids[4]}) {
		t.Errorf("RepeatedIDs = %v; want sorted [%d %d]", repeated, ids[1], ids[4])
	}
}
