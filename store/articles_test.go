package store_test

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
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

// dated is an article from outlet in lang published on day (0: no date).
func dated(path, text, outlet, lang string, day int) store.NewArticle {
	a := newArticle(path, text)
	a.Doc.Outlet, a.Doc.Language = outlet, lang
	if day > 0 {
		p := time.Date(2024, 3, day, 12, 0, 0, 0, time.UTC)
		a.Doc.Published = &p
	}
	return a
}

// addBatch stores arts in one import and returns their ids.
func addBatch(t *testing.T, db *store.DB, arts ...store.NewArticle) []int64 {
	t.Helper()
	ctx := context.Background()
	imp, err := db.BeginImport(ctx, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	res, err := db.AddArticles(ctx, imp, arts)
	if err != nil {
		t.Fatal(err)
	}
	ids := make([]int64, len(res))
	for i, r := range res {
		ids[i] = r.ID
	}
	return ids
}

func TestArticleAndOriginal(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	in := dated("/c/a.html", "Headline\n\nThe body.", "bbc", "en", 5)
	in.Doc.Original = []byte("<h1>Headline</h1><p>The body.</p>")
	ids := addBatch(t, db, in)
	a, err := db.Article(ctx, ids[0])
	if err != nil {
		t.Fatal(err)
	}
	if a.Text != in.Doc.Text || a.Title != "Headline" || a.Outlet != "bbc" || a.Language != "en" ||
		a.Published == nil || !a.Published.Equal(*in.Doc.Published) || a.SHA256 != in.SHA256 || a.Words != in.Words {
		t.Errorf("article = %+v, want what was stored from %+v", a, in.Doc)
	}
	orig, err := db.Original(ctx, ids[0])
	if err != nil || string(orig) != string(in.Doc.Original) {
		t.Errorf("original = %q, %v; want the stored bytes", orig, err)
	}
	if _, err := db.Article(ctx, 999); core.ErrorCode(err) != core.ENOTFOUND {
		t.Errorf("Article(999): %v, want not found", err)
	}
	if _, err := db.Original(ctx, 999); core.ErrorCode(err) != core.ENOTFOUND {
		t.Errorf("Original(999): %v, want not found", err)
	}
}

func TestListArticles(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	ids := addBatch(t, db,
		dated("/1", "Delta", "bbc", "en", 4),
		dated("/2", "alpha", "ap", "en", 1),
		dated("/3", "Charlie", "bbc", "de", 3),
		dated("/4", "Bravo", "bbc", "en", 0),
	)
	day := func(d int) *time.Time { t := time.Date(2024, 3, d, 0, 0, 0, 0, time.UTC); return &t }
	cases := []struct {
		name  string
		q     core.ListQuery
		total int
		want  []int64
	}{
		{"all by id", core.ListQuery{}, 4, ids},
		{"title ignores case", core.ListQuery{Sort: "title"}, 4, []int64{ids[1], ids[3], ids[2], ids[0]}},
		{"title descending", core.ListQuery{Sort: "title", Desc: true}, 4, []int64{ids[0], ids[2], ids[3], ids[1]}},
		{"a page counts every match", core.ListQuery{Sort: "title", Offset: 1, Limit: 2}, 4, []int64{ids[3], ids[2]}},
		{"outlet", core.ListQuery{Outlet: "bbc"}, 3, []int64{ids[0], ids[2], ids[3]}},
		{"outlet and language", core.ListQuery{Outlet: "bbc", Language: "en"}, 2, []int64{ids[0], ids[3]}},
		{"date range leaves out undated", core.ListQuery{From: day(2), To: day(5), Sort: "published"}, 2, []int64{ids[2], ids[0]}},
		{"ids", core.ListQuery{IDs: []int64{ids[3], ids[1]}}, 2, []int64{ids[1], ids[3]}},
		{"no ids", core.ListQuery{IDs: []int64{}}, 0, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			page, err := db.ListArticles(ctx, tc.q)
			if err != nil {
				t.Fatal(err)
			}
			var got []int64
			for _, a := range page.Articles {
				got = append(got, a.ID)
				if a.Text != "" || len(a.Paths) != 1 {
					t.Errorf("listed article %d: text %q, paths %q; want no text and its path", a.ID, a.Text, a.Paths)
				}
			}
			if page.Total != tc.total || !slices.Equal(got, tc.want) {
				t.Errorf("total %d, ids %v; want %d, %v", page.Total, got, tc.total, tc.want)
			}
		})
	}
	if _, err := db.ListArticles(ctx, core.ListQuery{Sort: "text"}); core.ErrorCode(err) != core.EINVALID {
		t.Errorf("sort by text: %v, want an invalid error", err)
	}
}

