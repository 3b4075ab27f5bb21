package store

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storydiff/storydiff/core"
)

// FTSQuery turns what a user typed into a safe FTS5 query: every word and
// every "quoted phrase" becomes a quoted FTS5 string, so no input can be an
// FTS5 syntax error. It returns "" when the input holds no searchable word.
func FTSQuery(input string, prefix bool) string {
	var terms []string
	addTerm := func(words []string, star bool) {
		if len(words) == 0 {
			return
		}
		t := `"` + strings.Join(words, " ") + `"`
		if star {
			t += "*"
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

// words splits on anything the FTS tokenizer would not keep in a token.
func words(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r))
	})
}

// Search runs a full-text search over titles and texts, best first by
// BM25 (titles weigh five times the text). A search matching at most
// opt.Window articles ranks them all; a broader one ranks the subset that
// PartialRanking describes and says so on every hit, because ranking every
// match of a common word or a short prefix takes seconds on a large archive.
func (db *DB) Search(ctx context.Context, input string, opt core.SearchOptions) ([]core.SearchHit, error) {
	q := FTSQuery(input, opt.Prefix)
	if q == "" {
		return nil, core.Errorf(core.EINVALID, "the search %q holds no word to look for", input)
	}
	if opt.Limit <= 0 {
		opt.Limit = 20
	}
	if opt.Offset < 0 {
		opt.Offset = 0
	}
	if opt.Window == 0 {
		opt.Window = core.DefaultRankWindow
	}
	var ranked []scored
	var partial *core.PartialRanking
	var err error
	if opt.Window > 0 {
		ranked, partial, err = db.rankBounded(ctx, q, opt)
	} else {
		ranked, err = db.rankAll(ctx, q, opt, 0)
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
	id    int64
	rank  float64
	title bool
}

// bm25 is the ranking every search uses. Newer articles win ties, so that
// pages of the same search never overlap.
const bm25 = `bm25(articles_fts, 5.0, 1.0)`

// rankAll ranks every match with a rowid of at least from (all of them
// when from is the oldest match: the bound only lets FTS5 seek past rows
// already known not to match) and returns the requested page.
func (db *DB) rankAll(ctx context.Context, q string, opt core.SearchOptions, from int64) ([]scored, error) {
	return db.queryScored(ctx, `SELECT rowid, `+bm25+` AS s, 0 FROM articles_fts
		WHERE articles_fts MATCH ? AND rowid >= ? ORDER BY s, rowid DESC LIMIT ? OFFSET ?`, q, from, opt.Limit, opt.Offset)
}

// rankBounded first counts the matches up to the window, newest first,
// which costs a walk of at most Window+1 entries of the index. When they
// fit, it ranks them all; when they do not, it ranks the window and the
// most recent Window title matches, titles first. Only rows in that set
// reach bm25: the others are skipped before it runs.
func (db *DB) rankBounded(ctx context.Context, q string, opt core.SearchOptions) ([]scored, *core.PartialRanking, error) {
	recent, err := db.newestMatches(ctx, q, opt.Window+1)
	if err != nil {
		return nil, nil, err
	}
	if len(recent) == 0 {
		return nil, nil, nil
	}
	if len(recent) <= opt.Window {
		ranked, err := db.rankAll(ctx, q, opt, recent[len(recent)-1])
		return ranked, nil, err
	}
	titles, err := db.newestMatches(ctx, "{title} : ("+q+")", opt.Window+1)
	if err != nil {
		return nil, nil, err
	}
	partial := &core.PartialRanking{Recent: opt.Window, Titles: min(len(titles), opt.Window), MoreTitles: len(titles) > opt.Window}
	titles = titles[:partial.Titles]
	cutoff := recent[opt.Window-1]
	from := cutoff
	ids := make([]string, len(titles))
	for i, id := range titles {
		ids[i] = strconv.FormatInt(id, 10)
		from = min(from, id)
	}
	// The set test is an arithmetic expression, not an OR of rowid
	// constraints, so that SQLite hands FTS5 only MATCH and the rowid range
	// and runs one scan (an OR would make it scan once per branch, and
	// bm25 recounts every match of each phrase at the start of a scan).
	inTitles := `rowid IN (` + strings.Join(ids, ",") + `)`
	if len(ids) == 0 {
		inTitles = `0`
	}
	ranked, err := db.queryScored(ctx, `SELECT rowid, `+bm25+` AS s, `+inTitles+` AS t FROM articles_fts
		WHERE articles_fts MATCH ? AND rowid >= ? AND (rowid >= ?) + (`+inTitles+`) > 0
		ORDER BY t DESC, s, rowid DESC LIMIT ? OFFSET ?`, q, from, cutoff, opt.Limit, opt.Offset)
	return ranked, partial, err
}

// newestMatches returns the rowids of the n most recently added matches.
// FTS5 keeps each term's entries in rowid order, so this reads n entries,
// not every match.
func (db *DB) newestMatches(ctx context.Context, q string, n int) ([]int64, error) {
	return db.idsWhere(ctx, `SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?
		ORDER BY rowid DESC LIMIT ?`, q, n)
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
	// The unary + keeps the id list a filter: as a constraint it would
	// make SQLite start one FTS5 scan per id.
	rows, err := db.read.QueryContext(ctx, `SELECT `+articleColumns+`,
			snippet(articles_fts, -1, char(2), char(3), '…', 24)
		FROM articles_fts f JOIN articles a ON a.id = f.rowid
		WHERE articles_fts MATCH ? AND f.rowid BETWEEN ? AND ? AND +f.rowid IN (`+strings.Join(ids, ",")+`)`, q, lo, hi)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	found := make([]*core.SearchHit, len(ranked))
	for rows.Next() {
		var h core.SearchHit
		var snippet string
		if h.Article, err = scanArticle(rows, &snippet); err != nil {
			return nil, err
		}
		i := at[h.Article.ID]
		h.Rank, h.TitleMatch, h.Snippet = ranked[i].rank, ranked[i].title, fragments(snippet)
		found[i] = &h
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for _, h := range found {
		if h != nil { // an article deleted since it was ranked
			hits = append(hits, *h)
		}
	}
	return hits, nil
}

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
	q := FTSQuery(input, false)
	if q == "" {
		return 0, nil
	}
	var n int
	err := db.read.QueryRowContext(ctx, `SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?`, q).Scan(&n)
	return n, err
}
