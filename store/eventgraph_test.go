package store_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"

	"github.com/storydiff/storydiff/core"
	"github.com/storydiff/storydiff/store"
)

// The key index proposes the articles sharing keys, counting how many, and
// skips a key more articles hold than the cap.
func TestKeyCandidates(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	ids := addTexts(t, db, []string{"a", "b", "c", "d"})
	rows := []store.ProfileRow{
		{ID: ids[0], Data: []byte{1}, Keys: []uint64{1, 2, 1 << 63}},
		{ID: ids[1], Data: []byte{2}, Keys: []uint64{1, 2}},
		{ID: ids[2], Data: []byte{3}, Keys: []uint64{2, 1 << 63}},
		{ID: ids[3], Data: []byte{4}, Keys: []uint64{2}},
	}
	if err := db.SaveProfiles(ctx, 7, rows); err != nil {
		t.Fatal(err)
	}
	// Key 2 is held by four articles, over the cap of 3: it counts for none.
	got, err := db.KeyCandidates(ctx, []uint64{1, 2, 1 << 63}, 3)
	if err != nil {
		t.Fatal(err)
	}
	want := map[int64]int{ids[0]: 2, ids[1]: 1, ids[2]: 1}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("candidates %v, want %v", got, want)
	}
	stale, err := db.StaleProfiles(ctx, 8)
	if err != nil || len(stale) != 4 {
		t.Errorf("profiles of version 7 are stale for version 8: got %v %v", stale, err)
	}
	if stale, _ = db.StaleProfiles(ctx, 7); len(stale) != 0 {
		t.Errorf("stale at the version that made them: %v", stale)
	}
	// Saving a profile again replaces its keys.
	if err := db.SaveProfiles(ctx, 7, []store.ProfileRow{{ID: ids[0], Data: []byte{9}, Keys: []uint64{5}}}); err != nil {
		t.Fatal(err)
	}
	if got, _ = db.KeyCandidates(ctx, []uint64{1}, 3); !reflect.DeepEqual(got, map[int64]int{ids[1]: 1}) {
		t.Errorf("after re-profiling: %v", got)
	}
	blobs, err := db.Profiles(ctx, 7, ids)
	if err != nil || len(blobs) != 4 || blobs[ids[0]][0] != 9 {
		t.Errorf("profiles %v %v", blobs, err)
	}
}

// No article keeps more than k links: the weakest go when a stronger one
// arrives, from both ends.
func TestSaveLinksKeepsTheStrongest(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	ids := addTexts(t, db, []string{"a", "b", "c", "d", "e"})
	hub := ids[0]
	var links []store.Link
	for i, id := range ids[1:] {
		links = append(links, store.Link{A: id, B: hub, Event: float32(i+1) / 10, Thread: 0.5})
	}
	if err := db.SaveLinks(ctx, links, 2); err != nil {
		t.Fatal(err)
	}
	got, err := db.LinksOf(ctx, hub)
	if err != nil {
		t.Fatal(err)
	}
	var others []int64
	for _, l := range got {
		if l.A != hub || l.A >= l.B {
			t.Errorf("link %+v not stored with the smaller id first", l)
		}
		others = append(others, l.B)
	}
	slices.Sort(others)
	if want := []int64{ids[3], ids[4]}; !slices.Equal(others, want) {
		t.Errorf("hub keeps %v, want the two strongest %v", others, want)
	}
	if n, _ := db.CountLinks(ctx); n != 2 {
		t.Errorf("%d links stored, want 2", n)
	}
	if err := db.SaveLinks(ctx, []store.Link{{A: hub, B: hub}}, 2); err == nil {
		t.Error("a link of an article to itself was stored")
	}
}

