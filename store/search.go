package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/storydiff/storydiff/core"
)

// FTSQuery turns what a user typed into a safe FTS5 query: every word and
// every "quoted phrase" becomes a quoted FTS5 string, so no input can be an
// FTS5 syntax error. It returns "" when the input holds no searchable word.
func FTSQuery(input string, prefix bool) string { return ftsQuery(input, prefix, nil) }

// ftsQuery is FTSQuery with each word outside quotes also matching its
// variants: ("zelenskyy" OR "zelensky" OR "zhelensky").
func ftsQuery(input string, prefix bool, variants map[string][]string) string {
	var terms []string
	addTerm := func(words []string, star bool) {
		if len(words) == 0 {
			return
		}
		t := `"` + strings.Join(words, " ") + `"`
		if star {
			t += "*"
		}
		if len(words) == 1 && len(variants[words[0]]) > 0 {
			alts := []string{t}
			for _, v := range variants[words[0]] {
				alts = append(alts, `"`+strings.ReplaceAll(v, `"`, `""`)+`"`)
			}
			t = "(" + strings.Join(alts, " OR ") + ")"
		}
		terms = append(terms, t)
	}
	rest := input
	for rest != "" {
		i := strings.IndexByte(rest, '"')
		if i < 0 {
			words := words(rest)
			for j, w := range words {
				last := j == len(words)-1
				trailing := strings.TrimRightFunc(rest, unicode.IsSpace) == rest
				star := prefix && last && trailing
				// One letter as a prefix matches a large part of the
				// vocabulary, which FTS5 merges term by term (the prefix
				// indexes start at two letters): half a second at 100,000
				// articles, for nothing a reader can use. So while a word is
				// begun its first letter is left out, and a first letter
				// typed alone is searched as a word.
				if star && utf8.RuneCountInString(w) == 1 {
					if len(terms) > 0 {
						continue
					}
					star = false
				}
				addTerm([]string{w}, star)
			}
			break
		}
		for _, w := range words(rest[:i]) {
			addTerm([]string{w}, false)
		}
		// A quoted phrase is searched as written, variants and all: the
		// quotes say "these words, exactly".
		rest = rest[i+1:]
		j := strings.IndexByte(rest, '"')
		if j < 0 { // an unclosed quote: the phrase runs to the end
			addTerm(words(rest), false)
			break
		}
		addTerm(words(rest[:j]), false)
		rest = rest[j+1:]
	}
	return strings.Join(terms, " AND ")
}

// SearchWords counts the words of a search as FTSQuery reads them.
func SearchWords(input string) int { return len(words(input)) }

// SearchTerms returns the words of a search outside quoted phrases, as
// FTSQuery reads them: the words whose variants a search may add (see
// core.SearchOptions.Variants).
func SearchTerms(input string) []string {
	var out []string
	for i, part := range strings.Split(input, `"`) {
		if i%2 == 0 {
			out = append(out, words(part)...)
		}
	}
	return out
}

// words splits on anything the FTS tokenizer would not keep in a token.
func words(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r))
	})
}

