package store_test

import (
	"context"
	"reflect"
	"testing"

	"github.com/storydiff/storydiff/core"
)

// A second verdict on the same pair and relation replaces the first,
// whichever article is given as A; a verdict on another relation of the
// same pair is kept beside it.
func TestSecondJudgementReplacesTheFirst(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	ids := addTexts(t, db, []string{"a", "b", "c"})
	lo, hi := ids[0], ids[1]
	steps := []core.Judgement{
		{A: lo, B: hi, Relation: core.RelationDuplicate, Same: true, Note: "first"},
		{A: hi, B: lo, Relation: core.RelationDuplicate, Same: false, Note: "second, reversed"},
		{A: hi, B: lo, Relation: core.RelationStory, Same: true, Note: "story"},
	}
	for _, j := range steps {
		if err := db.SaveJudgement(ctx, j); err != nil {
			t.Fatalf("save %+v: %v", j, err)
		}
	}
	got, err := db.Judgements(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("judgements = %+v, want 2 (one per relation)", got)
	}
	for i, want := range []struct {
		relation string
		same     bool
		note     string
	}{{core.RelationDuplicate, false, "second, reversed"}, {core.RelationStory, true, "story"}} {
		j := got[i]
		// Stored with the lower id first, whatever order it came in.
		if j.A != lo || j.B != hi || j.Relation != want.relation || j.Same != want.same || j.Note != want.note {
			t.Errorf("judgement %d = %+v, want %d-%d %s same=%v %q", i, j, lo, hi, want.relation, want.same, want.note)
		}
		if j.CreatedAt.IsZero() {
			t.Errorf("judgement %d has no time", i)
		}
	}
}

func TestSaveJudgementRefusesInvalidVerdicts(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	ids := addTexts(t, db, []string{"a", "b"})
	cases := []struct {
		name string
		j    core.Judgement
	}{
		{"unknown relation", core.Judgement{A: ids[0], B: ids[1], Relation: "cousin", Same: true}},
		{"no relation", core.Judgement{A: ids[0], B: ids[1], Same: true}},
		{"one article with itself", core.Judgement{A: ids[0], B: ids[0], Relation: core.RelationDuplicate, Same: true}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if err := db.SaveJudgement(ctx, tc.j); core.ErrorCode(err) != core.EINVALID {
				t.Errorf("SaveJudgement(%+v) = %v, want an invalid error", tc.j, err)
			}
		})
	}
	if got, _ := db.Judgements(ctx); len(got) != 0 {
		t.Errorf("refused verdicts were stored: %+v", got)
	}
}

// Choosing a copy to keep clears an earlier choice within the same group
// and leaves other groups' choices alone.
func TestSetKeeper(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	ids := addTexts(t, db, []string{"a", "b", "c", "d", "e"})
	group, other := ids[0:3], ids[3:5]
	steps := []struct {
		keep  int64
		group []int64
		want  map[int64]bool
	}{
		{group[0], group, map[int64]bool{group[0]: true}},
		{other[1], other, map[int64]bool{group[0]: true, other[1]: true}},
		{group[2], group, map[int64]bool{group[2]: true, other[1]: true}},
		{group[2], group, map[int64]bool{group[2]: true, other[1]: true}}, // the same choice again
	}
	for i, s := range steps {
		if err := db.SetKeeper(ctx, s.keep, s.group); err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
		got, err := db.Keepers(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, s.want) {
			t.Errorf("step %d: keepers = %v, want %v", i, got, s.want)
		}
	}
}

func TestKeepersOfANewArchiveIsEmpty(t *testing.T) {
	got, err := MustOpenDB(t).Keepers(context.Background())
	if err != nil || got == nil || len(got) != 0 {
		t.Errorf("Keepers = %v, %v; want an empty map", got, err)
	}
}
