package store_test

import (
	"context"
	"reflect"
	"slices"
	"testing"

	"github.com/storydiff/storydiff/core"
	"github.com/storydiff/storydiff/store"
)

// New articles are queued; what an analysis step has left to do is chosen
// among the queued articles; a dequeued article is no step's business until
// the whole archive is queued again (QueueAll, or quotes found anew).
func TestQueueHoldsWhatAnalysisHasLeft(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	ids := addTexts(t, db, []string{"one", "two", "three"})
	if q, err := db.Queued(ctx); err != nil || !slices.Equal(q, ids) {
		t.Fatalf("queued %v %v, want the new articles %v", q, err, ids)
	}
	if err := db.SaveAnalyses(ctx, []store.ArticleAnalysis{{ID: ids[0], ParamsHash: 7, Features: []byte("f")}}); err != nil {
		t.Fatal(err)
	}
	if stale, _ := db.StaleFeatures(ctx, 7); !slices.Equal(stale, ids[1:]) {
		t.Errorf("stale features %v, want %v", stale, ids[1:])
	}
	if err := db.Dequeue(ctx, ids[1:2]); err != nil {
		t.Fatal(err)
	}
	if q, _ := db.Queued(ctx); !slices.Equal(q, []int64{ids[0], ids[2]}) {
		t.Errorf("queued after dequeueing %d: %v", ids[1], q)
	}
	for name, f := range map[string]func(context.Context) ([]int64, error){
		"StaleFeatures":    func(ctx context.Context) ([]int64, error) { return db.StaleFeatures(ctx, 7) },
		"UncountedLines":   db.UncountedLines,
		"UnquotedArticles": db.UnquotedArticles,
		"StaleProfiles":    func(ctx context.Context) ([]int64, error) { return db.StaleProfiles(ctx, 1) },
	} {
		if got, _ := f(ctx); slices.Contains(got, ids[1]) {
			t.Errorf("%s = %v names the dequeued article %d", name, got, ids[1])
		}
	}
	if err := db.ResetQuotes(ctx); err != nil {
		t.Fatal(err)
	}
	if q, _ := db.Queued(ctx); !slices.Equal(q, ids) {
		t.Errorf("queued after quotes were reset: %v, want all %v", q, ids)
	}
	if err := db.Dequeue(ctx, ids); err != nil {
		t.Fatal(err)
	}
	if err := db.QueueAll(ctx); err != nil {
		t.Fatal(err)
	}
	if q, _ := db.Queued(ctx); !slices.Equal(q, ids) {
		t.Errorf("queued after QueueAll: %v, want %v", q, ids)
	}
	// Features or profiles made by other code say the whole archive is
	// stale.
	if other, _ := db.FeaturesMadeOtherwise(ctx, 7); other {
		t.Error("features made with 7 reported as made otherwise")
	}
	if other, _ := db.FeaturesMadeOtherwise(ctx, 8); !other {
		t.Error("features made with 7 not reported stale for 8")
	}
	if err := db.SaveProfiles(ctx, 3, []store.ProfileRow{{ID: ids[0], Data: []byte{1}}}); err != nil {
		t.Fatal(err)
	}
	if other, _ := db.ProfilesMadeOtherwise(ctx, 3); other {
		t.Error("profiles of version 3 reported as made otherwise")
	}
	if other, _ := db.ProfilesMadeOtherwise(ctx, 4); !other {
		t.Error("profiles of version 3 not reported stale for version 4")
	}
	// An article out of the queue that analysis has not done is a problem
	// Check reports.
	if err := db.Dequeue(ctx, ids); err != nil {
		t.Fatal(err)
	}
	if problems, _ := db.Check(ctx); len(problems) != 1 {
		t.Errorf("check of unanalysed articles out of the queue: %q, want one problem", problems)
	}
}