// Search runs a full-text search over titles and texts, best first by
// BM25 (titles weigh five times the text), among the articles opt.Filter
// keeps. A search matching at most opt.Window articles ranks them all; a
// broader one ranks the subset that PartialRanking describes and says so on
// every hit, because ranking every match of a common word or a short prefix
// takes seconds on a large archive. The matches outside that subset follow
// it, newest first and marked Unranked, so that paging reaches every match.
// With the default window, a search for one word held by many articles (or
// a phrase of two such words) is first ranked exactly, every match
// considered, from the ranking index (rankExactly).
func (db *DB) Search(ctx context.Context, input string, opt core.SearchOptions) ([]core.SearchHit, error) {
	q := ftsQuery(input, opt.Prefix, opt.Variants)
	if q == "" {
		return nil, core.Errorf(core.EINVALID, "the search %q holds no word to look for", input)
	}
	if opt.Limit <= 0 {
		opt.Limit = 20
	}
	if opt.Offset < 0 {
		opt.Offset = 0
	}
	m, err := db.newMatches(ctx, q, opt.Filter)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	var ranked []scored
	var partial *core.PartialRanking
	exact := false
	if opt.Window == 0 {
		ranked, exact, err = db.rankExactly(ctx, input, opt)
	}
	switch {
	case err != nil || exact:
	case opt.Window >= 0:
		ranked, partial, err = db.rankBounded(ctx, m, opt)
	default:
		ranked, err = db.rankAll(ctx, m, opt.Limit, opt.Offset, 0)
	}
	// The search's words stay out of the error: it may be logged, and
	// what a researcher searches for is theirs.
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	hits, err := db.loadHits(ctx, q, ranked)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	for i := range hits {
		hits[i].Partial = partial
	}
	ptrs := make([]*core.Article, len(hits))
	for i := range hits {
		ptrs[i] = &hits[i].Article
	}
	return hits, db.fillPaths(ctx, ptrs)
}

// scored is one ranked match before its article is read.
type scored struct {
	id       int64
	rank     float64
	title    bool
	unranked bool
}

// bm25 is the ranking every search uses. Newer articles win ties, so that
// pages of the same search never overlap.
const bm25 = `bm25(articles_fts, 5.0, 1.0)`

// matches is the set of articles a search may return: an FTS5 query, and
// the filter on their articles. A filter that keeps many articles joins each
// match to its article with CROSS JOIN, which keeps the index the outer
// loop: FTS5 then hands out matches in rowid order (for newest first) and
// bm25 has its scan. A filter that keeps few articles is a set of their ids
// read once from the articles' indexes instead (see narrowFilter).
type matches struct {
	from  string
	where string
	args  []any
}

// narrowFilter is how many articles a filter may keep to be applied as a
// set of ids. Joining a match to its article reads the article's row, a
// page of the largest table, for every match the search walks; a filter
// that keeps few articles makes the walk pass over nearly every match of a
// common word (at 100,000 articles a language held by two articles took
// 1.4 s of CPU for one word, against 0.2 s unfiltered). Reading up to this
// many ids from an index costs less than that walk does at any size where
// it matters. A variable so that tests can take either way.
var narrowFilter = 10000

