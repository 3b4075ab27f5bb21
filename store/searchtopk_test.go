package store_test

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/storydiff/storydiff/core"
	"github.com/storydiff/storydiff/store"
)

// fullRanking is the reference for the ranking index: FTS5's bm25 over every
// match of the words, ordered as Search orders (rank, then the newer
// article), with the filter's condition on articles a.
func fullRanking(t *testing.T, raw *sql.DB, words, cond string, args ...any) (ids []int64, ranks []float64) {
	t.Helper()
	if cond == "" {
		cond = "1"
	}
	rows, err := raw.Query(`SELECT f.rowid, bm25(articles_fts, 5.0, 1.0) AS s FROM articles_fts f JOIN articles a ON a.id = f.rowid
		WHERE articles_fts MATCH ? AND `+cond+` ORDER BY s, f.rowid DESC`, append([]any{store.FTSQuery(words, false)}, args...)...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var r float64
		if err := rows.Scan(&id, &r); err != nil {
			t.Fatal(err)
		}
		ids, ranks = append(ids, id), append(ranks, r)
	}
	return ids, ranks
}

// zipfArticles makes n articles from a vocabulary of v words drawn with
// Zipf frequencies, so that a few words are in most articles, with titles
// (which weigh five times), lengths that vary, two languages and dates.
func zipfArticles(rng *rand.Rand, from, n, v int) ([]store.NewArticle, []string) {
	vocab := make([]string, v)
	for i := range vocab {
		vocab[i] = fmt.Sprintf("w%03dx", i)
	}
	z := rand.NewZipf(rng, 1.1, 2, uint64(v-1))
	var out []store.NewArticle
	for i := 0; i < n; i++ {
		var title, text []string
		for j := 0; j < 2+rng.Intn(5); j++ {
			title = append(title, vocab[z.Uint64()])
		}
		for j := 0; j < 20+rng.Intn(150); j++ {
			text = append(text, vocab[z.Uint64()])
		}
		lang := []string{"en", "fr"}[rng.Intn(2)]
		out = append(out, dated(fmt.Sprintf("/z/%d.txt", from+i), strings.Join(title, " ")+"\n\n"+strings.Join(text, " "), "", lang, 1+rng.Intn(28)))
	}
	return out, vocab
}

