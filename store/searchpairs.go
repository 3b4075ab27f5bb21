package store

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/storydiff/storydiff/core"
)

// The pair index (migration 0018) keeps, for every pair of listed words of
// the ranking index that stand next to each other in some article, the
// count of articles holding the pair as a phrase and its pairKeep holders
// of largest bm25 weight (every holder when it has no more). FTS5's bm25
// scores a phrase as it scores a word: idf from the count of articles that
// hold the phrase, and the weight from its occurrences in an article and
// the article's length. So a phrase of two common words is ranked from its
// list as a word is from its own (topPair), where FTS5 would walk both
// words' position lists to count the phrase's holders, then to rank them,
// then to count them for the page's total.
//
// The pairs are FTS5's own: an article's listed words and their positions
// are read from a temporary FTS5 index over the article with the archive's
// tokenizer (the instances of its vocabulary table), and two words are a
// pair where one stands at the position after the other in the same column,
// as FTS5 matches a phrase.
//
// A refresh does not rewrite the built lists for new articles (a hundred of
// them touch thousands of pairs, spread over the whole table): it counts
// their holders beside each pair and keeps those that belong in the list
// (search_pair_added, search_pair_adds), and a search merges the two. Only
// a changed or deleted article the build took in changes a built entry.
var pairKeep = 200 // a variable so that tests can cut lists short

// pairKey is the index's key of a pair: the two terms with a space, which
// no term holds.
func pairKey(a, b string) string { return a + " " + b }

// plainPair returns the index key of a search that is one quoted phrase of
// two plain words (see plainTerm), "" for any other search.
func plainPair(input string, opt core.SearchOptions) string {
	q := ftsQuery(input, opt.Prefix, opt.Variants)
	if len(q) < 5 || q[0] != '"' || q[len(q)-1] != '"' {
		return ""
	}
	a, b, ok := strings.Cut(q[1:len(q)-1], " ")
	if !ok || a == "" || b == "" {
		return ""
	}
	for _, w := range []string{a, b} {
		for i := 0; i < len(w); i++ {
			c := w[i]
			if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
				return ""
			}
		}
	}
	return strings.ToLower(pairKey(a, b))
}

// encodePairList writes a list, best first, as the index stores it.
func encodePairList(list []holder) []byte {
	out := make([]byte, 0, 6*len(list))
	for _, h := range list {
		out = binary.AppendUvarint(out, uint64(h.article))
		out = binary.AppendUvarint(out, uint64(h.freq))
		out = binary.AppendUvarint(out, uint64(h.length))
	}
	return out
}

// decodePairList reads a stored list, each holder's weight computed at avg.
func decodePairList(b []byte, avg float64) ([]holder, error) {
	var out []holder
	for len(b) > 0 {
		var v [3]uint64
		for i := range v {
			x, n := binary.Uvarint(b)
			if n <= 0 {
				return nil, fmt.Errorf("a list of the pair index is damaged")
			}
			v[i], b = x, b[n:]
		}
		h := holder{article: int64(v[0]), freq: int64(v[1]), length: int64(v[2])}
		h.weight = termWeight(float64(h.freq), float64(h.length), avg)
		out = append(out, h)
	}
	return out, nil
}

// betterHolder orders a list: the larger weight first, then the newer
// article, as the full ranking orders equal ranks.
func betterHolder(a, b holder) int {
	if c := cmp.Compare(b.weight, a.weight); c != 0 {
		return c
	}
	return cmp.Compare(b.article, a.article)
}

// listedPair is a pair's entry while the index is built or refreshed.
type listedPair struct {
	key     string
	holders int64
	avg     float64
	bound   float64
	list    []holder // best first
	stored  bool     // the index has a row for it
	// During a refresh: the list is read from the index only when it must
	// change, and written back only then; added counts the holders gained
	// (or lost) beside the built entry, adds those of them that belong in
	// the list, and baseChanged says the built entry lost a holder.
	listRead, listChanged, baseChanged bool
	added                              int64
	adds                               []holder
}

// pairBuild gathers every pair of a build, one chunk of articles at a
// time, in little memory: a pair's holders as varints while it has at most
// pairKeep of them (most pairs of a large archive), then a heap of its best
// pairKeep, the worst on top.
type pairBuild struct {
	avg   float64
	names []string // the listed terms, by number
	at    map[[2]int32]int32
	keys  [][2]int32
	pairs []buildPair
}

type buildPair struct {
	holders int64
	bound   float64
	raw     []byte
	best    []buildHolder
}

