package store_test

import (
	"context"
	"reflect"
	"testing"

	"github.com/storydiff/storydiff/core"
)

// storiesOf makes n stories of two articles each from ids (2n of them), the
// later article first so that member order is seen to be kept, not sorted.
func storiesOf(ids []int64, n int) []core.Story {
	var out []core.Story
	for i := 0; i < n; i++ {
		a, b := ids[2*i], ids[2*i+1]
		out = append(out, core.Story{ID: int64(10 + i), Label: string(rune('A' + i)), Earliest: b, Members: []int64{b, a}})
	}
	return out
}

func TestReplaceStoriesThenRead(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	ids := addTexts(t, db, []string{"a", "b", "c", "d", "e", "f", "g"})
	stories := storiesOf(ids, 3)
	if err := db.ReplaceStories(ctx, stories); err != nil {
		t.Fatal(err)
	}
	got, err := db.Stories(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, stories) {
		t.Errorf("Stories(0) = %+v, want %+v", got, stories)
	}
	one, err := db.Stories(ctx, stories[1].ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(one, stories[1:2]) {
		t.Errorf("Stories(%d) = %+v, want %+v", stories[1].ID, one, stories[1:2])
	}
	if _, err := db.Stories(ctx, 999); core.ErrorCode(err) != core.ENOTFOUND {
		t.Errorf("Stories(999): %v, want not found", err)
	}

	for _, s := range stories {
		for _, m := range s.Members {
			if id, err := db.StoryOf(ctx, m); err != nil || id != s.ID {
				t.Errorf("StoryOf(%d) = %d, %v; want %d", m, id, err, s.ID)
			}
		}
	}
	if id, err := db.StoryOf(ctx, ids[6]); err != nil || id != 0 {
		t.Errorf("StoryOf an article in no story = %d, %v; want 0", id, err)
	}
}

func TestStoriesPage(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	ids := addTexts(t, db, []string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"})
	stories := storiesOf(ids, 5)
	if err := db.ReplaceStories(ctx, stories); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name          string
		offset, limit int
		want          []core.Story
	}{
		{"first page", 0, 2, stories[0:2]},
		{"middle page", 2, 2, stories[2:4]},
		{"last, short page", 4, 2, stories[4:5]},
		{"past the end", 5, 2, []core.Story{}},
		{"no limit", 0, 0, stories},
		{"no limit from an offset", 3, 0, stories[3:]},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := db.StoriesPage(ctx, tc.offset, tc.limit)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("StoriesPage(%d, %d) = %+v, want %+v", tc.offset, tc.limit, got, tc.want)
			}
		})
	}
}

// A new set of stories replaces the old: the articles of a story that is
// gone belong to none.
func TestReplaceStoriesDropsEarlierStories(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	ids := addTexts(t, db, []string{"a", "b", "c", "d"})
	if err := db.ReplaceStories(ctx, storiesOf(ids, 2)); err != nil {
		t.Fatal(err)
	}
	later := []core.Story{{ID: 42, Label: "later", Earliest: ids[2], Members: []int64{ids[2], ids[3]}}}
	if err := db.ReplaceStories(ctx, later); err != nil {
		t.Fatal(err)
	}
	got, err := db.Stories(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, later) {
		t.Errorf("stories = %+v, want only %+v", got, later)
	}
	if id, _ := db.StoryOf(ctx, ids[0]); id != 0 {
		t.Errorf("article %d still in story %d", ids[0], id)
	}
	if id, _ := db.StoryOf(ctx, ids[3]); id != 42 {
		t.Errorf("StoryOf(%d) = %d, want 42", ids[3], id)
	}
}

// A story naming an article the archive does not hold is refused whole: the
// stories stored before are kept.
func TestReplaceStoriesIsAllOrNothing(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	ids := addTexts(t, db, []string{"a", "b"})
	before := storiesOf(ids, 1)
	if err := db.ReplaceStories(ctx, before); err != nil {
		t.Fatal(err)
	}
	bad := []core.Story{{ID: 1, Label: "x", Earliest: ids[0], Members: []int64{ids[0], 9999}}}
	if err := db.ReplaceStories(ctx, bad); err == nil {
		t.Fatal("a story with a missing article: want an error")
	}
	if got, _ := db.Stories(ctx, 0); !reflect.DeepEqual(got, before) {
		t.Errorf("after a refused replace: %+v, want %+v", got, before)
	}
}
