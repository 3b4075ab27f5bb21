package store_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/storydiff/storydiff/core"
	"github.com/storydiff/storydiff/store"
)

// MustOpenDB opens a fresh archive in a temporary folder.
func MustOpenDB(tb testing.TB) *store.DB {
	tb.Helper()
	db, err := store.Open(context.Background(), filepath.Join(tb.TempDir(), "archive.db"))
	if err != nil {
		tb.Fatalf("open: %v", err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

func newArticle(path, text string) store.NewArticle {
	return store.NewArticle{
		Doc:      core.Document{Path: path, Original: []byte(text), Text: text, Title: strings.SplitN(text, "\n", 2)[0], Format: "txt", Encoding: "utf-8"},
		SHA256:   "sha-" + text,
		TextHash: "norm-" + text,
		Words:    len(strings.Fields(text)),
		Blocks:   []core.Block{{Span: core.Span{Start: 0, End: 5}, Kind: "title", Hash: "h"}},
		Size:     int64(len(text)),
		ModTime:  time.Unix(1700000000, 0),
	}
}

func TestOpenSetsSchemaAndRefusesForeignFiles(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "a.db")
	db, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	v, err := db.SchemaVersion(ctx)
	if err != nil || v < 1 {
		t.Fatalf("schema version = %d, %v; want >= 1", v, err)
	}
	db.Close()
	// Reopening an archive keeps it.
	db, err = store.Open(ctx, path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	db.Close()

	notDB := filepath.Join(dir, "notes.txt")
	os.WriteFile(notDB, []byte("this is not a database, just some notes that are long enough"), 0o644)
	if _, err := store.Open(ctx, notDB); core.ErrorCode(err) != core.EINVALID {
		t.Errorf("open text file: got %v, want an invalid error", err)
	}
}

func TestAddArticlesIsIdempotentAndRecordsLocations(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	imp, err := db.BeginImport(ctx, []string{"/corpus"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	res, err := db.AddArticles(ctx, imp, []store.NewArticle{newArticle("/corpus/a.txt", "Title A\n\nBody of a")})
	if err != nil || len(res) != 1 || !res[0].Added {
		t.Fatalf("first add = %+v, %v; want one added", res, err)
	}
	cases := []struct {
		name      string
		path      string
		wantPaths int
	}{
		{"same file again adds nothing", "/corpus/a.txt", 1},
		{"same bytes elsewhere adds a location", "/other/copy.txt", 2},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res2, err := db.AddArticles(ctx, imp, []store.NewArticle{newArticle(tc.path, "Title A\n\nBody of a")})
			if err != nil {
				t.Fatal(err)
			}
			if res2[0].Added || res2[0].ID != res[0].ID {
				t.Errorf("got %+v, want the existing article %d, not added", res2[0], res[0].ID)
			}
			a, err := db.Article(ctx, res[0].ID)
			if err != nil {
				t.Fatal(err)
			}
			if len(a.Paths) != tc.wantPaths {
				t.Errorf("paths = %v, want %d", a.Paths, tc.wantPaths)
			}
		})
	}
	page, err := db.ListArticles(ctx, core.ListQuery{})
	if err != nil || page.Total != 1 {
		t.Fatalf("total = %v, %v; want 1 article", page, err)
	}
	if problems, err := db.IntegrityCheck(ctx); err != nil || len(problems) > 0 {
		t.Errorf("integrity: %v %v", problems, err)
	}
}

func TestAddArticlesCanceledStoresNothing(t *testing.T) {
	db := MustOpenDB(t)
	imp, _ := db.BeginImport(context.Background(), nil, nil)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := db.AddArticles(ctx, imp, []store.NewArticle{newArticle("/a", "A"), newArticle("/b", "B")}); err == nil {
		t.Fatal("want an error from a canceled context")
	}
	page, _ := db.ListArticles(context.Background(), core.ListQuery{})
	if page.Total != 0 {
		t.Errorf("after a canceled batch the archive holds %d articles, want 0", page.Total)
	}
}

func TestResolveRef(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	imp, _ := db.BeginImport(ctx, nil, nil)
	res, err := db.AddArticles(ctx, imp, []store.NewArticle{
		newArticle("/c/one/001_x.txt", "One"),
		newArticle("/c/two/001_x.txt", "Two"),
		newArticle("/c/two/002_y.txt", "Three"),
	})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		ref      string
		wantID   int64
		wantCode string
	}{
		{"1", res[0].ID, ""},
		{"/c/two/002_y.txt", res[2].ID, ""},
		{"002_y.txt", res[2].ID, ""},
		{"two/001_x.txt", res[1].ID, ""},
		{"001_x.txt", 0, core.ECONFLICT},
		{"2_y.txt", 0, core.ENOTFOUND}, // only whole path components match
		{"999", 0, core.ENOTFOUND},
		{"  ", 0, core.EINVALID},
	}
	for _, tc := range cases {
		t.Run(tc.ref, func(t *testing.T) {
			id, err := db.ResolveRef(ctx, tc.ref)
			if got := core.ErrorCode(err); got != tc.wantCode {
				t.Fatalf("code = %q (%v), want %q", got, err, tc.wantCode)
			}
			if id != tc.wantID {
				t.Errorf("id = %d, want %d", id, tc.wantID)
			}
		})
	}
}

func TestSearch(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	imp, _ := db.BeginImport(ctx, nil, nil)
	_, err := db.AddArticles(ctx, imp, []store.NewArticle{
		newArticle("/a", "Ceasefire call\n\nThe ministers kept open lines of communication."),
		newArticle("/b", "Other news\n\nLines were drawn; communication failed."),
		newArticle("/c", "Zürich report\n\nNothing about it."),
	})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name  string
		query string
		want  []string // titles, best first
	}{
		{"word", "ceasefire", []string{"Ceasefire call"}},
		{"phrase matches only the exact words in order", `"lines of communication"`, []string{"Ceasefire call"}},
		{"words match anywhere", "lines communication failed", []string{"Other news"}},
		{"diacritics folded", "zurich", []string{"Zürich report"}},
		{"FTS syntax is just text", `ceasefire* (^ "`, []string{"Ceasefire call"}},
		{"column filter is not syntax", "title:ceasefire", nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			hits, err := db.Search(ctx, tc.query, core.SearchOptions{})
			if err != nil {
				t.Fatalf("search %q: %v", tc.query, err)
			}
			var got []string
			for _, h := range hits {
				got = append(got, h.Article.Title)
			}
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
	hits, _ := db.Search(ctx, "ceasefire", core.SearchOptions{})
	var marked []string
	for _, f := range hits[0].Snippet {
		if f.Hit {
			marked = append(marked, f.Text)
		}
	}
	if len(marked) != 1 || marked[0] != "Ceasefire" {
		t.Errorf("snippet hits = %q, want [Ceasefire]", marked)
	}
	if _, err := db.Search(ctx, `"" ;;`, core.SearchOptions{}); core.ErrorCode(err) != core.EINVALID {
		t.Errorf("a query without words: got %v, want an invalid error with a message", err)
	}
}

func FuzzFTSQuery(f *testing.F) {
	db := MustOpenDB(f)
	for _, s := range []string{`a "b c`, `NEAR(a b)`, `*`, `a OR b`, `"`, `-x`, `^a`, `a:b`, "\x00", `'`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, input string) {
		_, err := db.Search(context.Background(), input, core.SearchOptions{Prefix: true})
		var e *core.Error
		if err != nil && !(errors.As(err, &e) && e.Code == core.EINVALID) {
			t.Fatalf("search %q: %v", input, err)
		}
	})
}

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
