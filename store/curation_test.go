package store_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/storydiff/storydiff/core"
	"github.com/storydiff/storydiff/store"
)

func ptr[T any](v T) *T { return &v }

func TestEditKeepsImportedValueAndReverts(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	ids := addTexts(t, db, []string{"Old headline\n\nBody one", "Other headline\n\nBody two"})
	id := ids[0]
	day := time.Date(2021, 3, 4, 0, 0, 0, 0, time.UTC)
	if err := db.EditArticle(ctx, id, core.ArticleEdit{Title: ptr("New headline"), Outlet: ptr("Reuters"), Published: &day}); err != nil {
		t.Fatal(err)
	}
	a, err := db.Article(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "New headline" || a.Outlet != "Reuters" || a.Published == nil || !a.Published.Equal(day) {
		t.Fatalf("after the edit: %q %q %v", a.Title, a.Outlet, a.Published)
	}
	if a.PublishedFrom != core.DateEdited || a.PublishedConfidence != core.DateExact {
		t.Errorf("edited date from %q, confidence %q; want edited, exact", a.PublishedFrom, a.PublishedConfidence)
	}
	if e := a.EditOf(core.FieldTitle); e == nil || e.Imported != "Old headline" {
		t.Errorf("title edit = %+v, want the imported title kept", e)
	}
	if e := a.EditOf(core.FieldDate); e == nil || e.Imported != "" {
		t.Errorf("date edit = %+v, want undated as imported", e)
	}
	// A second edit keeps the first imported value, not the edited one.
	if err := db.EditArticle(ctx, id, core.ArticleEdit{Title: ptr("Newer headline")}); err != nil {
		t.Fatal(err)
	}
	a, _ = db.Article(ctx, id)
	if e := a.EditOf(core.FieldTitle); e == nil || e.Imported != "Old headline" || a.Title != "Newer headline" {
		t.Errorf("second edit: title %q, edit %+v", a.Title, e)
	}
	// The edited values are what sorting, filters and search use.
	page, _ := db.ListArticles(ctx, core.ListQuery{Outlet: "Reuters"})
	if page.Total != 1 || page.Articles[0].ID != id || len(page.Articles[0].Edits) != 3 {
		t.Errorf("list by the edited outlet: %+v", page)
	}
	from := day.Add(-time.Hour)
	hits, err := db.Search(ctx, store.FTSQuery("newer", false), core.SearchOptions{Limit: 10, Filter: core.SearchFilter{From: &from}})
	if err != nil || len(hits) != 1 || hits[0].Article.ID != id {
		t.Errorf("search the edited title within the edited date: %+v %v", hits, err)
	}
	if err := db.RevertArticle(ctx, id, []string{core.FieldTitle, core.FieldDate}); err != nil {
		t.Fatal(err)
	}
	a, _ = db.Article(ctx, id)
	if a.Title != "Old headline" || a.Published != nil || a.PublishedFrom != "" || a.Outlet != "Reuters" {
		t.Errorf("after reverting title and date: %q %v %q %q", a.Title, a.Published, a.PublishedFrom, a.Outlet)
	}
	if len(a.Edits) != 1 || a.Edits[0].Field != core.FieldOutlet {
		t.Errorf("edits left: %+v, want the outlet only", a.Edits)
	}
	// Setting a field back to its imported value is a revert.
	if err := db.EditArticle(ctx, id, core.ArticleEdit{Outlet: ptr("")}); err != nil {
		t.Fatal(err)
	}
	if a, _ = db.Article(ctx, id); len(a.Edits) != 0 {
		t.Errorf("edits after setting the imported outlet again: %+v", a.Edits)
	}
	if err := db.EditArticle(ctx, 999, core.ArticleEdit{Title: ptr("x")}); core.ErrorCode(err) != core.ENOTFOUND {
		t.Errorf("edit of a missing article: %v", err)
	}
	if err := db.RevertArticle(ctx, id, []string{"byline"}); core.ErrorCode(err) != core.EINVALID {
		t.Errorf("revert of byline: %v", err)
	}
}

func TestEditsSurviveReimport(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	text := "Imported title\n\nThe body"
	ids := addTexts(t, db, []string{text})
	if err := db.EditArticle(ctx, ids[0], core.ArticleEdit{Title: ptr("Fixed title")}); err != nil {
		t.Fatal(err)
	}
	if err := db.AddTags(ctx, core.ItemArticle, ids[0], []string{"checked"}); err != nil {
		t.Fatal(err)
	}
	imp, _ := db.BeginImport(ctx, nil, nil)
	for _, path := range []string{"/c/0.txt", "/elsewhere/copy.txt"} {
		if _, err := db.AddArticles(ctx, imp, []store.NewArticle{newArticle(path, text)}); err != nil {
			t.Fatal(err)
		}
	}
	a, _ := db.Article(ctx, ids[0])
	if a.Title != "Fixed title" || a.EditOf(core.FieldTitle) == nil || !slices.Equal(a.Tags, []string{"checked"}) {
		t.Errorf("after re-import: title %q, edits %+v, tags %v", a.Title, a.Edits, a.Tags)
	}
}

func TestTagsFilterListAndSearch(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	ids := addTexts(t, db, []string{"Floods in the north", "Floods in the south", "Elections"})
	if err := db.AddTags(ctx, core.ItemArticle, ids[0], []string{" to  check ", "<script>alert(1)</script>"}); err != nil {
		t.Fatal(err)
	}
	if err := db.AddTags(ctx, core.ItemArticle, ids[2], []string{"To check"}); err != nil {
		t.Fatal(err)
	}
	if err := db.AddTags(ctx, core.ItemEvent, 7, []string{"to check"}); err != nil {
		t.Fatal(err)
	}
	page, _ := db.ListArticles(ctx, core.ListQuery{Tag: "to check"})
	if got := pageIDs(page); !slices.Equal(got, []int64{ids[0], ids[2]}) {
		t.Errorf("list tagged 'to check' = %v", got)
	}
	hits, err := db.Search(ctx, store.FTSQuery("floods", false), core.SearchOptions{Limit: 10, Filter: core.SearchFilter{Tag: "TO CHECK"}})
	if err != nil || len(hits) != 1 || hits[0].Article.ID != ids[0] {
		t.Errorf("search floods tagged to check: %+v %v", hits, err)
	}
	if n, _ := db.CountMatches(ctx, store.FTSQuery("floods", false), core.SearchOptions{Filter: core.SearchFilter{Tag: "to check"}}); n != 1 {
		t.Errorf("count of floods tagged to check = %d, want 1", n)
	}
	tags, _ := db.Tags(ctx)
	want := []core.TagCount{{Tag: "to check", Articles: 2, Events: 1}, {Tag: "<script>alert(1)</script>", Articles: 1}}
	if len(tags) != 2 || tags[0].Articles != 2 || tags[0].Events != 1 || tags[1] != want[1] {
		t.Errorf("tags = %+v, want %+v", tags, want)
	}
	if err := db.RemoveTags(ctx, core.ItemArticle, ids[0], []string{"TO CHECK"}); err != nil {
		t.Fatal(err)
	}
	if a, _ := db.Article(ctx, ids[0]); !slices.Equal(a.Tags, []string{"<script>alert(1)</script>"}) {
		t.Errorf("tags after removing one: %v", a.Tags)
	}
	for _, bad := range []string{"", "   ", "a\x07b", string(make([]rune, core.MaxTagRunes+1))} {
		if err := db.AddTags(ctx, core.ItemArticle, ids[0], []string{bad}); core.ErrorCode(err) != core.EINVALID {
			t.Errorf("tag %q: %v, want invalid", bad, err)
		}
	}
}

func pageIDs(p *core.Page) []int64 {
	var out []int64
	for _, a := range p.Articles {
		out = append(out, a.ID)
	}
	return out
}

func TestNotesAndEventCurationFollowMerges(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	ids := addTexts(t, db, []string{"first text", "second text", "third text"})
	if _, err := db.ApplyClustering(ctx, store.ClusterChanges{Events: []store.EventRow{
		{ID: 1, Members: []int64{ids[0]}}, {ID: 2, Members: []int64{ids[1]}}, {ID: 3, Members: []int64{ids[2]}}},
		NextEvent: 4}, true, nil); err != nil {
		t.Fatal(err)
	}
	if err := db.SetNote(ctx, core.ItemArticle, ids[0], "Ask the desk"); err != nil {
		t.Fatal(err)
	}
	if n, _ := db.NotesOf(ctx, core.ItemArticle, ids[:1]); n[ids[0]].Text != "Ask the desk" || n[ids[0]].UpdatedAt.IsZero() {
		t.Errorf("article note = %+v", n)
	}
	db.AddTags(ctx, core.ItemEvent, 2, []string{"floods", "north"})
	db.AddTags(ctx, core.ItemEvent, 1, []string{"floods"})
	db.SetNote(ctx, core.ItemEvent, 1, "older note")
	db.SetNote(ctx, core.ItemEvent, 2, "newer note")
	db.SetNote(ctx, core.ItemEvent, 3, "kept")
	// Event 2 merges into 1: its tags and note go with it.
	if _, err := db.ApplyClustering(ctx, store.ClusterChanges{
		Events:         []store.EventRow{{ID: 1, Members: []int64{ids[0], ids[1]}}},
		EventRedirects: []store.Redirect{{From: 2, To: 1}}}, false, nil); err != nil {
		t.Fatal(err)
	}
	tags, _ := db.TagsOf(ctx, core.ItemEvent, []int64{1, 2})
	if !slices.Equal(tags[1], []string{"floods", "north"}) || len(tags[2]) != 0 {
		t.Errorf("event tags after the merge = %v", tags)
	}
	notes, _ := db.NotesOf(ctx, core.ItemEvent, []int64{1, 2})
	if notes[1].Text != "older note\n\nnewer note" || notes[2].Text != "" {
		t.Errorf("event notes after the merge = %+v", notes)
	}
	// Clearing a note removes it.
	if err := db.SetNote(ctx, core.ItemEvent, 3, "  "); err != nil {
		t.Fatal(err)
	}
	if n, _ := db.NotesOf(ctx, core.ItemEvent, []int64{3}); len(n) != 0 {
		t.Errorf("cleared note still there: %+v", n)
	}
}

func TestEditRelabelsItsEvent(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	ids := addTexts(t, db, []string{"Alpha report", "Beta report"})
	if _, err := db.ApplyClustering(ctx, store.ClusterChanges{Events: []store.EventRow{{ID: 1, Members: ids}}, NextEvent: 2}, true, nil); err != nil {
		t.Fatal(err)
	}
	day := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	if err := db.EditArticle(ctx, ids[1], core.ArticleEdit{Published: &day, Title: ptr("Beta, dated")}); err != nil {
		t.Fatal(err)
	}
	heads, err := db.EventHeads(ctx, []int64{1})
	if err != nil || len(heads) != 1 || heads[0].Earliest != ids[1] || heads[0].Label != "Beta, dated" {
		t.Errorf("event after dating its second version: %+v %v", heads, err)
	}
	s1, _ := db.Stamp(ctx)
	db.RevertArticle(ctx, ids[1], core.EditableFields)
	if s2, _ := db.Stamp(ctx); s1 == s2 {
		t.Errorf("stamp %q did not move with a revert", s1)
	}
	if heads, _ = db.EventHeads(ctx, []int64{1}); heads[0].Earliest != ids[0] {
		t.Errorf("event after the revert: %+v", heads)
	}
}