// The ranking index gives FTS5's full ranking exactly, hits and ranks, over
// the words of a generated archive and pairs of them (common and common,
// common and rarer), pages and filters; it says when it cannot prove a page
// instead of guessing; and it stays exact after an import and an edit once
// refreshed.
func TestRankingIndexGivesTheFullRanking(t *testing.T) {
	defer store.SetRankingLists(60, 25)()
	ctx := context.Background()
	db := MustOpenDB(t)
	rng := rand.New(rand.NewSource(7))
	arts, vocab := zipfArticles(rng, 0, 400, 300)
	addBatch(t, db, arts...)
	if err := db.RefreshSearchRanking(ctx, nil); err != nil {
		t.Fatal(err)
	}
	march := func(day int) *time.Time { d := time.Date(2024, 3, day, 0, 0, 0, 0, time.UTC); return &d }
	filters := []struct {
		f    core.SearchFilter
		cond string
		args []any
	}{
		{core.SearchFilter{}, "", nil},
		{core.SearchFilter{Language: "fr"}, "a.language = ?", []any{"fr"}},
		{core.SearchFilter{From: march(10), To: march(20)}, "a.published >= ? AND a.published <= ?",
			[]any{march(10).Format(time.RFC3339), march(20).Format(time.RFC3339)}},
	}
	raw, err := sql.Open("sqlite", "file:"+db.Path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	check := func(t *testing.T, stage string, wantProven int) {
		proven, tried := 0, 0
		var searches []string
		for i, word := range vocab[:40] {
			searches = append(searches, word)
			// Two words: common and common, common and rarer.
			if i%2 == 0 {
				searches = append(searches, vocab[i/2]+" "+word, word+" "+vocab[40+i*5])
			}
		}
		for _, word := range searches {
			for _, fl := range filters {
				wantIDs, wantRanks := fullRanking(t, raw, word, fl.cond, fl.args...)
				// The count of matches (from the index for a listed word).
				n, err := db.CountMatches(ctx, word, core.SearchOptions{Filter: fl.f})
				if err != nil || n != len(wantIDs) {
					t.Fatalf("%s: %q with %+v counts %d matches (%v), want %d", stage, word, fl.f, n, err, len(wantIDs))
				}
				for _, page := range []struct{ offset, limit int }{{0, 1}, {0, 7}, {3, 10}, {10, 5}} {
					opt := core.SearchOptions{Offset: page.offset, Limit: page.limit, Filter: fl.f}
					ids, ranks, ok, err := db.RankFromIndex(ctx, word, opt)
					if err != nil {
						t.Fatal(err)
					}
					tried++
					lo, hi := min(page.offset, len(wantIDs)), min(page.offset+page.limit, len(wantIDs))
					if ok {
						proven++
						if !slices.Equal(ids, wantIDs[lo:hi]) || !slices.Equal(ranks, wantRanks[lo:hi]) {
							t.Fatalf("%s: %q %+v from the index: %v %v, want FTS5's %v %v", stage, word, opt, ids, ranks, wantIDs[lo:hi], wantRanks[lo:hi])
						}
					}
					// Search gives the full ranking either way, or says it is partial.
					hits, err := db.Search(ctx, word, opt)
					if err != nil {
						t.Fatal(err)
					}
					if len(hits) > 0 && hits[0].Partial != nil {
						continue
					}
					if got := hitIDs(hits); !slices.Equal(got, wantIDs[lo:hi]) {
						t.Fatalf("%s: search %q %+v gives %v, want %v", stage, word, opt, got, wantIDs[lo:hi])
					}
				}
			}
		}
		t.Logf("%s: %d of %d pages proven from the index", stage, proven, tried)
		if proven < wantProven {
			t.Errorf("%s: %d of %d pages proven from the index, want at least %d", stage, proven, tried, wantProven)
		}
	}
	check(t, "built", 400)

	// New articles the index has not taken in: no page comes from it for
	// the words they hold, until it is refreshed.
	more, _ := zipfArticles(rng, 400, 150, 300)
	addBatch(t, db, more...)
	check(t, "behind an import", 0)
	if _, _, ok, _ := db.RankFromIndex(ctx, vocab[2], core.SearchOptions{Limit: 5}); ok {
		t.Errorf("a page from an index that has not taken in the last import")
	}
	if err := db.RefreshSearchRanking(ctx, nil); err != nil {
		t.Fatal(err)
	}
	check(t, "after an import", 400)

	// An edited title (titles weigh five times) moves its article at once.
	title := strings.Repeat(vocab[5]+" ", 6)
	if err := db.EditArticle(ctx, 3, core.ArticleEdit{Title: &title}); err != nil {
		t.Fatal(err)
	}
	ids, _, ok, err := db.RankFromIndex(ctx, vocab[5], core.SearchOptions{Limit: 3})
	if err != nil || !ok || ids[0] != 3 {
		t.Errorf("after the edit: %v (proven %v, %v), want article 3 first", ids, ok, err)
	}
	check(t, "after an edit", 400)
	if err := db.RevertArticle(ctx, 3, []string{core.FieldTitle}); err != nil {
		t.Fatal(err)
	}
	check(t, "after a revert", 400)
}

// ftsVocabulary is the reference: the terms FTS5's own vocabulary table
// lists from lo (inclusive) to hi (exclusive).
func ftsVocabulary(t *testing.T, raw *sql.DB, lo, hi string) []string {
	t.Helper()
	conn, err := raw.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(context.Background(), `CREATE VIRTUAL TABLE IF NOT EXISTS temp.v USING fts5vocab(main, articles_fts, row)`); err != nil {
		t.Fatal(err)
	}
	rows, err := conn.QueryContext(context.Background(), `SELECT term FROM temp.v WHERE term >= ? AND term < ?`, lo, hi)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	return out
}

// The words a search's other spellings are found among are the index's own,
// read from the ranking index's copy of its vocabulary when it is current:
// a word an import brings is there once it is taken in, and a word an edit
// takes away leaves with it.
func TestRankingIndexKeepsTheVocabulary(t *testing.T) {
	defer store.SetRankingLists(60, 25)()
	ctx := context.Background()
	db := MustOpenDB(t)
	rng := rand.New(rand.NewSource(3))
	arts, _ := zipfArticles(rng, 0, 200, 300)
	addBatch(t, db, arts...)
	if err := db.RefreshSearchRanking(ctx, nil); err != nil {
		t.Fatal(err)
	}
	raw, err := sql.Open("sqlite", "file:"+db.Path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	same := func(stage string) {
		t.Helper()
		for _, p := range []string{"w", "w0", "w1", "zebra", "q"} {
			hi := p[:len(p)-1] + string(p[len(p)-1]+1)
			got, err := db.IndexedTerms(ctx, p)
			if err != nil {
				t.Fatal(err)
			}
			if want := ftsVocabulary(t, raw, p, hi); !slices.Equal(got, want) {
				t.Errorf("%s: terms beginning %q: %d (%.5v), want FTS5's %d (%.5v)", stage, p, len(got), got, len(want), want)
			}
		}
	}
	same("built")
	more := []store.NewArticle{dated("/n/1.txt", "Zebra crossing\n\nquokka seen near the zebra crossing", "", "en", 2)}
	addBatch(t, db, more...)
	same("behind an import")
	if err := db.RefreshSearchRanking(ctx, nil); err != nil {
		t.Fatal(err)
	}
	same("after an import")
	title := "Zebraic quietus"
	if err := db.EditArticle(ctx, 201, core.ArticleEdit{Title: &title}); err != nil {
		t.Fatal(err)
	}
	same("after an edit")
	if err := db.RevertArticle(ctx, 201, []string{core.FieldTitle}); err != nil {
		t.Fatal(err)
	}
	same("after a revert")
}