// The kept counts follow every kind of write: replaced features and
// sketches, pairs replaced, links trimmed, events and threads written from
// scratch and changed, profiles of another version; Check finds them equal
// to the tables, and the counting methods read them.
func TestKeptCountsFollowTheTables(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	ids := addTexts(t, db, []string{"a one", "b two", "c three", "d four"})
	a, b, c, d := ids[0], ids[1], ids[2], ids[3]
	rep := []core.Repeat{{Text: "x", Occurrences: []core.Span{{Start: 0, End: 1}, {Start: 2, End: 3}}}}
	for _, ph := range []uint64{7, 7, 8} { // the same again, then other parameters for two
		batch := []store.ArticleAnalysis{
			{ID: a, ParamsHash: ph, Features: []byte("f"), Sketch: []byte{byte(ph)}, SketchHash: 5, Repeats: rep},
			{ID: b, ParamsHash: ph, Features: []byte("g"), Sketch: []byte{2}, SketchHash: 5, Repeats: rep},
			{ID: c, ParamsHash: 7, Features: []byte("h"), Sketch: []byte{3}, SketchHash: 6},
		}
		if err := db.SaveAnalyses(ctx, batch); err != nil {
			t.Fatal(err)
		}
	}
	// b's repeats are gone on a new analysis without them.
	if err := db.SaveAnalyses(ctx, []store.ArticleAnalysis{{ID: b, ParamsHash: 8, Features: []byte("g")}}); err != nil {
		t.Fatal(err)
	}
	pairs := []core.Pair{{A: a, B: b, Kind: "near"}, {A: a, B: c, Kind: "story"}, {A: b, B: c, Kind: "story"}}
	if err := db.ReplacePairs(ctx, true, nil, pairs); err != nil {
		t.Fatal(err)
	}
	if err := db.ReplacePairs(ctx, false, []int64{c}, []core.Pair{{A: a, B: c, Kind: "story", Score: 0.5}}); err != nil {
		t.Fatal(err)
	}
	if err := db.ReplacePairs(ctx, false, nil, []core.Pair{{A: a, B: b, Kind: "near", Score: 0.9}}); err != nil {
		t.Fatal(err) // a pair stored again, in place
	}
	links := []store.Link{{A: a, B: b, Event: 0.9}, {A: b, B: c, Event: 0.8}, {A: c, B: d, Event: 0.7}}
	if err := db.SaveLinks(ctx, links, 1); err != nil {
		t.Fatal(err)
	}
	if err := db.SaveLinks(ctx, links[:1], 1); err != nil {
		t.Fatal(err)
	}
	if err := db.SaveProfiles(ctx, 1, []store.ProfileRow{{ID: a, Data: []byte{1}}, {ID: b, Data: []byte{1}}}); err != nil {
		t.Fatal(err)
	}
	if err := db.SaveProfiles(ctx, 2, []store.ProfileRow{{ID: a, Data: []byte{2}}}); err != nil {
		t.Fatal(err)
	}
	scratch := store.ClusterChanges{
		Events:  []store.EventRow{{ID: 1, Members: []int64{a, b}, Thread: 1}, {ID: 2, Members: []int64{c}, Thread: 1}, {ID: 3, Members: []int64{d}}},
		Threads: []store.ThreadRow{{ID: 1, Events: []int64{1, 2}}},
	}
	for range 2 {
		if _, err := db.ApplyClustering(ctx, scratch, true, nil); err != nil {
			t.Fatal(err)
		}
	}
	change := store.ClusterChanges{
		Events:         []store.EventRow{{ID: 1, Members: []int64{a}, Thread: 1}, {ID: 2, Members: []int64{b, c}, Thread: 1}},
		Threads:        []store.ThreadRow{{ID: 1, Events: []int64{1, 2}}},
		EventRedirects: []store.Redirect{{From: 3, To: 2}},
	}
	if _, err := db.ApplyClustering(ctx, change, false, nil); err != nil {
		t.Fatal(err)
	}
	if problems, err := db.Check(ctx); err != nil || len(problems) > 0 {
		t.Fatalf("check: %q %v", problems, err)
	}
	got := map[string]int{}
	got["features 7"], _ = db.CountFeatures(ctx, 7)
	got["features 8"], _ = db.CountFeatures(ctx, 8)
	got["sketches 5"], _ = db.CountSketches(ctx, 5)
	counts, _ := db.CountAnalysis(ctx)
	got["pairs"], got["repeats"] = counts.Pairs, counts.ArticlesWithRepeats
	got["links"], _ = db.CountLinks(ctx)
	got["events"], got["multi"], _ = db.CountEvents(ctx)
	got["threads"], _ = db.CountThreads(ctx)
	want := map[string]int{"features 7": 1, "features 8": 2, "sketches 5": 2, "pairs": 2, "repeats": 1,
		"links": 2, "events": 2, "multi": 1, "threads": 1}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("counts %v, want %v", got, want)
	}
}