// newMatches returns the matches of q among the articles f keeps, as a set
// of ids when the filter keeps at most narrowFilter of them. Tags and id
// lists stay joins: counting what they keep would read every article.
func (db *DB) newMatches(ctx context.Context, q string, f core.SearchFilter) (matches, error) {
	m := matches{from: "articles_fts", where: "articles_fts MATCH ?", args: []any{q}}
	cond, args := filterSQL(f)
	if cond == "" {
		return m, nil
	}
	m.args = append(m.args, args...)
	if f.Tag == "" && f.IDs == nil {
		var n int
		if err := db.read.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT 1 FROM articles a WHERE `+cond+` LIMIT ?)`,
			append(args, narrowFilter+1)...).Scan(&n); err != nil {
			return matches{}, err
		}
		if n <= narrowFilter {
			// The unary + keeps the set a test of each match (one ephemeral
			// index built once), not one FTS5 scan per id, each of which
			// would make bm25 count every match of each phrase again.
			m.where += " AND +articles_fts.rowid IN (SELECT a.id FROM articles a WHERE " + cond + ")"
			return m, nil
		}
	}
	m.from = "articles_fts CROSS JOIN articles a ON a.id = articles_fts.rowid"
	m.where += " AND " + cond
	return m, nil
}

// withQuery is the same filter over another FTS5 query.
func (m matches) withQuery(q string) matches {
	args := append([]any{q}, m.args[1:]...)
	return matches{from: m.from, where: m.where, args: args}
}

// sql returns "SELECT cols FROM ... WHERE ... AND more tail" and its
// arguments: the match's, then extra in order.
func (m matches) sql(cols, more, tail string, extra ...any) (string, []any) {
	query := `SELECT ` + cols + ` FROM ` + m.from + ` WHERE ` + m.where
	if more != "" {
		query += ` AND ` + more
	}
	return query + ` ` + tail, append(append([]any{}, m.args...), extra...)
}

// filterSQL is the condition on articles a that f sets, "" for none.
func filterSQL(f core.SearchFilter) (string, []any) {
	var where []string
	var args []any
	if f.Outlet != "" {
		where, args = append(where, "a.outlet = ?"), append(args, f.Outlet)
	}
	if f.Language != "" {
		where, args = append(where, "a.language = ?"), append(args, f.Language)
	}
	if f.From != nil {
		where, args = append(where, "a.published >= ?"), append(args, f.From.UTC().Format(time.RFC3339))
	}
	if f.To != nil {
		where, args = append(where, "a.published <= ?"), append(args, f.To.UTC().Format(time.RFC3339))
	}
	if f.Tag != "" {
		where, args = append(where, tagged), append(args, f.Tag)
	}
	if f.IDs != nil {
		ids := make([]string, len(f.IDs), len(f.IDs)+1)
		for i, id := range f.IDs {
			ids[i] = strconv.FormatInt(id, 10)
		}
		// The unary + keeps the list a filter on each match, not a
		// lookup that would start one FTS5 scan per id.
		where = append(where, "+a.id IN ("+strings.Join(append(ids, "NULL"), ",")+")")
	}
	return strings.Join(where, " AND "), args
}

// rankExactly ranks a search of one plain word from the ranking index when
// the term has a list there and the index can prove the page (topWord), a
// phrase of two listed words from the pair index (topPair), and several
// plain words from their lists (topWords).
// exact is false otherwise, and the caller ranks as before: every match
// when they are at most the window, else the stated partial ranking.
func (db *DB) rankExactly(ctx context.Context, input string, opt core.SearchOptions) (ranked []scored, exact bool, err error) {
	if term := plainTerm(input, opt); term != "" {
		return db.topWord(ctx, term, opt)
	}
	if pair := plainPair(input, opt); pair != "" {
		return db.topPair(ctx, pair, opt)
	}
	if terms := plainTerms(input, opt); terms != nil {
		return db.topWords(ctx, terms, opt)
	}
	return nil, false, nil
}

// filterEmpty reports whether f keeps every article.
func filterEmpty(f core.SearchFilter) bool {
	c, _ := filterSQL(f)
	return c == ""
}

// rankAll ranks every match with a rowid of at least from (all of them
// when from is the oldest match: the bound only lets FTS5 seek past rows
// already known not to match) and returns the requested page.
func (db *DB) rankAll(ctx context.Context, m matches, limit, offset int, from int64) ([]scored, error) {
	query, args := m.sql(`articles_fts.rowid, `+bm25+` AS s, 0`, `articles_fts.rowid >= ?`,
		`ORDER BY s, articles_fts.rowid DESC LIMIT ? OFFSET ?`, from, limit, offset)
	return db.queryScored(ctx, query, args...)
}

// rankBounded first counts the matches up to the window, newest first,
// which costs a walk of at most Window+1 entries of the index. When they
// fit, it ranks them all; when they do not, it ranks the window and the
// most recent Window title matches, titles first. Only rows in that set
// reach bm25: the others are skipped before it runs, and follow the ranked
// ones newest first.
func (db *DB) rankBounded(ctx context.Context, m matches, opt core.SearchOptions) ([]scored, *core.PartialRanking, error) {
	if opt.Window == 0 {
		opt.Window = core.DefaultRankWindow
	}
	recent, err := db.newestMatches(ctx, m, opt.Window+1)
	if err != nil {
		return nil, nil, err
	}
	if len(recent) == 0 {
		return nil, nil, nil
	}
	if len(recent) <= opt.Window {
		ranked, err := db.rankAll(ctx, m, opt.Limit, opt.Offset, recent[len(recent)-1])
		return ranked, nil, err
	}
	titles, err := db.newestMatches(ctx, m.withQuery("{title} : ("+m.args[0].(string)+")"), opt.Window+1)
	if err != nil {
		return nil, nil, err
	}
	partial := &core.PartialRanking{Recent: opt.Window, Titles: min(len(titles), opt.Window), MoreTitles: len(titles) > opt.Window}
	titles = titles[:partial.Titles]
	cutoff := recent[opt.Window-1]
	from := cutoff
	ids := make([]string, len(titles))
	inSet := opt.Window // the window, and the title matches older than it
	for i, id := range titles {
		ids[i] = strconv.FormatInt(id, 10)
		from = min(from, id)
		if id < cutoff {
			inSet++
		}
	}
	// The set test is an arithmetic expression, not an OR of rowid
	// constraints, so that SQLite hands FTS5 only MATCH and the rowid range
	// and runs one scan (an OR would make it scan once per branch, and
	// bm25 recounts every match of each phrase at the start of a scan).
	inTitles := `articles_fts.rowid IN (` + strings.Join(ids, ",") + `)`
	if len(ids) == 0 {
		inTitles = `0`
	}
	var ranked []scored
	if opt.Offset < inSet {
		query, args := m.sql(`articles_fts.rowid, `+bm25+` AS s, `+inTitles+` AS t`,
			`articles_fts.rowid >= ? AND (articles_fts.rowid >= ?) + (`+inTitles+`) > 0`,
			`ORDER BY t DESC, s, articles_fts.rowid DESC LIMIT ? OFFSET ?`,
			from, cutoff, min(opt.Limit, inSet-opt.Offset), opt.Offset)
		if ranked, err = db.queryScored(ctx, query, args...); err != nil {
			return nil, nil, err
		}
	}
	if rest := opt.Limit - max(0, min(opt.Limit, inSet-opt.Offset)); rest > 0 {
		query, args := m.sql(`articles_fts.rowid, 0, 0`, `articles_fts.rowid < ? AND NOT (`+inTitles+`)`,
			`ORDER BY articles_fts.rowid DESC LIMIT ? OFFSET ?`, cutoff, rest, max(0, opt.Offset-inSet))
		more, err := db.queryScored(ctx, query, args...)
		if err != nil {
			return nil, nil, err
		}
		for i := range more {
			more[i].unranked = true
		}
		ranked = append(ranked, more...)
	}
	return ranked, partial, err
}

// newestMatches returns the rowids of the n most recently added matches.
// FTS5 keeps each term's entries in rowid order, so this reads n entries
// (and, with a filter, as many more as the filter skips), not every match.
func (db *DB) newestMatches(ctx context.Context, m matches, n int) ([]int64, error) {
	query, args := m.sql(`articles_fts.rowid`, ``, `ORDER BY articles_fts.rowid DESC LIMIT ?`, n)
	return db.idsWhere(ctx, query, args...)
}

func (db *DB) queryScored(ctx context.Context, query string, args ...any) ([]scored, error) {
	rows, err := db.read.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []scored
	for rows.Next() {
		var s scored
		if err := rows.Scan(&s.id, &s.rank, &s.title); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// loadHits reads the articles of one page and makes their snippets in one
// statement. snippet() tokenizes the whole text, so it runs for the page
// only, never for every match; and one FTS5 scan over the page's rowid
// range costs less than a lookup per hit, each of which opens every
// segment of the index.
func (db *DB) loadHits(ctx context.Context, q string, ranked []scored) ([]core.SearchHit, error) {
	hits := []core.SearchHit{}
	if len(ranked) == 0 {
		return hits, nil
	}
	lo, hi := ranked[0].id, ranked[0].id
	ids := make([]string, len(ranked))
	at := make(map[int64]int, len(ranked))
	for i, r := range ranked {
		lo, hi = min(lo, r.id), max(hi, r.id)
		ids[i] = strconv.FormatInt(r.id, 10)
		at[r.id] = i
	}
	const cols = `SELECT ` + articleColumns + `, snippet(articles_fts, -1, char(2), char(3), '…', 24)
		FROM articles_fts f JOIN articles a ON a.id = f.rowid WHERE articles_fts MATCH ? AND `
	found := make([]*core.SearchHit, len(ranked))
	read := func(rows *sql.Rows, err error) error {
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var h core.SearchHit
			var snippet string
			if h.Article, err = scanArticle(rows, &snippet); err != nil {
				return err
			}
			i := at[h.Article.ID]
			h.Rank, h.TitleMatch, h.Unranked, h.Snippet = ranked[i].rank, ranked[i].title, ranked[i].unranked, fragments(snippet)
			found[i] = &h
		}
		return rows.Err()
	}
	if hi-lo >= spreadPage*int64(len(ranked)) {
		// A page spread over the archive (the best matches of a common
		// word): a scan of its range would walk most of the word's
		// matches, so each hit is looked up by id instead.
		for _, r := range ranked {
			if err := read(db.read.QueryContext(ctx, cols+`f.rowid = ?`, q, r.id)); err != nil {
				return nil, err
			}
		}
	} else {
		// The unary + keeps the id list a filter: as a constraint it would
		// make SQLite start one FTS5 scan per id.
		if err := read(db.read.QueryContext(ctx, cols+`f.rowid BETWEEN ? AND ? AND +f.rowid IN (`+strings.Join(ids, ",")+`)`, q, lo, hi)); err != nil {
			return nil, err
		}
	}
	for _, h := range found {
		if h != nil { // an article deleted since it was ranked
			hits = append(hits, *h)
		}
	}
	arts := make([]*core.Article, len(hits))
	for i := range hits {
		arts[i] = &hits[i].Article
	}
	return hits, db.fillCuration(ctx, arts)
}

// spreadPage: a page whose rowid range holds more than this many ids per
// hit is read a hit at a time (loadHits).
const spreadPage = 200

// fragments splits a snippet marked with \x02...\x03 into fragments.
func fragments(s string) []core.Fragment {
	var out []core.Fragment
	for s != "" {
		i := strings.IndexByte(s, 2)
		if i < 0 {
			out = append(out, core.Fragment{Text: s})
			break
		}
		if i > 0 {
			out = append(out, core.Fragment{Text: s[:i]})
		}
		s = s[i+1:]
		j := strings.IndexByte(s, 3)
		if j < 0 {
			j = len(s)
		}
		out = append(out, core.Fragment{Text: s[:j], Hit: true})
		if j < len(s) {
			j++
		}
		s = s[j:]
	}
	return out
}

// SearchCount returns how many articles match a search.
func (db *DB) SearchCount(ctx context.Context, input string) (int, error) {
	return db.CountMatches(ctx, input, core.SearchOptions{})
}

// CountMatches returns how many articles match a search with its filter
// and variants (Limit, Offset and Window play no part).
func (db *DB) CountMatches(ctx context.Context, input string, opt core.SearchOptions) (int, error) {
	q := ftsQuery(input, opt.Prefix, opt.Variants)
	if q == "" {
		return 0, nil
	}
	m, err := db.newMatches(ctx, q, opt.Filter)
	if err != nil {
		return 0, fmt.Errorf("count search matches: %w", err)
	}
	if term := plainTerm(input, opt); term != "" && filterEmpty(opt.Filter) {
		n, ok, err := db.wordHolders(ctx, term)
		if err != nil {
			return 0, fmt.Errorf("count search matches: %w", err)
		}
		if ok {
			return int(n), nil
		}
	}
	if pair := plainPair(input, opt); pair != "" {
		n, ok, err := db.pairHolders(ctx, pair, opt.Filter)
		if err != nil {
			return 0, fmt.Errorf("count search matches: %w", err)
		}
		if ok {
			return int(n), nil
		}
	}
	query, args := m.sql(`count(*)`, ``, ``)
	var n int
	if err := db.read.QueryRowContext(ctx, query, args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("count search matches: %w", err)
	}
	return n, nil
}

// CountIsQuick reports whether CountMatches reads its answer from the
// ranking index (one word or a phrase of two, no filter) rather than
// walking the matches, so that a caller need not count beside the ranking
// on another connection.
func (db *DB) CountIsQuick(input string, opt core.SearchOptions) bool {
	return (plainTerm(input, opt) != "" || plainPair(input, opt) != "") && filterEmpty(opt.Filter)
}

// IndexedTerms returns the words of the search index that begin with
// prefix (as the index holds them: folded, without diacritics), for
// finding a word's variants. The vocabulary table is made on the
// connection, in its temporary schema, so that it costs no migration and
// works on read-only archives.
func (db *DB) IndexedTerms(ctx context.Context, prefix string) ([]string, error) {
	if prefix == "" {
		return nil, core.Errorf(core.EINVALID, "give the first letters of the words to list")
	}
	// The upper bound is the prefix with its last byte raised: every term
	// beginning with the prefix sorts between the two.
	hi := []byte(prefix)
	hi[len(hi)-1]++
	if terms, ok, err := db.vocabularyTerms(ctx, prefix, string(hi)); err != nil || ok {
		return terms, err
	}
	conn, err := db.read.Conn(ctx)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_vocab USING fts5vocab(main, articles_fts, row)`); err != nil {
		return nil, fmt.Errorf("search vocabulary: %w", err)
	}
	rows, err := conn.QueryContext(ctx, `SELECT term FROM temp.search_vocab WHERE term >= ? AND term < ?`, prefix, string(hi))
	if err != nil {
		return nil, fmt.Errorf("search vocabulary: %w", err)
	}
	return scanTerms(rows)
}

