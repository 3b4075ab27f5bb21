package store

import (
	"container/heap"
	"context"
	"database/sql"
	"errors"
	"slices"
	"strings"

	"github.com/storydiff/storydiff/core"
)

// plainTerms returns the index terms of a search of several plain words
// (each as plainTerm takes one, all of them required), in the search's
// order; nil for any other search.
func plainTerms(input string, opt core.SearchOptions) []string {
	q := ftsQuery(input, opt.Prefix, opt.Variants)
	parts := strings.Split(q, " AND ")
	if len(parts) < 2 {
		return nil
	}
	terms := make([]string, len(parts))
	for i, p := range parts {
		if terms[i] = plainTerm(p, core.SearchOptions{}); terms[i] == "" {
			return nil
		}
	}
	return terms
}

// wordList is one word's holders for the threshold algorithm: its stored
// list (the best holders by stored weight, the rest under bound), or, for a
// word held by fewer than rankListed articles, every holder, scored by FTS5
// (complete, bound 0).
type wordList struct {
	term     string
	idf      float64
	grow     float64 // a stored weight times grow bounds the weight now
	bound    float64 // of the holders not in entries
	complete bool
	entries  []holder // best first
	at       map[int64]holder
}

// topWords ranks a search of several plain words exactly with the
// threshold algorithm: the words' lists are read a depth at a time, each
// article met is scored in full (a word's weight from its list, or from
// FTS5's highlight of that one word in the article, which marks each
// occurrence), and the read stops when the k-th best ranks strictly before
// the sum of what the lists' unread parts can give. A word without a list
// is held by few articles, and its holders are all read from FTS5 first.
// ok is false when it cannot prove the page.
func (db *DB) topWords(ctx context.Context, terms []string, opt core.SearchOptions) (ranked []scored, ok bool, err error) {
	k := opt.Offset + opt.Limit
	if k > rankKeep {
		return nil, false, nil
	}
	tx, err := db.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, false, err
	}
	defer tx.Rollback()
	totals, err := readTotals(ctx, tx)
	if err != nil || totals.rows == 0 {
		return nil, false, err
	}
	avg := totals.avg()
	lists := make([]*wordList, len(terms))
	for i, term := range terms {
		l, ok, err := readWordList(ctx, tx, term, totals)
		if err != nil || !ok {
			return nil, false, err
		}
		lists[i] = l
	}
	for _, l := range lists {
		if !l.complete {
			continue
		}
		// With a word of few holders the search may match at most the
		// window, which ranks every match: that is exact, and costs less
		// than the lookups that a common word beside a rarer one needs.
		phrases := make([]string, len(terms))
		for i, t := range terms {
			phrases[i] = ftsPhrase(t)
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT 1 FROM articles_fts WHERE articles_fts MATCH ? LIMIT ?)`,
			strings.Join(phrases, " AND "), core.DefaultRankWindow+1).Scan(&n); err != nil || n <= core.DefaultRankWindow {
			return nil, false, err
		}
		break
	}
	var keep *sql.Stmt
	if cond, args := filterSQL(opt.Filter); cond != "" {
		if keep, err = tx.PrepareContext(ctx, `SELECT EXISTS (SELECT 1 FROM articles a WHERE a.id = ? AND `+cond+`)`); err != nil {
			return nil, false, err
		}
		defer keep.Close()
		fargs := args
		kept := func(id int64) (bool, error) {
			var in bool
			err := keep.QueryRowContext(ctx, append([]any{id}, fargs...)...).Scan(&in)
			return in, err
		}
		return db.thresholdRank(ctx, tx, lists, avg, k, opt.Offset, kept)
	}
	return db.thresholdRank(ctx, tx, lists, avg, k, opt.Offset, nil)
}

// readWordList reads a word's list for topWords: ok is false when the
// ranking index cannot serve it (articles changed, or added ones hold the
// word, or a word without a list has grown past rankListed holders).
func readWordList(ctx context.Context, tx *sql.Tx, term string, totals ftsTotals) (*wordList, bool, error) {
	w, err := readWordIndex(ctx, tx, term)
	if err != nil {
		return nil, false, err
	}
	l := &wordList{term: term, at: map[int64]holder{}}
	if w.listed {
		if l.idf, err = idfOf(ctx, tx, totals.rows, w.holders); err != nil {
			return nil, false, err
		}
		l.grow, l.bound = max(1, totals.avg()/w.avg)*(1+1e-9), w.bound
		rows, err := tx.QueryContext(ctx, `SELECT article, freq, length, weight FROM search_holders WHERE term = ?
			ORDER BY weight DESC, article DESC`, term)
		if err != nil {
			return nil, false, err
		}
		defer rows.Close()
		for rows.Next() {
			var h holder
			if err := rows.Scan(&h.article, &h.freq, &h.length, &h.weight); err != nil {
				return nil, false, err
			}
			l.entries = append(l.entries, h)
			l.at[h.article] = h
		}
		return l, true, rows.Err()
	}
	var listed, changed bool
	if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM search_terms WHERE term = ?), EXISTS (SELECT 1 FROM search_changed)`,
		term).Scan(&listed, &changed); err != nil || listed || changed {
		return nil, false, err // a listed word the index is behind on
	}
	// Few holders: all of them, as FTS5 ranks the word alone, each one's
	// frequency recovered from its rank (as the build does).
	var n int64
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT 1 FROM articles_fts WHERE articles_fts MATCH ? LIMIT ?)`,
		ftsPhrase(term), rankListed+1).Scan(&n); err != nil || n > int64(rankListed) {
		return nil, false, err
	}
	t := listedTerm{term: term, holders: n, avg: totals.avg()}
	if err := listTerm(ctx, tx, &t, totals, int(n)); err != nil {
		return nil, false, err
	}
	if l.idf, err = idfOf(ctx, tx, totals.rows, n); err != nil {
		return nil, false, err
	}
	l.grow, l.complete, l.entries = 1, true, t.list
	for _, h := range l.entries {
		l.at[h.article] = h
	}
	return l, true, nil
}

// maxLookups bounds the articles a threshold ranking scores through
// highlight (each tokenizes the article, about 0.3 ms): when the lists
// cannot tell enough articles apart (a common word beside a rarer one,
// whose weights for the common word are mostly outside its list), the
// search ranks as before, which is exact when it matches at most the
// window.
const maxLookups = 64

var errTooManyLookups = errors.New("too many lookups")

// thresholdRank runs the threshold algorithm over the lists (see
// topWords); kept, when not nil, says whether an article passes the
// search's filter. An article met in a list is first given the most it can
// score from the lists alone (a word outside a stored list weighs at most
// the list's bound); it is scored exactly, which for a word outside the
// word's list costs a highlight of the article, only when that most could
// still enter the k best, best bound first.
func (db *DB) thresholdRank(ctx context.Context, tx *sql.Tx, lists []*wordList, avg float64, k, offset int,
	kept func(int64) (bool, error)) ([]scored, bool, error) {
	ranked, ok, err := db.thresholdRankOnce(ctx, tx, lists, avg, k, offset, kept)
	if errors.Is(err, errTooManyLookups) {
		return nil, false, nil
	}
	return ranked, ok, err
}

func (db *DB) thresholdRankOnce(ctx context.Context, tx *sql.Tx, lists []*wordList, avg float64, k, offset int,
	kept func(int64) (bool, error)) ([]scored, bool, error) {
	best := make([]scored, 0, k+1)
	seen := map[int64]bool{}
	pos := make([]int, len(lists))
	freqs := make([]int64, len(lists))
	var waiting candidates
	lookups := 0
	var look *sql.Stmt
	defer func() {
		if look != nil {
			look.Close()
		}
	}()
	// occurrences counts a word's occurrences in an article as bm25 weighs
	// them, from FTS5's highlight of that one word: each occurrence gets
	// one marker byte, so the text grows by their count (whatever bytes
	// the text itself holds). held is false when the article lacks it.
	occurrences := func(term string, id int64) (freq int64, held bool, err error) {
		if look == nil {
			if look, err = tx.PrepareContext(ctx, `SELECT
				length(CAST(highlight(articles_fts, 0, char(1), '') AS BLOB)) - length(CAST(title AS BLOB)),
				length(CAST(highlight(articles_fts, 1, char(1), '') AS BLOB)) - length(CAST(text AS BLOB))
				FROM articles_fts WHERE articles_fts MATCH ? AND rowid = ?`); err != nil {
				return 0, false, err
			}
		}
		if lookups++; lookups > maxLookups {
			return 0, false, errTooManyLookups
		}
		var inTitle, inText int64
		switch err := look.QueryRowContext(ctx, ftsPhrase(term), id).Scan(&inTitle, &inText); {
		case err == sql.ErrNoRows:
			return 0, false, nil
		case err != nil:
			return 0, false, err
		}
		return 5*inTitle + inText, true, nil
	}
	// beaten: nothing scoring at most bound can enter the k best.
	beaten := func(bound float64) bool {
		return len(best) == k && best[k-1].rank < -1.0*bound*(1+1e-9)
	}
	score := func(c candidate) error {
		if kept != nil {
			if in, err := kept(c.id); err != nil || !in {
				return err
			}
		}
		for j, l := range lists {
			if h, ok := l.at[c.id]; ok {
				freqs[j] = h.freq
				continue
			}
			f, held, err := occurrences(l.term, c.id)
			if err != nil || !held {
				return err
			}
			freqs[j] = f
		}
		// FTS5's sum, in the search's order of phrases.
		total := 0.0
		for j, l := range lists {
			total += l.idf * termWeight(float64(freqs[j]), float64(c.length), avg)
		}
		s := scored{id: c.id, rank: -1.0 * total}
		if len(best) < k || before(s, best[len(best)-1]) < 0 {
			i, _ := slices.BinarySearchFunc(best, s, before)
			best = slices.Insert(best, i, s)
			if len(best) > k {
				best = best[:k]
			}
		}
		return nil
	}
	// resolve scores the waiting articles whose most is at least above,
	// best first, and drops them all once the k best are out of their reach.
	resolve := func(above float64) error {
		for waiting.Len() > 0 && waiting[0].most >= above {
			c := heap.Pop(&waiting).(candidate)
			if beaten(c.most) {
				waiting = waiting[:0]
				return nil
			}
			if err := score(c); err != nil {
				return err
			}
		}
		return nil
	}
	done := func() ([]scored, bool, error) {
		if offset >= len(best) {
			return []scored{}, true, nil
		}
		return best[offset:], true, nil
	}
	for {
		if err := ctx.Err(); err != nil {
			return nil, false, err
		}
		// What an article not yet met can score: each word at most the
		// weight of its list's next entry, or of what the list left out.
		// A complete list read to its end leaves no such article.
		unread, none := 0.0, false
		for j, l := range lists {
			w := l.bound * l.grow
			if pos[j] < len(l.entries) {
				w = l.entries[pos[j]].weight * l.grow
			} else if l.complete {
				none = true
			}
			unread += l.idf * w
		}
		if none {
			unread = 0
		}
		if err := resolve(unread); err != nil {
			return nil, false, err
		}
		if none || beaten(unread) && (waiting.Len() == 0 || beaten(waiting[0].most)) {
			if err := resolve(-1); err != nil { // what may still enter
				return nil, false, err
			}
			if none || beaten(unread) {
				return done()
			}
		}
		// Read next from the list whose next entry weighs most in the
		// bound, which lowers the bound fastest.
		next, most := -1, -1.0
		for j, l := range lists {
			if pos[j] < len(l.entries) && l.idf*l.entries[pos[j]].weight*l.grow > most {
				next, most = j, l.idf*l.entries[pos[j]].weight*l.grow
			}
		}
		if next < 0 {
			if err := resolve(-1); err != nil {
				return nil, false, err
			}
			if beaten(unread) {
				return done()
			}
			return nil, false, nil // every list read, and what they left out may still rank
		}
		h := lists[next].entries[pos[next]]
		pos[next]++
		if seen[h.article] {
			continue
		}
		seen[h.article] = true
		c := candidate{id: h.article, length: h.length}
		in := true
		for _, l := range lists {
			if e, ok := l.at[h.article]; ok {
				c.most += l.idf * termWeight(float64(e.freq), float64(h.length), avg)
			} else if l.complete {
				in = false // the article lacks this word
			} else {
				c.most += l.idf * l.bound * l.grow
			}
		}
		if in && !beaten(c.most) {
			heap.Push(&waiting, c)
		}
	}
}

// candidate is an article met in a list and not yet scored, with the most
// it can score.
type candidate struct {
	id, length int64
	most       float64
}

// candidates is a heap of candidates, the largest most first.
type candidates []candidate

func (c candidates) Len() int           { return len(c) }
func (c candidates) Less(i, j int) bool { return c[i].most > c[j].most }
func (c candidates) Swap(i, j int)      { c[i], c[j] = c[j], c[i] }
func (c *candidates) Push(x any)        { *c = append(*c, x.(candidate)) }
func (c *candidates) Pop() any {
	old := *c
	x := old[len(old)-1]
	*c = old[:len(old)-1]
	return x
}

// before orders scored matches as the full query does: rank ascending,
// then the newer article first.
func before(a, b scored) int {
	if a.rank != b.rank {
		if a.rank < b.rank {
			return -1
		}
		return 1
	}
	if a.id > b.id {
		return -1
	}
	return 1
}
