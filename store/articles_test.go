package store_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/storydiff/storydiff/core"
	"github.com/storydiff/storydiff/store"
)

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