// scanTerms reads a query's one text column and closes its rows.
func scanTerms(rows *sql.Rows) ([]string, error) {
	defer rows.Close()
	var out []string
	for rows.Next() {
		var t string
		if err := rows.Scan(&t); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// vocabularyTerms reads the terms from lo to hi from the ranking index's
// copy of the vocabulary, when it is current (ok false otherwise): FTS5's
// vocabulary table counts every term's holders as it lists it.
func (db *DB) vocabularyTerms(ctx context.Context, lo, hi string) (terms []string, ok bool, err error) {
	tx, err := db.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, false, err
	}
	defer tx.Rollback()
	if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM settings WHERE key = ?1)
		AND NOT EXISTS (SELECT 1 FROM search_changed)
		AND coalesce((SELECT CAST(value AS INTEGER) FROM settings WHERE key = ?2), 0) = coalesce((SELECT max(id) FROM articles), 0)`,
		rankingRows, rankingUpto).Scan(&ok); err != nil || !ok {
		return nil, false, err
	}
	rows, err := tx.QueryContext(ctx, `SELECT term FROM search_vocabulary WHERE term >= ? AND term < ?`, lo, hi)
	if err != nil {
		return nil, false, err
	}
	if terms, err = scanTerms(rows); err != nil {
		return nil, false, err
	}
	return terms, true, nil
}

// IndexStamp changes whenever articles are added to the search index (it is
// the newest article's id plus the number of metadata edits), so that what is read from the index's
// vocabulary can be kept until then.
func (db *DB) IndexStamp(ctx context.Context) (int64, error) {
	var id int64
	// Edited titles change the index too; both terms only grow.
	err := db.read.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) +
		coalesce((SELECT CAST(value AS INTEGER) FROM settings WHERE key = ?), 0) FROM articles`, metadataEdits).Scan(&id)
	return id, err
}