// The sketch key index: keys saved with sketches lead to their articles; a
// key held by more than the limit leads to none; a sketch replaced by a
// different one marks the index incomplete until it is built again.
func TestSketchKeyIndex(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	ids := addTexts(t, db, []string{"a", "b", "c"})
	if ok, _ := db.SketchKeysComplete(ctx); !ok {
		t.Fatal("a new archive's key index is not complete")
	}
	var batch []store.ArticleAnalysis
	for i, id := range ids {
		batch = append(batch, store.ArticleAnalysis{ID: id, ParamsHash: 1, Features: []byte("f"),
			Sketch: []byte{byte(i)}, SketchHash: 9, SketchKeys: []uint64{100, uint64(i), 1 << 63}})
	}
	if err := db.SaveAnalyses(ctx, batch); err != nil {
		t.Fatal(err)
	}
	got, err := db.SketchKeyHolders(ctx, []uint64{100, 1, 1 << 63, 55}, 0)
	if err != nil {
		t.Fatal(err)
	}
	want := map[uint64][]int64{100: ids, 1: ids[1:2], 1 << 63: ids, 55: nil}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("holders %v, want %v", got, want)
	}
	if got, _ = db.SketchKeyHolders(ctx, []uint64{100, 2}, 2); !reflect.DeepEqual(got, map[uint64][]int64{100: nil, 2: ids[2:3]}) {
		t.Errorf("holders with a limit of 2: %v", got)
	}
	var streamed []int64
	if err := db.SketchesOf(ctx, 9, []int64{ids[2], ids[0], 999}, func(id int64, _ []byte) error {
		streamed = append(streamed, id)
		return nil
	}); err != nil || !slices.Equal(streamed, []int64{ids[0], ids[2]}) {
		t.Errorf("SketchesOf streamed %v %v", streamed, err)
	}
	// The same sketch again keeps the index whole; another one does not.
	if err := db.SaveAnalyses(ctx, batch[:1]); err != nil {
		t.Fatal(err)
	}
	if ok, _ := db.SketchKeysComplete(ctx); !ok {
		t.Error("saving a sketch unchanged made the index incomplete")
	}
	if err := db.SaveSketches(ctx, 9, []store.SketchRow{{ID: ids[0], Data: []byte{42}}}); err != nil {
		t.Fatal(err)
	}
	if ok, _ := db.SketchKeysComplete(ctx); ok {
		t.Error("a sketch replaced by another left the index complete")
	}
	if err := db.ClearSketchKeys(ctx); err != nil {
		t.Fatal(err)
	}
	if err := db.AddSketchKeys(ctx, []store.SketchKey{{Key: 7, ID: ids[0]}, {Key: 7, ID: ids[1]}}, true); err != nil {
		t.Fatal(err)
	}
	if ok, _ := db.SketchKeysComplete(ctx); !ok {
		t.Error("the index built again is not complete")
	}
	if got, _ = db.SketchKeyHolders(ctx, []uint64{7, 100}, 0); !reflect.DeepEqual(got, map[uint64][]int64{7: ids[:2], 100: nil}) {
		t.Errorf("holders after building again: %v", got)
	}
}
