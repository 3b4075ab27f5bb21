package store_test

import (
	"context"
	"slices"
	"testing"

	"github.com/storydiff/storydiff/core"
	"github.com/storydiff/storydiff/store"
)

// An import is recorded as running when it begins and with its counts and
// every failed file, in order, when it finishes; Imports lists the newest first.
func TestImportsRecordCountsAndErrors(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	older, err := db.BeginImport(ctx, []string{"/corpus", "/more"}, map[string]int{"max_size": 5})
	if err != nil {
		t.Fatal(err)
	}
	failed := []core.FileError{{Path: "/corpus/z.bin", Error: "binary file (16% control characters)"}, {Path: "/corpus/a.html", Error: "too large", Reason: "over the size limit"}}
	notes := []core.FileError{{Path: "/corpus/r.jsonl#4", Error: `date field "date" not understood: "last week"`}}
	if err := db.FinishImport(older, "done", 7, 4, 1, failed, notes); err != nil {
		t.Fatal(err)
	}
	newer, err := db.BeginImport(ctx, []string{"/later"}, nil)
	if err != nil {
		t.Fatal(err)
	}

	imps, err := db.Imports(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(imps) != 2 || imps[0].ID != newer || imps[1].ID != older {
		t.Fatalf("imports = %+v, want %d then %d", imps, newer, older)
	}
	running, done := imps[0], imps[1]
	if running.Status != "running" || running.FinishedAt != nil || len(running.Errors) != 0 {
		t.Errorf("unfinished import = %+v, want running without a finish time", running)
	}
	if !slices.Equal(running.Roots, []string{"/later"}) {
		t.Errorf("roots = %q", running.Roots)
	}
	if done.Status != "done" || done.FilesSeen != 7 || done.Added != 4 || done.AlreadyPresent != 1 || done.Failed != 2 {
		t.Errorf("finished import = %+v, want done, 7 seen, 4 added, 1 present, 2 failed", done)
	}
	if done.FinishedAt == nil || done.FinishedAt.Before(done.StartedAt) {
		t.Errorf("started %v, finished %v", done.StartedAt, done.FinishedAt)
	}
	if !slices.Equal(done.Roots, []string{"/corpus", "/more"}) {
		t.Errorf("roots = %q", done.Roots)
	}
	// In the order they were reported, not sorted by path, each with its
	// reason: the one given, else the message without its particulars.
	failed[0].Reason = "binary file"
	if !slices.Equal(done.Errors, failed) {
		t.Errorf("errors = %+v, want %+v", done.Errors, failed)
	}
	notes[0].Reason = `date field "date" not understood`
	if !slices.Equal(done.Notes, notes) {
		t.Errorf("notes = %+v, want %+v (and not counted as failures)", done.Notes, notes)
	}
}

// Each import's errors stay with it.
func TestImportErrorsBelongToTheirImport(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	a, _ := db.BeginImport(ctx, nil, nil)
	b, _ := db.BeginImport(ctx, nil, nil)
	if err := db.FinishImport(a, "canceled", 1, 0, 0, []core.FileError{{Path: "/a", Error: "first"}}, nil); err != nil {
		t.Fatal(err)
	}
	if err := db.FinishImport(b, "failed", 1, 0, 0, []core.FileError{{Path: "/b", Error: "second"}}, nil); err != nil {
		t.Fatal(err)
	}
	imps, err := db.Imports(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, im := range imps {
		want := map[int64]string{a: "/a", b: "/b"}[im.ID]
		if len(im.Errors) != 1 || im.Errors[0].Path != want {
			t.Errorf("import %d (%s) errors = %+v, want only %s", im.ID, im.Status, im.Errors, want)
		}
	}
}

// A status outside the schema's list is refused and the import stays running.
func TestFinishImportRefusesAnUnknownStatus(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	id, _ := db.BeginImport(ctx, nil, nil)
	if err := db.FinishImport(id, "half", 1, 1, 0, nil, nil); err == nil {
		t.Fatal("FinishImport with status half: want an error")
	}
	imps, _ := db.Imports(ctx)
	if len(imps) != 1 || imps[0].Status != "running" || imps[0].FinishedAt != nil {
		t.Errorf("after a refused finish: %+v, want still running", imps)
	}
}

// The articles of an import carry its id.
func TestArticlesCarryTheirImport(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	imp, _ := db.BeginImport(ctx, nil, nil)
	res, err := db.AddArticles(ctx, imp, []store.NewArticle{newArticle("/x", "X")})
	if err != nil {
		t.Fatal(err)
	}
	a, err := db.Article(ctx, res[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if a.ImportID != imp || a.ImportedAt.IsZero() {
		t.Errorf("article import = %d at %v, want %d", a.ImportID, a.ImportedAt, imp)
	}
}