// buildHolder is a holder without its weight, which is computed from its
// frequency and length when compared.
type buildHolder struct {
	article      int64
	freq, length int32
}

func (b *pairBuild) weight(h buildHolder) float64 {
	return termWeight(float64(h.freq), float64(h.length), b.avg)
}

// worse orders holders as the list does, the worse first.
func (b *pairBuild) worse(x, y buildHolder) bool {
	wx, wy := b.weight(x), b.weight(y)
	return wx < wy || wx == wy && x.article < y.article
}

func (b *pairBuild) add(a, c int32, h buildHolder) {
	i, ok := b.at[[2]int32{a, c}]
	if !ok {
		i = int32(len(b.pairs))
		b.at[[2]int32{a, c}] = i
		b.keys = append(b.keys, [2]int32{a, c})
		b.pairs = append(b.pairs, buildPair{})
	}
	p := &b.pairs[i]
	p.holders++
	if p.best == nil {
		if p.holders <= int64(pairKeep) {
			p.raw = binary.AppendUvarint(p.raw, uint64(h.article))
			p.raw = binary.AppendUvarint(p.raw, uint64(h.freq))
			p.raw = binary.AppendUvarint(p.raw, uint64(h.length))
			return
		}
		p.best = make([]buildHolder, 0, pairKeep)
		for _, x := range decodeRaw(p.raw) {
			b.push(p, x)
		}
		p.raw = nil
	}
	if len(p.best) < pairKeep {
		b.push(p, h)
		return
	}
	if b.worse(p.best[0], h) {
		p.bound = max(p.bound, b.weight(p.best[0]))
		p.best[0] = h
		b.down(p.best, 0)
	} else {
		p.bound = max(p.bound, b.weight(h))
	}
}

func (b *pairBuild) push(p *buildPair, h buildHolder) {
	p.best = append(p.best, h)
	for j := len(p.best) - 1; j > 0; {
		parent := (j - 1) / 2
		if !b.worse(p.best[j], p.best[parent]) {
			break
		}
		p.best[j], p.best[parent] = p.best[parent], p.best[j]
		j = parent
	}
}

func (b *pairBuild) down(h []buildHolder, j int) {
	for {
		l := 2*j + 1
		if l >= len(h) {
			return
		}
		m := l
		if r := l + 1; r < len(h) && b.worse(h[r], h[l]) {
			m = r
		}
		if !b.worse(h[m], h[j]) {
			return
		}
		h[j], h[m] = h[m], h[j]
		j = m
	}
}

func decodeRaw(raw []byte) []buildHolder {
	var out []buildHolder
	for len(raw) > 0 {
		var v [3]uint64
		for i := range v {
			x, n := binary.Uvarint(raw)
			v[i], raw = x, raw[n:]
		}
		out = append(out, buildHolder{article: int64(v[0]), freq: int32(v[1]), length: int32(v[2])})
	}
	return out
}

// list returns pair i's entry, its list best first.
func (b *pairBuild) list(i int) listedPair {
	p := &b.pairs[i]
	hs := p.best
	if hs == nil {
		hs = decodeRaw(p.raw)
	}
	list := make([]holder, len(hs))
	for j, h := range hs {
		list[j] = holder{article: h.article, freq: int64(h.freq), length: int64(h.length), weight: b.weight(h)}
	}
	slices.SortFunc(list, betterHolder)
	k := b.keys[i]
	return listedPair{key: pairKey(b.names[k[0]], b.names[k[1]]), holders: p.holders, avg: b.avg, bound: p.bound, list: list}
}

// foldToken is a listed word at its place in an article of the temporary
// index.
type foldToken struct {
	term  int32
	title bool
	at    int64
}

// pairFreq is a pair's frequency in one article, title occurrences counted
// five times as bm25 weighs them.
type pairFreq struct {
	a, b          int32
	article, freq int64
}

