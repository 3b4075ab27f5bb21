package store_test

import (
	"context"
	"maps"
	"strings"
	"testing"

	"github.com/storydiff/storydiff/store"
)

// The key counts follow the key index: a profile stored adds its keys, one
// stored again in its place replaces them, and a key no profile holds any
// more is no longer reported.
func TestKeyHoldersFollowTheKeyIndex(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	ids := addTexts(t, db, []string{"one", "two", "three"})
	save := func(rows ...store.ProfileRow) {
		t.Helper()
		if err := db.SaveProfiles(ctx, 1, rows); err != nil {
			t.Fatal(err)
		}
	}
	check := func(want map[uint64]int) {
		t.Helper()
		got, err := db.KeyHolders(ctx, []uint64{10, 20, 30, 40})
		if err != nil || !maps.Equal(got, want) {
			t.Errorf("key holders %v %v, want %v", got, err, want)
		}
	}
	save(store.ProfileRow{ID: ids[0], Data: []byte{1}, Keys: []uint64{10, 20}},
		store.ProfileRow{ID: ids[1], Data: []byte{1}, Keys: []uint64{10, 30}})
	check(map[uint64]int{10: 2, 20: 1, 30: 1})
	save(store.ProfileRow{ID: ids[0], Data: []byte{2}, Keys: []uint64{10, 40}},
		store.ProfileRow{ID: ids[2], Data: []byte{1}, Keys: []uint64{10}})
	check(map[uint64]int{10: 3, 30: 1, 40: 1})
	if problems, err := db.Check(ctx); err != nil || len(problems) != 0 {
		t.Fatalf("check of a sound archive: %v %v", problems, err)
	}
	rawExec(t, db.Path, `UPDATE key_counts SET n = 7 WHERE key = 30`)
	if problems, err := db.Check(ctx); err != nil || len(problems) != 1 || !strings.Contains(problems[0], "1 keys") {
		t.Errorf("check of a wrong key count: %v %v", problems, err)
	}
}

// Replacing the key index whole leaves it and its counts as saving each
// profile's keys would, and the triggers that keep the counts work again
// afterwards.
func TestReplacedKeyIndexKeepsItsCounts(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	ids := addTexts(t, db, []string{"one", "two", "three"})
	if err := db.SaveProfiles(ctx, 1, []store.ProfileRow{{ID: ids[0], Data: []byte{1}, Keys: []uint64{10, 20}}}); err != nil {
		t.Fatal(err)
	}
	rows := []store.ProfileRow{{ID: ids[0], Data: []byte{2}}, {ID: ids[1], Data: []byte{2}}, {ID: ids[2], Data: []byte{2}}}
	if err := db.SaveProfilesUnindexed(ctx, 1, rows); err != nil {
		t.Fatal(err)
	}
	if err := db.ReplaceProfileKeys(ctx, store.KeyLists{
		Keys:  []uint64{10, 30, 1 << 63},
		Lists: [][]int64{{ids[0], ids[1]}, {ids[2]}, {ids[0], ids[1], ids[2]}},
	}); err != nil {
		t.Fatal(err)
	}
	check := func(want map[uint64]int) {
		t.Helper()
		got, err := db.KeyHolders(ctx, []uint64{10, 20, 30, 40, 1 << 63})
		if err != nil || !maps.Equal(got, want) {
			t.Errorf("key holders %v %v, want %v", got, err, want)
		}
		if problems, err := db.Check(ctx); err != nil || len(problems) != 0 {
			t.Errorf("check: %v %v", problems, err)
		}
	}
	check(map[uint64]int{10: 2, 30: 1, 1 << 63: 3})
	cands, err := db.KeyCandidates(ctx, []uint64{10, 30}, 10)
	if err != nil || !maps.Equal(cands, map[int64]int{ids[0]: 1, ids[1]: 1, ids[2]: 1}) {
		t.Errorf("candidates %v %v", cands, err)
	}
	// The triggers are back: saving a profile with its keys counts them.
	if err := db.SaveProfiles(ctx, 1, []store.ProfileRow{{ID: ids[2], Data: []byte{3}, Keys: []uint64{10, 40}}}); err != nil {
		t.Fatal(err)
	}
	check(map[uint64]int{10: 3, 40: 1, 1 << 63: 2})
}

// Replacing the key index puts back its index by article and leaves the
// writer checking foreign keys: deleting an article still takes its keys
// with it, and a key of an article that does not exist is refused.
func TestReplacedKeyIndexKeepsItsIndexAndChecks(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	ids := addTexts(t, db, []string{"one", "two"})
	if err := db.SaveProfilesUnindexed(ctx, 1, []store.ProfileRow{{ID: ids[0], Data: []byte{1}}, {ID: ids[1], Data: []byte{1}}}); err != nil {
		t.Fatal(err)
	}
	if err := db.ReplaceProfileKeys(ctx, store.KeyLists{Keys: []uint64{10}, Lists: [][]int64{{ids[0], ids[1]}}}); err != nil {
		t.Fatal(err)
	}
	if n := rawQuery(t, db.Path, `SELECT count(*) FROM sqlite_master WHERE name IN ('profile_keys_article', 'profile_keys_count_ins', 'profile_keys_count_del')`); n != "3" {
		t.Errorf("%s of the key index's index and triggers are back, want 3", n)
	}
	if err := db.SaveProfiles(ctx, 1, []store.ProfileRow{{ID: ids[1] + 100, Data: []byte{1}, Keys: []uint64{10}}}); err == nil {
		t.Error("a profile of an article that does not exist was stored: foreign keys are not checked")
	}
}
