package store_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/storydiff/storydiff/core"
	"github.com/storydiff/storydiff/store"
)

// A group's review and its kept copy are found again after the archive is
// closed and opened, by the group's members in any order; undoing forgets
// both, and a review of other members is another review.
func TestDuplicateReviewSurvivesReopenAndUndo(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "archive.db")
	db, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	ids := addTexts(t, db, []string{"a", "b", "c"})
	if err := db.SetDuplicateReview(ctx, []int64{ids[1], ids[0]}, core.GroupDuplicates, ids[1]); err != nil {
		t.Fatal(err)
	}
	if err := db.SetDuplicateReview(ctx, []int64{ids[0], ids[2]}, core.GroupDuplicates, ids[0]); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if db, err = store.Open(ctx, path); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rs, err := db.DuplicateReviews(ctx)
	if err != nil {
		t.Fatal(err)
	}
	r, ok := rs[store.GroupKey([]int64{ids[0], ids[1]})]
	if !ok || r.Verdict != core.GroupDuplicates || r.Keep != ids[1] || len(r.Members) != 2 || r.ReviewedAt.IsZero() {
		t.Fatalf("review after reopening %+v (found %v), want duplicates keeping %d", r, ok, ids[1])
	}
	if len(rs) != 2 {
		t.Errorf("%d reviews, want 2 (one per member set)", len(rs))
	}
	keepers, _ := db.Keepers(ctx)
	if !keepers[ids[0]] || !keepers[ids[1]] {
		t.Errorf("keepers %v: each group keeps its own copy", keepers)
	}
	if err := db.SetDuplicateReview(ctx, []int64{ids[0], ids[1]}, "", 0); err != nil {
		t.Fatal(err)
	}
	rs, _ = db.DuplicateReviews(ctx)
	if _, ok := rs[store.GroupKey([]int64{ids[0], ids[1]})]; ok {
		t.Error("the undone review is still there")
	}
	if keepers, _ = db.Keepers(ctx); keepers[ids[1]] || keepers[ids[0]] {
		t.Errorf("keepers %v after the undo of {a, b}: its copy kept is forgotten with it", keepers)
	}
	if err := db.SetDuplicateReview(ctx, []int64{ids[0], ids[1]}, "maybe", 0); err == nil {
		t.Error("an unknown verdict was accepted")
	}
	if err := db.SetDuplicateReview(ctx, []int64{ids[0], ids[1]}, core.GroupNotDuplicates, ids[2]); err == nil {
		t.Error("a copy kept from outside the group was accepted")
	}
}