// foldInstances reads the listed words of the articles in the temporary
// index (the terms of the table listed, a term column, joined to the
// index's instances) and returns each listed word's frequency in each
// article and, when pairs, each pair's. index numbers the terms; a term it
// lacks is numbered as it is met, and names holds the terms by number.
func foldInstances(ctx context.Context, q querier, listed string, index map[string]int32, names *[]string, pairs bool) ([]termFreq, []pairFreq, error) {
	rows, err := q.QueryContext(ctx, `SELECT v.term, v.doc, v.col = 'title', v.offset FROM `+listed+` t
		JOIN temp.search_fold_terms v ON v.term = t.term`)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	byDoc := map[int64][]foldToken{}
	var docs []int64
	var term sql.RawBytes
	for rows.Next() {
		var doc int64
		var tok foldToken
		if err := rows.Scan(&term, &doc, &tok.title, &tok.at); err != nil {
			return nil, nil, err
		}
		n, ok := index[string(term)]
		if !ok {
			n = int32(len(*names))
			s := string(term)
			index[s] = n
			*names = append(*names, s)
		}
		tok.term = n
		if _, ok := byDoc[doc]; !ok {
			docs = append(docs, doc)
		}
		byDoc[doc] = append(byDoc[doc], tok)
	}
	if err := rows.Err(); err != nil {
		return nil, nil, err
	}
	slices.Sort(docs)
	var terms []termFreq
	var pfs []pairFreq
	freq := map[int32]int64{}
	pfreq := map[[2]int32]int64{}
	for _, doc := range docs {
		toks := byDoc[doc]
		slices.SortFunc(toks, func(x, y foldToken) int {
			if x.title != y.title {
				if x.title {
					return -1
				}
				return 1
			}
			return cmp.Compare(x.at, y.at)
		})
		clear(freq)
		clear(pfreq)
		for i, t := range toks {
			w := int64(1)
			if t.title {
				w = 5
			}
			freq[t.term] += w
			if pairs && i > 0 && toks[i-1].title == t.title && toks[i-1].at+1 == t.at {
				pfreq[[2]int32{toks[i-1].term, t.term}] += w
			}
		}
		for n, f := range freq {
			terms = append(terms, termFreq{term: (*names)[n], article: doc, freq: f})
		}
		for k, f := range pfreq {
			pfs = append(pfs, pairFreq{a: k[0], b: k[1], article: doc, freq: f})
		}
	}
	return terms, pfs, nil
}

// foldTables makes (or empties) the temporary index and its vocabulary.
func foldTables(ctx context.Context, q interface {
	ExecContext(context.Context, string, ...any) (sql.Result, error)
}) error {
	for _, s := range []string{
		`CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_fold USING fts5(title, text, content = '', tokenize = 'unicode61 remove_diacritics 2')`,
		`CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_fold_terms USING fts5vocab(temp, search_fold, instance)`,
		`INSERT INTO temp.search_fold(search_fold) VALUES ('delete-all')`,
	} {
		if _, err := q.ExecContext(ctx, s); err != nil {
			return err
		}
	}
	return nil
}