// Summaries keeps the order asked for and skips ids the archive lacks;
// Titles answers for every id even beyond one query's batch.
func TestSummariesAndTitles(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	var texts []string
	for i := 0; i < 520; i++ {
		texts = append(texts, fmt.Sprintf("Title %d\n\nbody", i))
	}
	ids := addTexts(t, db, texts)
	sum, err := db.Summaries(ctx, []int64{ids[7], 99999, ids[2]})
	if err != nil {
		t.Fatal(err)
	}
	if len(sum) != 2 || sum[0].ID != ids[7] || sum[1].ID != ids[2] || sum[0].Title != "Title 7" {
		t.Errorf("summaries = %+v, want articles %d then %d", sum, ids[7], ids[2])
	}
	titles, err := db.Titles(ctx, ids)
	if err != nil {
		t.Fatal(err)
	}
	if len(titles) != len(ids) {
		t.Fatalf("%d titles for %d ids", len(titles), len(ids))
	}
	for i, id := range ids {
		if want := fmt.Sprintf("Title %d", i); titles[id] != want {
			t.Fatalf("title of %d = %q, want %q", id, titles[id], want)
		}
	}
}

func TestFacetsAndPublishedDates(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	ids := addBatch(t, db,
		dated("/1", "One", "bbc", "en", 9),
		dated("/2", "Two", "bbc", "de", 2),
		dated("/3", "Three", "ap", "en", 0),
		dated("/4", "Four", "", "en", 6),
	)
	f, err := db.Facets(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// Most frequent first; no facet for an empty outlet.
	if f.Articles != 4 || !reflect.DeepEqual(f.Outlets, []core.Facet{{Value: "bbc", Count: 2}, {Value: "ap", Count: 1}}) ||
		!reflect.DeepEqual(f.Languages, []core.Facet{{Value: "en", Count: 3}, {Value: "de", Count: 1}}) {
		t.Errorf("facets = %+v", f)
	}
	if f.First == nil || f.First.Day() != 2 || f.Last == nil || f.Last.Day() != 9 || f.ReadOnly {
		t.Errorf("date range %v..%v, read-only %v; want 2..9 March, writable", f.First, f.Last, f.ReadOnly)
	}
	// The counts follow edits: an outlet moved, an outlet given, an edit
	// reverted.
	outlet := func(s string) *string { return &s }
	for _, e := range []struct {
		id     int64
		outlet string
	}{{ids[2], "bbc"}, {ids[3], "reuters"}, {ids[1], "reuters"}, {ids[1], "bbc"}} {
		if err := db.EditArticle(ctx, e.id, core.ArticleEdit{Outlet: outlet(e.outlet)}); err != nil {
			t.Fatal(err)
		}
	}
	if f, err = db.Facets(ctx); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(f.Outlets, []core.Facet{{Value: "bbc", Count: 3}, {Value: "reuters", Count: 1}}) {
		t.Errorf("outlets after edits = %+v; want bbc 3, reuters 1", f.Outlets)
	}
	dates, err := db.PublishedDates(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(dates) != 3 || dates[ids[0]].Day() != 9 || dates[ids[3]].Day() != 6 {
		t.Errorf("published dates = %v", dates)
	}
	if _, ok := dates[ids[2]]; ok {
		t.Errorf("undated article %d has a date", ids[2])
	}
}

// Where a date came from, how sure it is, and that an article was stored
// from its title alone are kept with the article and listed with it.
func TestDateSourceAndNoBodyAreStored(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	in := dated("/c/r.jsonl", "BANK OF JAPAN BUYS DOLLARS", "Reuters", "en", 5)
	in.Doc.Record = 30
	in.Doc.PublishedRaw, in.Doc.PublishedFrom, in.Doc.PublishedConfidence = "26-FEB-1987 15:01:01.79", "field:date", core.DateExact
	in.Doc.NoBody = true
	ids := addBatch(t, db, in, newArticle("/c/b.txt", "Other\n\nA body."))
	a, err := db.Article(ctx, ids[0])
	if err != nil {
		t.Fatal(err)
	}
	if a.PublishedFrom != "field:date" || a.PublishedConfidence != core.DateExact || !a.NoBody {
		t.Errorf("article: from %q, confidence %q, no body %v", a.PublishedFrom, a.PublishedConfidence, a.NoBody)
	}
	page, err := db.ListArticles(ctx, core.ListQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Articles) != 2 || !page.Articles[0].NoBody || page.Articles[1].NoBody || page.Articles[0].PublishedConfidence != core.DateExact {
		t.Errorf("list: %+v", page.Articles)
	}
}

// An archive made before dates had a confidence gets the one each date's
// source had: record fields and front matter exact, page metadata (then
// read by heuristics) inferred, text dates text; undated articles none.
func TestMigrationGivesStoredDatesTheirConfidence(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	db, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	var batch []store.NewArticle
	for i, from := range []string{"json", "front-matter", "html-meta", "text", ""} {
		a := dated(fmt.Sprintf("/c/%d.txt", i), fmt.Sprintf("Title %d\n\nBody %d.", i, i), "", "en", i+1)
		a.Doc.PublishedFrom = from
		if from == "" {
			a.Doc.Published = nil
		}
		batch = append(batch, a)
	}
	ids := addBatch(t, db, batch...)
	db.Close()
	rawExec(t, path, "ALTER TABLE articles DROP COLUMN published_confidence", "ALTER TABLE articles DROP COLUMN no_body",
		"ALTER TABLE import_errors DROP COLUMN kind", "ALTER TABLE import_errors DROP COLUMN reason",
		// and what later migrations added, which are run again.
		"DROP TRIGGER articles_curation_delete", "DROP TABLE article_edits", "DROP TABLE tags", "DROP TABLE notes",
		"DROP TRIGGER profile_keys_count_ins", "DROP TRIGGER profile_keys_count_del", "DROP TABLE key_counts",
		"DROP TABLE duplicate_reviews", "DROP TABLE date_estimates", "DROP INDEX articles_by_id",
		"DROP TRIGGER facet_counts_ins", "DROP TRIGGER facet_counts_del", "DROP TRIGGER facet_counts_outlet",
		"DROP TRIGGER facet_counts_language", "DROP TABLE facet_counts", "PRAGMA user_version = 7")
	db, err = store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	// The filters' counts are made from the articles already there.
	if f, err := db.Facets(ctx); err != nil || !reflect.DeepEqual(f.Languages, []core.Facet{{Value: "en", Count: 5}}) {
		t.Errorf("languages after the migration = %+v (%v); want en 5", f, err)
	}
	want := []string{core.DateExact, core.DateExact, core.DateInferred, core.DateText, ""}
	for i, id := range ids {
		a, err := db.Article(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if a.PublishedConfidence != want[i] || a.NoBody {
			t.Errorf("article from %q: confidence %q, no body %v; want %q", a.PublishedFrom, a.PublishedConfidence, a.NoBody, want[i])
		}
	}
}

// TestLibraryPagesSkipArticlesInAnIndex checks that the ids of a library
// page come from an index, not from the table whose rows hold the text: a
// page in the middle of a million articles then reads megabytes, not
// gigabytes.
func TestLibraryPagesSkipArticlesInAnIndex(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	addBatch(t, db, dated("/1", "Delta", "bbc", "en", 4), dated("/2", "alpha", "ap", "de", 1))
	queries := []core.ListQuery{{}, {Desc: true}, {Outlet: "bbc"}, {Language: "en", Desc: true}}
	for _, sort := range store.SortColumns() {
		queries = append(queries, core.ListQuery{Sort: sort}, core.ListQuery{Sort: sort, Desc: true})
	}
	for _, q := range queries {
		plan, err := db.PageIDsPlan(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if len(plan) != 1 || !strings.Contains(plan[0], "USING COVERING INDEX") {
			t.Errorf("page ids of %+v: plan %q; want one covering index and no sort", q, plan)
		}
	}
}

// ArticleText reads an article's text alone, and says which article is
// missing.
func TestArticleText(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	ids := addTexts(t, db, []string{"Kyiv’s text\n\nwith <b>two</b> paragraphs"})
	if got, err := db.ArticleText(ctx, ids[0]); err != nil || got != "Kyiv’s text\n\nwith <b>two</b> paragraphs" {
		t.Errorf("ArticleText = %q, %v", got, err)
	}
	if _, err := db.ArticleText(ctx, ids[0]+100); core.ErrorCode(err) != core.ENOTFOUND {
		t.Errorf("a missing article: %v, want ENOTFOUND", err)
	}
}
