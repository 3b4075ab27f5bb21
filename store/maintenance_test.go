package store_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/storydiff/storydiff/core"
	"github.com/storydiff/storydiff/store"
)

func TestBackupAndCheck(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	imp, _ := db.BeginImport(ctx, nil, nil)
	if _, err := db.AddArticles(ctx, imp, []store.NewArticle{newArticle("/a", "Alpha\n\nbody"), newArticle("/b", "Beta\n\nbody")}); err != nil {
		t.Fatal(err)
	}
	if problems, err := db.Check(ctx); err != nil || len(problems) > 0 {
		t.Fatalf("check of a sound archive: %v %v", problems, err)
	}
	backup := filepath.Join(t.TempDir(), "copy.db")
	if err := db.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	if err := db.Backup(ctx, db.Path); core.ErrorCode(err) != core.EINVALID {
		t.Errorf("backup onto the archive itself: %v, want refused", err)
	}
	cp, err := store.Open(ctx, backup)
	if err != nil {
		t.Fatal(err)
	}
	defer cp.Close()
	page, err := cp.ListArticles(ctx, core.ListQuery{})
	if err != nil || page.Total != 2 {
		t.Fatalf("backup holds %v, %v; want 2 articles", page, err)
	}
	if hits, err := cp.Search(ctx, "beta", core.SearchOptions{}); err != nil || len(hits) != 1 {
		t.Errorf("search in the backup: %d hits, %v", len(hits), err)
	}
}