// A clustering written back reads as it was written; a merge's retired id
// leads to the survivor; pins follow the constraints; corrections list.
func TestApplyClusteringAndRead(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	ids := addTexts(t, db, []string{"first text", "second text", "third text", "fourth"})
	a, b, c, d := ids[0], ids[1], ids[2], ids[3]
	ch := store.ClusterChanges{
		Events: []store.EventRow{
			{ID: 1, Members: []int64{a, b}, Thread: 1},
			{ID: 2, Members: []int64{c}, Thread: 1},
			{ID: 3, Members: []int64{d}},
		},
		Threads:        []store.ThreadRow{{ID: 1, Events: []int64{1, 2}}},
		AddConstraints: []store.Constraint{{Kind: 3, A: d}},
		NextEvent:      4, NextThread: 2,
	}
	if _, err := db.ApplyClustering(ctx, ch, true, nil); err != nil {
		t.Fatal(err)
	}
	e, ok, err := db.EventRowOf(ctx, 1)
	if err != nil || !ok || !slices.Equal(e.Members, []int64{a, b}) || e.Thread != 1 {
		t.Errorf("event 1: %+v %v %v", e, ok, err)
	}
	if p, _, _ := db.Placed(ctx, d); p.Event != 3 || !p.Pinned {
		t.Errorf("article d: %+v, want in event 3, pinned", p)
	}
	ne, nt, _ := db.NextIDs(ctx)
	if ne != 4 || nt != 2 {
		t.Errorf("next ids %d %d", ne, nt)
	}
	heads, err := db.ThreadHeads(ctx, []int64{1})
	if err != nil || len(heads) != 1 || !slices.Equal(heads[0].Articles, []int64{a, b, c}) || heads[0].Label == "" {
		t.Errorf("thread 1: %+v %v", heads, err)
	}
	if got, _ := db.EventIDs(ctx, "", 0, 0); !slices.Equal(got, []int64{1, 2, 3}) {
		t.Errorf("events largest first: %v", got)
	}
	if got, _ := db.EventIDs(ctx, "third", 0, 0); !slices.Equal(got, []int64{2}) {
		t.Errorf("events matching third: %v", got)
	}

	// Event 2 merges into 1, then 1 into... itself with 3: redirects chain
	// to the survivor in one step.
	merge := store.ClusterChanges{
		Events:          []store.EventRow{{ID: 1, Members: []int64{a, b, c}}},
		EventRedirects:  []store.Redirect{{From: 2, To: 1}},
		RemovedThreads:  []int64{1},
		DropConstraints: []store.Constraint{{Kind: 3, A: d}},
	}
	corr := &core.Correction{Kind: core.CorrectMerge, Event: 1, Other: 2, Note: "n"}
	cid, err := db.ApplyClustering(ctx, merge, false, corr)
	if err != nil || cid == 0 {
		t.Fatalf("merge: %d %v", cid, err)
	}
	if r, _ := db.ResolveEvent(ctx, 2); r != 1 {
		t.Errorf("event 2 leads to %d, want 1", r)
	}
	if err := func() error {
		_, err := db.ApplyClustering(ctx, store.ClusterChanges{
			Events:         []store.EventRow{{ID: 3, Members: []int64{a, b, c, d}}},
			EventRedirects: []store.Redirect{{From: 1, To: 3}},
		}, false, nil)
		return err
	}(); err != nil {
		t.Fatal(err)
	}
	for _, old := range []int64{1, 2} {
		if r, _ := db.ResolveEvent(ctx, old); r != 3 {
			t.Errorf("event %d leads to %d, want 3", old, r)
		}
	}
	if r, _ := db.ResolveEvent(ctx, 99); r != 0 {
		t.Errorf("event 99 leads to %d", r)
	}
	if p, _, _ := db.Placed(ctx, d); p.Pinned {
		t.Errorf("article d still pinned after its pin was dropped")
	}
	if r, _ := db.ResolveThread(ctx, 1); r != 0 {
		t.Errorf("removed thread 1 resolves to %d", r)
	}
	cs, err := db.Corrections(ctx)
	if err != nil || len(cs) != 1 || fmt.Sprintf("%s %d %d %s", cs[0].Kind, cs[0].Event, cs[0].Other, cs[0].Note) != "merge 1 2 n" {
		t.Errorf("corrections %+v %v", cs, err)
	}
}

// Duplicate groups read the duplicate pairs only.
func TestDuplicatePairsLeaveStoryPairsOut(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	ids := addTexts(t, db, []string{"a", "b", "c"})
	pairs := []core.Pair{
		{A: ids[0], B: ids[1], Kind: "near", Jaccard: 0.8, Containment: 0.9, Score: 0.8},
		{A: ids[0], B: ids[2], Kind: core.PairStory, Score: 0.3},
		{A: ids[1], B: ids[2], Kind: "text", Score: 1},
	}
	if err := db.ReplacePairs(ctx, true, nil, pairs); err != nil {
		t.Fatal(err)
	}
	got, err := db.DuplicatePairs(ctx)
	if err != nil || len(got) != 2 || got[0].Kind != "near" || got[1].Kind != "text" {
		t.Errorf("duplicate pairs %+v %v, want the near and text pairs", got, err)
	}
}

// Trimming links is the same every time: the touched articles are trimmed
// in id order. Along a chain of k=1 links, trimming 3 first would drop 3-4
// and leave 4 with none; in id order 1-2 and 3-4 stay.
func TestSaveLinksTrimsInIDOrder(t *testing.T) {
	ctx := context.Background()
	for run := 0; run < 20; run++ {
		db := MustOpenDB(t)
		ids := addTexts(t, db, []string{"a", "b", "c", "d"})
		links := []store.Link{
			{A: ids[0], B: ids[1], Event: 0.9},
			{A: ids[1], B: ids[2], Event: 0.8},
			{A: ids[2], B: ids[3], Event: 0.7},
		}
		if err := db.SaveLinks(ctx, links, 1); err != nil {
			t.Fatal(err)
		}
		all, err := db.AllLinks(ctx)
		if err != nil {
			t.Fatal(err)
		}
		var got [][2]int64
		for _, l := range all {
			got = append(got, [2]int64{l.A, l.B})
		}
		if want := [][2]int64{{ids[0], ids[1]}, {ids[2], ids[3]}}; !slices.Equal(got, want) {
			t.Fatalf("run %d kept %v, want %v", run, got, want)
		}
	}
}

