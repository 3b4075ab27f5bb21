package store_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
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

// Check reports an article that lost every file location.
func TestCheckReportsArticlesWithoutLocation(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	ids := addTexts(t, db, []string{"kept", "orphaned"})
	rawExec(t, db.Path, fmt.Sprintf("DELETE FROM article_files WHERE article_id = %d", ids[1]))
	problems, err := db.Check(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(problems) != 1 || !strings.Contains(problems[0], "1 articles have no file location") {
		t.Errorf("problems = %q, want one about the article without location", problems)
	}
}

// A backup replaces a file already at its path and leaves no partial file.
func TestBackupReplacesAnOldCopy(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	addTexts(t, db, []string{"one", "two", "three"})
	dir := t.TempDir()
	dst := filepath.Join(dir, "copy.db")
	if err := os.WriteFile(dst, []byte("an old copy"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := db.Backup(ctx, dst); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(dst + ".partial"); !os.IsNotExist(err) {
		t.Errorf("partial file left: %v", err)
	}
	cp, err := store.Open(ctx, dst)
	if err != nil {
		t.Fatal(err)
	}
	defer cp.Close()
	if ids, err := cp.ArticleIDs(ctx); err != nil || len(ids) != 3 {
		t.Errorf("backup holds %v, %v; want 3 articles", ids, err)
	}
}
