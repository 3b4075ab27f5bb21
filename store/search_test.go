package store_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/storydiff/storydiff/core"
	"github.com/storydiff/storydiff/store"
)

// filler words that no search below looks for.
var filler = strings.Fields("the of and report said minister city council week people water road school")

// body returns a text with word n times among length filler words, so
// that every article has its own bm25 score (no ties for order to hide).
func body(word string, n, length int) string {
	var w []string
	for i := 0; i < length; i++ {
		w = append(w, filler[i%len(filler)])
		if i < n {
			w = append(w, word)
		}
	}
	return strings.Join(w, " ")
}

// addTexts stores the texts as articles, oldest first, and returns their ids.
func addTexts(t testing.TB, db *store.DB, texts []string) []int64 {
	t.Helper()
	ctx := context.Background()
	imp, err := db.BeginImport(ctx, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	var arts []store.NewArticle
	for i, text := range texts {
		arts = append(arts, newArticle(fmt.Sprintf("/c/%d.txt", i), text))
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

// bm25Order is the reference: FTS5's own ORDER BY rank over every match
// (with rowid at least from), as search ranked before windows existed.
func bm25Order(t *testing.T, db *store.DB, ftsQuery string, from int64) []int64 {
	t.Helper()
	raw, err := sql.Open("sqlite", "file:"+db.Path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	rows, err := raw.Query(`SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?
		AND rank MATCH 'bm25(5.0, 1.0)' AND rowid >= ? ORDER BY rank`, ftsQuery, from)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	return ids
}

// allPages collects every page of a search, limit hits at a time.
func allPages(t *testing.T, db *store.DB, input string, opt core.SearchOptions) []core.SearchHit {
	t.Helper()
	var all []core.SearchHit
	for opt.Offset = 0; ; opt.Offset += opt.Limit {
		hits, err := db.Search(context.Background(), input, opt)
		if err != nil {
			t.Fatalf("search %q offset %d: %v", input, opt.Offset, err)
		}
		all = append(all, hits...)
		if len(hits) < opt.Limit {
			return all
		}
	}
}

// rankedHits returns the ranked hits of a search's pages, checking that
// the unranked ones all come after them.
func rankedHits(t *testing.T, hits []core.SearchHit) []core.SearchHit {
	t.Helper()
	n := 0
	for n < len(hits) && !hits[n].Unranked {
		n++
	}
	for i, h := range hits[n:] {
		if !h.Unranked {
			t.Fatalf("hit %d is ranked, after unranked hits", n+i)
		}
	}
	return hits[:n]
}

func hitIDs(hits []core.SearchHit) []int64 {
	ids := make([]int64, len(hits))
	for i, h := range hits {
		ids[i] = h.Article.ID
	}
	return ids
}

func TestSearchRanksEveryMatchUpToTheWindow(t *testing.T) {
	db := MustOpenDB(t)
	var texts []string
	for i := 0; i < 30; i++ {
		title := fmt.Sprintf("Report %d", i)
		if i%7 == 0 {
			title = fmt.Sprintf("Alpha report %d", i)
		}
		texts = append(texts, title+"\n\n"+body("alpha", 1+i%4, 10+i)+" "+body("beta", i%3, 5))
	}
	texts = append(texts, "Unrelated\n\nnothing to find here")
	addTexts(t, db, texts)
	cases := []struct {
		name   string
		input  string
		prefix bool
		fts    string
		window int
	}{
		{"word, matches equal the window", "alpha", false, `"alpha"`, 30},
		{"word, ranking every match", "alpha", false, `"alpha"`, -1},
		{"prefix", "alp", true, `"alp"*`, 0},
		{"two words", "alpha beta", false, `"alpha" AND "beta"`, 25},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			hits := allPages(t, db, tc.input, core.SearchOptions{Limit: 7, Prefix: tc.prefix, Window: tc.window})
			want := bm25Order(t, db, tc.fts, 0)
			if got := hitIDs(hits); !slices.Equal(got, want) {
				t.Errorf("pages of 7 give %v, want the bm25 order %v", got, want)
			}
			for _, h := range hits {
				if h.Partial != nil || h.TitleMatch {
					t.Fatalf("hit %d: partial %+v, title match %v; want a full ranking", h.Article.ID, h.Partial, h.TitleMatch)
				}
				if len(h.Snippet) == 0 {
					t.Fatalf("hit %d has no snippet", h.Article.ID)
				}
			}
		})
	}
}

func TestSearchBoundsTheRankingOfBroadSearches(t *testing.T) {
	db := MustOpenDB(t)
	// The oldest articles have "alpha" in their title; 20 newer ones have
	// it only in the text, and often, so that bm25 over the window alone
	// would rank text matches well.
	texts := []string{
		"Alpha summit opens\n\n" + body("alpha", 1, 40),
		"Alpha summit closes\n\n" + body("alpha", 1, 30),
		"Alpha talks\n\n" + body("alpha", 1, 20),
	}
	for i := 0; i < 20; i++ {
		texts = append(texts, fmt.Sprintf("Report %d\n\n", i)+body("alpha", 2+i%5, 12+i))
	}
	ids := addTexts(t, db, texts)
	newest := ids[len(ids)-8:] // the window of 8 most recent matches

	cases := []struct {
		name        string
		window      int
		wantPartial core.PartialRanking
		wantTitles  []int64 // title matches ranked, in any order
	}{
		{"every title match ranked", 8, core.PartialRanking{Recent: 8, Titles: 3}, ids[:3]},
		{"more title matches than the window", 2, core.PartialRanking{Recent: 2, Titles: 2, MoreTitles: true}, ids[1:3]},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			all := allPages(t, db, "alpha", core.SearchOptions{Limit: 3, Window: tc.window})
			if len(all) != len(ids) {
				t.Fatalf("pages hold %d hits, want every one of the %d matches", len(all), len(ids))
			}
			hits := rankedHits(t, all)
			window := ids[len(ids)-tc.window:]
			if len(hits) != len(tc.wantTitles)+tc.window {
				t.Fatalf("got %d hits %v, want %d title matches and the %d newest matches",
					len(hits), hitIDs(hits), len(tc.wantTitles), tc.window)
			}
			for i, h := range hits {
				if h.Partial == nil || *h.Partial != tc.wantPartial {
					t.Fatalf("hit %d: partial %+v, want %+v", i, h.Partial, tc.wantPartial)
				}
				inTitles := i < len(tc.wantTitles)
				if h.TitleMatch != inTitles {
					t.Errorf("hit %d (article %d): title match %v, want %v", i, h.Article.ID, h.TitleMatch, inTitles)
				}
				if inTitles && !slices.Contains(tc.wantTitles, h.Article.ID) {
					t.Errorf("hit %d: article %d, want one of the title matches %v", i, h.Article.ID, tc.wantTitles)
				}
				if !inTitles && !slices.Contains(window, h.Article.ID) {
					t.Errorf("hit %d: article %d, want one of the newest matches %v", i, h.Article.ID, window)
				}
			}
			// After the titles, the window keeps bm25's own order.
			got := hitIDs(hits[len(tc.wantTitles):])
			if want := bm25Order(t, db, `"alpha"`, window[0]); !slices.Equal(got, want) {
				t.Errorf("window hits %v, want bm25 order %v", got, want)
			}
		})
	}

	t.Run("a narrow search in the same archive is ranked whole", func(t *testing.T) {
		hits, err := db.Search(context.Background(), "summit", core.SearchOptions{Window: 8})
		if err != nil {
			t.Fatal(err)
		}
		if got, want := hitIDs(hits), bm25Order(t, db, `"summit"`, 0); !slices.Equal(got, want) || hits[0].Partial != nil {
			t.Errorf("got %v (partial %+v), want %v ranked whole", got, hits[0].Partial, want)
		}
	})
	t.Run("the window holds the newest matches", func(t *testing.T) {
		hits, err := db.Search(context.Background(), "alpha", core.SearchOptions{Limit: 100, Window: 8})
		if err != nil {
			t.Fatal(err)
		}
		got := hitIDs(rankedHits(t, hits)[3:])
		slices.Sort(got)
		if !slices.Equal(got, newest) {
			t.Errorf("window hits %v, want the 8 newest matches %v", got, newest)
		}
	})
}