// KeyCandidates gives what the key index holds, whatever mix of keys under,
// at and over the cap an article has, after profiles are saved again (their
// old keys deleted) as an analysis does: the same counts as reading every
// key's holders in full and dropping the keys over the cap.
func TestKeyCandidatesMatchesTheIndex(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	texts := make([]string, 60)
	for i := range texts {
		texts[i] = fmt.Sprintf("article %d", i)
	}
	ids := addTexts(t, db, texts)
	rng := rand.New(rand.NewPCG(1, 2))
	// Key k is drawn with a weight falling with k, so that low keys are held
	// by most articles and high ones by few.
	drawKeys := func() []uint64 {
		var ks []uint64
		for k := uint64(1); k <= 40; k++ {
			if rng.IntN(int(k)+2) < 3 {
				ks = append(ks, k)
			}
		}
		return ks
	}
	held := map[int64][]uint64{}
	save := func(part []int64) {
		var rows []store.ProfileRow
		for _, id := range part {
			held[id] = drawKeys()
			rows = append(rows, store.ProfileRow{ID: id, Data: []byte{1}, Keys: held[id]})
		}
		if err := db.SaveProfiles(ctx, 7, rows); err != nil {
			t.Fatal(err)
		}
	}
	save(ids)
	save(ids[10:30]) // saved again: their old keys leave the index
	for _, maxPerKey := range []int{0, 1, 5, 20, 35, 59, 60, 100} {
		for _, x := range []int64{ids[0], ids[15], ids[59]} {
			keys := append(held[x], 41) // 41: a key no article holds
			want := map[int64]int{}
			for _, k := range keys {
				var holders []int64
				for id, ks := range held {
					if slices.Contains(ks, k) {
						holders = append(holders, id)
					}
				}
				if len(holders) > maxPerKey {
					continue
				}
				for _, id := range holders {
					want[id]++
				}
			}
			got, err := db.KeyCandidates(ctx, keys, maxPerKey)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("cap %d, article %d: candidates %v, want %v", maxPerKey, x, got, want)
			}
			// KeyHolderIDs, given the counts of the keys, gives the
			// holders these counts are made of.
			counts, err := db.KeyHolders(ctx, keys)
			if err != nil {
				t.Fatal(err)
			}
			lists, err := db.KeyHolderIDs(ctx, counts, maxPerKey)
			if err != nil {
				t.Fatal(err)
			}
			fromLists := map[int64]int{}
			for _, k := range keys {
				for _, id := range lists[k] {
					fromLists[id]++
				}
			}
			if !reflect.DeepEqual(fromLists, want) {
				t.Errorf("cap %d, article %d: holders %v count %v, want %v", maxPerKey, x, lists, fromLists, want)
			}
		}
	}
}

// The articles in events of two or more versions are those the story badge
// marks: every member of such an event, in id order, and none of an event of
// one, including after an event grows or shrinks.
func TestInMultiEvents(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	ids := addTexts(t, db, []string{"one", "two", "three", "four", "five", "six"})
	ch := store.ClusterChanges{
		Events: []store.EventRow{
			{ID: 1, Members: []int64{ids[4], ids[0]}},
			{ID: 2, Members: []int64{ids[1]}},
			{ID: 3, Members: []int64{ids[5], ids[2], ids[3]}},
		},
		NextEvent: 4, NextThread: 1,
	}
	if _, err := db.ApplyClustering(ctx, ch, true, nil); err != nil {
		t.Fatal(err)
	}
	got, err := db.InMultiEvents(ctx)
	if want := []int64{ids[0], ids[2], ids[3], ids[4], ids[5]}; err != nil || !slices.Equal(got, want) {
		t.Errorf("in events of two or more: %v %v, want %v", got, err, want)
	}
	// Article 5 leaves event 3 for event 2; event 1 becomes one version.
	ch = store.ClusterChanges{
		Events: []store.EventRow{
			{ID: 1, Members: []int64{ids[0]}},
			{ID: 2, Members: []int64{ids[1], ids[5]}},
			{ID: 3, Members: []int64{ids[2], ids[3]}},
			{ID: 4, Members: []int64{ids[4]}},
		},
		NextEvent: 5, NextThread: 1,
	}
	if _, err := db.ApplyClustering(ctx, ch, false, nil); err != nil {
		t.Fatal(err)
	}
	got, err = db.InMultiEvents(ctx)
	if want := []int64{ids[1], ids[2], ids[3], ids[5]}; err != nil || !slices.Equal(got, want) {
		t.Errorf("after the change: %v %v, want %v", got, err, want)
	}
}