// readPairs builds the pair index of the listed terms from one snapshot
// (the build's read transaction): every article passes through the
// temporary index, a chunk at a time.
func readPairs(ctx context.Context, tx *sql.Tx, terms []listedTerm, totals ftsTotals, upto int64, progress core.ProgressFunc) (*pairBuild, error) {
	b := &pairBuild{avg: totals.avg(), at: map[[2]int32]int32{}}
	if len(terms) == 0 {
		return b, nil
	}
	if err := foldTables(ctx, tx); err != nil {
		return nil, err
	}
	for _, s := range []string{
		`CREATE TEMP TABLE IF NOT EXISTS search_pair_words (term TEXT PRIMARY KEY) WITHOUT ROWID`,
		`DELETE FROM temp.search_pair_words`,
	} {
		if _, err := tx.ExecContext(ctx, s); err != nil {
			return nil, err
		}
	}
	index := map[string]int32{}
	for _, t := range terms {
		if _, err := tx.ExecContext(ctx, `INSERT INTO temp.search_pair_words(term) VALUES (?)`, t.term); err != nil {
			return nil, err
		}
		index[t.term] = int32(len(b.names))
		b.names = append(b.names, t.term)
	}
	for from := int64(1); from <= upto; from += foldChunk {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if progress != nil {
			progress(core.Progress{Stage: "pair index", Done: int(from - 1), Total: int(upto)})
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO temp.search_fold(search_fold) VALUES ('delete-all')`); err != nil {
			return nil, err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO temp.search_fold(rowid, title, text)
			SELECT id, title, text FROM articles WHERE id BETWEEN ? AND ?`, from, from+foldChunk-1); err != nil {
			return nil, err
		}
		_, pfs, err := foldInstances(ctx, tx, "temp.search_pair_words", index, &b.names, true)
		if err != nil {
			return nil, err
		}
		lengths, err := pairLengths(ctx, tx, pfs)
		if err != nil {
			return nil, err
		}
		for _, pf := range pfs {
			b.add(pf.a, pf.b, buildHolder{article: pf.article, freq: int32(pf.freq), length: int32(lengths[pf.article])})
		}
	}
	if progress != nil {
		progress(core.Progress{Stage: "pair index", Done: int(upto), Total: int(upto)})
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO temp.search_fold(search_fold) VALUES ('delete-all')`); err != nil {
		return nil, err
	}
	return b, nil
}

// pairLengths reads the lengths of the articles the pairs were found in.
func pairLengths(ctx context.Context, q querier, pfs []pairFreq) (map[int64]int64, error) {
	return docLengths(ctx, q, func(yield func(int64) bool) {
		seen := map[int64]bool{}
		for _, pf := range pfs {
			if !seen[pf.article] {
				seen[pf.article] = true
				if !yield(pf.article) {
					return
				}
			}
		}
	})
}

// writePairs replaces the pair index with the build's pairs, in the
// build's write, one pair's list made at a time.
func writePairs(ctx context.Context, tx *sql.Tx, b *pairBuild) error {
	for _, q := range []string{`DELETE FROM search_pairs`, `DELETE FROM search_pair_lists`, `DELETE FROM search_pair_added`, `DELETE FROM search_pair_adds`} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	if b == nil {
		return nil
	}
	ins, err := tx.PrepareContext(ctx, `INSERT INTO search_pairs(pair, holders, weight_avg, bound) VALUES (?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer ins.Close()
	insList, err := tx.PrepareContext(ctx, `INSERT INTO search_pair_lists(pair, list) VALUES (?, ?)`)
	if err != nil {
		return err
	}
	defer insList.Close()
	order := make([]int, len(b.keys))
	keys := make([]string, len(b.keys))
	for i, k := range b.keys {
		order[i], keys[i] = i, pairKey(b.names[k[0]], b.names[k[1]])
	}
	slices.SortFunc(order, func(x, y int) int { return strings.Compare(keys[x], keys[y]) })
	for _, i := range order {
		p := b.list(i)
		if _, err := ins.ExecContext(ctx, p.key, p.holders, p.avg, p.bound); err != nil {
			return err
		}
		if _, err := insList.ExecContext(ctx, p.key, encodePairList(p.list)); err != nil {
			return err
		}
	}
	return nil
}

// pairFold is the pairs an index refresh changes, read from the index as
// they are met and written back once a chunk of articles is in.
type pairFold struct {
	avg   float64 // for a pair the index did not hold
	pairs map[string]*listedPair
	names []string
	// The statements, prepared once: a refresh runs them for thousands of
	// pairs.
	read, readList, dropAdd, setHolders, setList, count, keep *sql.Stmt
}

func newPairFold(ctx context.Context, tx *sql.Tx, avg float64) (*pairFold, error) {
	f := &pairFold{avg: avg, pairs: map[string]*listedPair{}}
	for _, st := range []struct {
		to  **sql.Stmt
		sql string
	}{
		{&f.read, `SELECT holders, weight_avg, bound FROM search_pairs WHERE pair = ?`},
		{&f.readList, `SELECT list FROM search_pair_lists WHERE pair = ?`},
		{&f.dropAdd, `DELETE FROM search_pair_adds WHERE pair = ? AND article = ?`},
		{&f.setHolders, `UPDATE search_pairs SET holders = ? WHERE pair = ?`},
		{&f.setList, `UPDATE search_pair_lists SET list = ? WHERE pair = ?`},
		{&f.count, `INSERT INTO search_pair_added(pair, holders) VALUES (?, ?)
			ON CONFLICT(pair) DO UPDATE SET holders = holders + excluded.holders`},
		{&f.keep, `INSERT OR REPLACE INTO search_pair_adds(pair, article, freq, length) VALUES (?, ?, ?, ?)`},
	} {
		stmt, err := tx.PrepareContext(ctx, st.sql)
		if err != nil {
			f.close()
			return nil, err
		}
		*st.to = stmt
	}
	return f, nil
}

func (f *pairFold) close() {
	for _, st := range []*sql.Stmt{f.read, f.readList, f.dropAdd, f.setHolders, f.setList, f.count, f.keep} {
		if st != nil {
			st.Close()
		}
	}
}

// get returns a pair's entry, its counts read from the index the first
// time.
func (f *pairFold) get(ctx context.Context, a, b int32) (*listedPair, error) {
	key := pairKey(f.names[a], f.names[b])
	if p := f.pairs[key]; p != nil {
		return p, nil
	}
	p := &listedPair{key: key, avg: f.avg, listRead: true}
	switch err := f.read.QueryRowContext(ctx, key).Scan(&p.holders, &p.avg, &p.bound); {
	case errors.Is(err, sql.ErrNoRows):
	case err != nil:
		return nil, err
	default:
		p.stored, p.listRead = true, false
	}
	f.pairs[key] = p
	return p, nil
}

// list reads a pair's list when it must change.
func (f *pairFold) list(ctx context.Context, p *listedPair) error {
	if p.listRead {
		return nil
	}
	var list []byte
	if err := f.readList.QueryRowContext(ctx, p.key).Scan(&list); err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	var err error
	p.list, err = decodePairList(list, p.avg)
	p.listRead = true
	return err
}

// take counts one more holder beside the built entry, and keeps it when it
// belongs in the list: the pair's list holds every holder (or the build
// did not see the pair), or it outweighs what the list left out.
func (f *pairFold) take(p *listedPair, h holder) {
	p.added++
	h.weight = termWeight(float64(h.freq), float64(h.length), p.avg)
	if p.bound == 0 || h.weight > p.bound {
		p.adds = append(p.adds, h)
	}
}

// remove takes out an article that no longer holds the pair: from what the
// refresh took in when it is there, else from the built entry.
func (f *pairFold) remove(ctx context.Context, p *listedPair, article int64) error {
	res, err := f.dropAdd.ExecContext(ctx, p.key, article)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil || n > 0 {
		p.added--
		return err
	}
	if !p.stored {
		p.added-- // counted beside, below the bound
		return nil
	}
	p.holders--
	p.baseChanged = true
	if err := f.list(ctx, p); err != nil {
		return err
	}
	n := len(p.list)
	p.list = slices.DeleteFunc(p.list, func(h holder) bool { return h.article == article })
	p.listChanged = p.listChanged || len(p.list) != n
	return nil
}

// flush writes the pairs met since the last flush.
func (f *pairFold) flush(ctx context.Context) error {
	keys := make([]string, 0, len(f.pairs))
	for k := range f.pairs {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		p := f.pairs[k]
		if p.baseChanged {
			if _, err := f.setHolders.ExecContext(ctx, p.holders, k); err != nil {
				return err
			}
		}
		if p.listChanged {
			if _, err := f.setList.ExecContext(ctx, encodePairList(p.list), k); err != nil {
				return err
			}
		}
		if p.added != 0 {
			if _, err := f.count.ExecContext(ctx, k, p.added); err != nil {
				return err
			}
		}
		for _, h := range p.adds {
			if _, err := f.keep.ExecContext(ctx, k, h.article, h.freq, h.length); err != nil {
				return err
			}
		}
	}
	clear(f.pairs)
	return nil
}

// pairIndex is what the pair index says of one pair in one snapshot.
type pairIndex struct {
	listed  bool // the index is current for the pair and can rank it
	holders int64
	avg     float64
	bound   float64 // 0: the list holds every holder
	list    []holder
	totals  ftsTotals
}

// readPairIndex reads a pair's entry, with what refreshes took in beside
// it, and whether the index is current for it: it was built, no article
// changed since it was refreshed, and no article added since holds the
// phrase. A pair of two listed words the index does not hold is held by no
// article.
func readPairIndex(ctx context.Context, q querier, pair string) (pairIndex, error) {
	var p pairIndex
	a, b, _ := strings.Cut(pair, " ")
	var built, words, changed, later bool
	if err := q.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM settings WHERE key = ?1),
		(SELECT count(*) FROM search_terms WHERE term IN (?2, ?3)) = (CASE WHEN ?2 = ?3 THEN 1 ELSE 2 END),
		EXISTS (SELECT 1 FROM search_changed),
		EXISTS (SELECT 1 FROM articles_fts WHERE articles_fts MATCH ?4 AND rowid >
			coalesce((SELECT CAST(value AS INTEGER) FROM settings WHERE key = ?5), 0))`,
		rankingRows, a, b, ftsPhrase(pair), rankingUpto).Scan(&built, &words, &changed, &later); err != nil {
		return p, err
	}
	if !built || !words || changed || later {
		return p, nil
	}
	var err error
	if p.totals, err = readTotals(ctx, q); err != nil || p.totals.rows == 0 {
		return p, err
	}
	var list []byte
	var added int64
	err = q.QueryRowContext(ctx, `SELECT p.holders, p.weight_avg, p.bound, coalesce(l.list, x'') FROM search_pairs p
		LEFT JOIN search_pair_lists l ON l.pair = p.pair WHERE p.pair = ?`, pair).Scan(&p.holders, &p.avg, &p.bound, &list)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		p.avg = p.totals.avg() // every holder is among the adds
	case err != nil:
		return p, err
	}
	if p.list, err = decodePairList(list, p.avg); err != nil {
		return p, err
	}
	if err := q.QueryRowContext(ctx, `SELECT coalesce((SELECT holders FROM search_pair_added WHERE pair = ?), 0)`, pair).Scan(&added); err != nil {
		return p, err
	}
	p.holders += added
	rows, err := q.QueryContext(ctx, `SELECT article, freq, length FROM search_pair_adds WHERE pair = ?`, pair)
	if err != nil {
		return p, err
	}
	defer rows.Close()
	adds := false
	for rows.Next() {
		var h holder
		if err := rows.Scan(&h.article, &h.freq, &h.length); err != nil {
			return p, err
		}
		h.weight = termWeight(float64(h.freq), float64(h.length), p.avg)
		p.list, adds = append(p.list, h), true
	}
	if err := rows.Err(); err != nil {
		return p, err
	}
	if adds {
		slices.SortFunc(p.list, betterHolder)
	}
	p.listed = true
	return p, nil
}

// keptHolders returns the holders of list that the filter keeps, in order.
func keptHolders(ctx context.Context, q querier, list []holder, f core.SearchFilter) ([]holder, error) {
	cond, args := filterSQL(f)
	if cond == "" || len(list) == 0 {
		return list, nil
	}
	ids := make([]string, len(list))
	for i, h := range list {
		ids[i] = fmt.Sprint(h.article)
	}
	rows, err := q.QueryContext(ctx, `SELECT a.id FROM articles a WHERE a.id IN (`+strings.Join(ids, ",")+`) AND `+cond, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	in := map[int64]bool{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		in[id] = true
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := make([]holder, 0, len(in))
	for _, h := range list {
		if in[h.article] {
			out = append(out, h)
		}
	}
	return out, nil
}

// topPair ranks the matches of a phrase of two listed words for the page
// opt asks, from the pair's list, as topWord ranks a word's: holders in the
// order of their stored weights, each scored as FTS5's bm25 would now,
// until the k-th best ranks strictly before anything unread can. A list
// that holds every holder ranks any page. ok is false when the index
// cannot prove the page.
func (db *DB) topPair(ctx context.Context, pair string, opt core.SearchOptions) (ranked []scored, ok bool, err error) {
	tx, err := db.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, false, err
	}
	defer tx.Rollback()
	p, err := readPairIndex(ctx, tx, pair)
	if err != nil || !p.listed {
		return nil, false, err
	}
	k := opt.Offset + opt.Limit
	if p.bound != 0 && k > len(p.list) {
		return nil, false, nil
	}
	if p.holders <= 0 {
		return []scored{}, true, nil
	}
	idf, err := idfOf(ctx, tx, p.totals.rows, p.holders)
	if err != nil {
		return nil, false, err
	}
	avg := p.totals.avg()
	grow := max(1, avg/p.avg) * (1 + 1e-9)
	list, err := keptHolders(ctx, tx, p.list, opt.Filter)
	if err != nil {
		return nil, false, err
	}
	best := make([]scored, 0, k+1)
	proven := func(unread float64) bool {
		return len(best) == k && best[k-1].rank < bm25Rank(idf, unread*grow)
	}
	page := func() []scored {
		if opt.Offset >= len(best) {
			return []scored{}
		}
		return best[opt.Offset:]
	}
	for _, h := range list {
		if proven(h.weight) {
			return page(), true, nil
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
	if p.bound == 0 || proven(p.bound) {
		return page(), true, nil
	}
	return nil, false, nil
}

// pairHolders counts a pair's matches among the articles f keeps from the
// pair index: every holder without a filter, the kept ones of a list that
// holds every holder with one. ok is false when the index cannot say.
func (db *DB) pairHolders(ctx context.Context, pair string, f core.SearchFilter) (int64, bool, error) {
	tx, err := db.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return 0, false, err
	}
	defer tx.Rollback()
	p, err := readPairIndex(ctx, tx, pair)
	if err != nil || !p.listed {
		return 0, false, err
	}
	if filterEmpty(f) {
		return max(p.holders, 0), true, nil
	}
	if p.bound != 0 {
		return 0, false, nil
	}
	kept, err := keptHolders(ctx, tx, p.list, f)
	return int64(len(kept)), true, err
}