// FuzzSearchWindow runs what a user may type through the bounded ranking
// (a window of one article, so that most searches are partial): it must
// either refuse the input as invalid or return hits that the window and
// the title matches account for.
func FuzzSearchWindow(f *testing.F) {
	db := MustOpenDB(f)
	addTexts(f, db, []string{
		"Alpha talks\n\nalpha beta gamma",
		"Beta report\n\nalpha beta delta",
		"Gamma news\n\nalpha gamma \"quoted\" words",
	})
	for _, s := range []string{"alpha", "al", "alpha b", `"alpha beta"`, `a "b`, "NEAR(a b)", "{title}: x", "*", "\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, input string) {
		hits, err := db.Search(context.Background(), input, core.SearchOptions{Prefix: true, Window: 1})
		if err != nil {
			if core.ErrorCode(err) != core.EINVALID {
				t.Fatalf("search %q: %v", input, err)
			}
			return
		}
		for i, h := range hits {
			if h.Unranked {
				if h.Partial == nil {
					t.Fatalf("search %q: unranked hit %d in a full ranking", input, i)
				}
				continue
			}
			if i > 0 && hits[i-1].Unranked {
				t.Fatalf("search %q: ranked hit %d after an unranked one", input, i)
			}
			if h.Partial == nil {
				if len(hits) > 1 {
					t.Fatalf("search %q: %d hits ranked whole with a window of 1", input, len(hits))
				}
				continue
			}
			if h.Partial.Recent != 1 || i >= 1+h.Partial.Titles {
				t.Fatalf("search %q: %d hits with %+v", input, len(hits), *h.Partial)
			}
			if h.TitleMatch != (i < h.Partial.Titles) {
				t.Fatalf("search %q: hit %d title match %v with %+v", input, i, h.TitleMatch, *h.Partial)
			}
		}
	})
}

