package store

import (
	"context"
	"database/sql"
	"errors"
	"slices"
	"strings"

	"github.com/storydiff/storydiff/core"
)

// plainTerm returns the index term of a search that is one plain word
// (ASCII letters and digits, which FTS5's tokenizer only lowercases), not a
// prefix and without other spellings; "" for any other search.
func plainTerm(input string, opt core.SearchOptions) string {
	q := ftsQuery(input, opt.Prefix, opt.Variants)
	if len(q) < 3 || q[0] != '"' || q[len(q)-1] != '"' {
		return ""
	}
	w := q[1 : len(q)-1]
	for i := 0; i < len(w); i++ {
		c := w[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
			return ""
		}
	}
	return strings.ToLower(w)
}

// wordIndex is what the ranking index says of one term in one snapshot.
type wordIndex struct {
	listed  bool // the term has a list and the index is current for it
	holders int64
	avg     float64 // the mean length its weights were computed at
	bound   float64
	totals  ftsTotals
}

// readWordIndex reads the term's entry, and whether the index is current:
// no article changed since it was refreshed, and no article added since
// holds the term.
func readWordIndex(ctx context.Context, q querier, term string) (wordIndex, error) {
	var w wordIndex
	err := q.QueryRowContext(ctx, `SELECT holders, weight_avg, bound FROM search_terms WHERE term = ?`, term).Scan(&w.holders, &w.avg, &w.bound)
	if errors.Is(err, sql.ErrNoRows) {
		return w, nil
	}
	if err != nil {
		return w, err
	}
	var changed, later bool
	if err := q.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM search_changed),
		EXISTS (SELECT 1 FROM articles_fts WHERE articles_fts MATCH ?1 AND rowid >
			coalesce((SELECT CAST(value AS INTEGER) FROM settings WHERE key = ?2), 0))`,
		ftsPhrase(term), rankingUpto).Scan(&changed, &later); err != nil {
		return w, err
	}
	if changed || later {
		return w, nil
	}
	if w.totals, err = readTotals(ctx, q); err != nil {
		return w, err
	}
	w.listed = w.totals.rows > 0
	return w, nil
}

// wordHolders returns how many articles hold a listed term, and false when
// the ranking index cannot say.
func (db *DB) wordHolders(ctx context.Context, term string) (int64, bool, error) {
	tx, err := db.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return 0, false, err
	}
	defer tx.Rollback()
	w, err := readWordIndex(ctx, tx, term)
	return w.holders, w.listed, err
}

// topWord ranks the matches of one listed term for the page opt asks, from
// the term's list: it reads holders in the order of their stored weights,
// scores each as FTS5's bm25 would now, and stops once the k-th best
// (k = Offset+Limit) ranks strictly before anything unread can (see
// searchranking.go for the bound). ok is false when the index cannot prove
// the page: the term is not listed or the index is behind, or the list runs
// out first (a page deep in the results, or a filter keeping few holders).
func (db *DB) topWord(ctx context.Context, term string, opt core.SearchOptions) (ranked []scored, ok bool, err error) {
	k := opt.Offset + opt.Limit
	if k > rankKeep {
		return nil, false, nil
	}
	tx, err := db.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, false, err
	}
	defer tx.Rollback()
	w, err := readWordIndex(ctx, tx, term)
	if err != nil || !w.listed {
		return nil, false, err
	}
	idf, err := idfOf(ctx, tx, w.totals.rows, w.holders)
	if err != nil {
		return nil, false, err
	}
	avg := w.totals.avg()
	// A stored weight times this bounds the weight now; the margin covers
	// the rounding of the two computations.
	grow := max(1, avg/w.avg) * (1 + 1e-9)
	query := `SELECT h.article, h.freq, h.length, h.weight FROM search_holders h WHERE h.term = ?`
	args := []any{term}
	if cond, fargs := filterSQL(opt.Filter); cond != "" {
		query = `SELECT h.article, h.freq, h.length, h.weight FROM search_holders h JOIN articles a ON a.id = h.article
			WHERE h.term = ? AND ` + cond
		args = append(args, fargs...)
	}
	rows, err := tx.QueryContext(ctx, query+` ORDER BY h.weight DESC, h.article DESC`, args...)
	if err != nil {
		return nil, false, err
	}
	defer rows.Close()
	// best holds the k best so far, best first: rank ascending, then the
	// newer article first, as the full query orders them.
	best := make([]scored, 0, k+1)
	proven := func(unread float64) bool {
		return len(best) == k && best[k-1].rank < bm25Rank(idf, unread*grow)
	}
	for rows.Next() {
		var h holder
		if err := rows.Scan(&h.article, &h.freq, &h.length, &h.weight); err != nil {
			return nil, false, err
		}
		// Everything unread weighs at most this holder's stored weight.
		if proven(h.weight) {
			return best[opt.Offset:], true, nil
		}
		s := scored{id: h.article, rank: bm25Rank(idf, termWeight(float64(h.freq), float64(h.length), avg))}
		if len(best) < k || before(s, best[len(best)-1]) < 0 {
			i, _ := slices.BinarySearchFunc(best, s, before)
			best = slices.Insert(best, i, s)
			if len(best) > k {
				best = best[:k]
			}
		}
	}
	if err := rows.Err(); err != nil {
		return nil, false, err
	}
	// The list is read: what is left out weighs at most the bound, and a
	// complete list (bound 0) leaves nothing out.
	if w.bound == 0 || proven(w.bound) {
		if opt.Offset >= len(best) {
			return []scored{}, true, nil
		}
		return best[opt.Offset:], true, nil
	}
	return nil, false, nil
}