func TestFTSQuery(t *testing.T) {
	cases := []struct {
		name   string
		input  string
		prefix bool
		want   string
	}{
		{"words", "cease fire", false, `"cease" AND "fire"`},
		{"last word as prefix", "cease fi", true, `"cease" AND "fi"*`},
		{"no prefix after a space", "cease fire ", true, `"cease" AND "fire"`},
		{"one letter begun is left out", "cease f", true, `"cease"`},
		{"one letter alone is a word", "f", true, `"f"`},
		{"two letters are a prefix", "fi", true, `"fi"*`},
		{"one letter without prefix is a word", "cease f", false, `"cease" AND "f"`},
		{"phrase", `"cease fire" talks`, false, `"cease fire" AND "talks"`},
		{"syntax is text", `a OR b*`, false, `"a" AND "OR" AND "b"`},
		{"no word", `"" ;;`, true, ``},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := store.FTSQuery(tc.input, tc.prefix); got != tc.want {
				t.Errorf("FTSQuery(%q, %v) = %s, want %s", tc.input, tc.prefix, got, tc.want)
			}
		})
	}
}

// BenchmarkSearch compares a broad search ranked in a window with the same
// search ranking every match, on an archive where a word is in every article.
func BenchmarkSearch(b *testing.B) {
	db := MustOpenDB(b)
	var texts []string
	for i := 0; i < 5000; i++ {
		texts = append(texts, fmt.Sprintf("Report %d\n\n", i)+body("alpha", 1+i%7, 60+i%50)+" "+body(fmt.Sprintf("rare%d", i%100), 1, 3))
	}
	addTexts(b, db, texts)
	cases := []struct {
		name  string
		input string
		opt   core.SearchOptions
	}{
		{"broad/window", "alpha", core.SearchOptions{}},
		{"broad/every-match", "alpha", core.SearchOptions{Window: -1}},
		{"prefix/window", "alp", core.SearchOptions{Prefix: true}},
		{"prefix/every-match", "alp", core.SearchOptions{Prefix: true, Window: -1}},
		{"narrow", "rare7", core.SearchOptions{}},
	}
	for _, bc := range cases {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := db.Search(context.Background(), bc.input, bc.opt); err != nil {
					b.Fatal(err)
				}
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
