package store

import (
	"context"
	"fmt"
	"strings"
	"unicode"

	"github.com/storydiff/storydiff/core"
)

// Fragment is a piece of a snippet; Hit marks the words that matched.
// Snippets are returned as fragments, not markup, so that no caller ever has
// to render article text as HTML.
type Fragment struct {
	Text string `json:"text"`
	Hit  bool   `json:"hit,omitempty"`
}

// SearchHit is one ranked search result.
type SearchHit struct {
	Article core.Article `json:"article"`
	Rank    float64      `json:"rank"`
	Snippet []Fragment   `json:"snippet"`
}

// SearchOptions tune a search.
type SearchOptions struct {
	Limit  int
	Offset int
	// Prefix lets the last word match as a prefix (search as you type).
	Prefix bool
}

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
				addTerm([]string{w}, prefix && last && trailing)
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

// words splits on anything the FTS tokenizer would not keep in a token.
func words(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r))
	})
}

// Search runs a full-text search over titles and texts, best first.
func (db *DB) Search(ctx context.Context, input string, opt SearchOptions) ([]SearchHit, error) {
	q := FTSQuery(input, opt.Prefix)
	if q == "" {
		return nil, core.Errorf(core.EINVALID, "the search %q holds no word to look for", input)
	}
	if opt.Limit <= 0 {
		opt.Limit = 20
	}
	rows, err := db.read.QueryContext(ctx, `SELECT `+articleColumns+`, f.rank,
			snippet(articles_fts, -1, char(2), char(3), '…', 24)
		FROM articles_fts f JOIN articles a ON a.id = f.rowid
		WHERE articles_fts MATCH ? AND f.rank MATCH 'bm25(5.0, 1.0)'
		ORDER BY f.rank LIMIT ? OFFSET ?`, q, opt.Limit, opt.Offset)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", input, err)
	}
	defer rows.Close()
	hits := []SearchHit{}
	for rows.Next() {
		var h SearchHit
		var snippet string
		if h.Article, err = scanArticle(rows, &h.Rank, &snippet); err != nil {
			return nil, err
		}
		h.Snippet = fragments(snippet)
		hits = append(hits, h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("search %q: %w", input, err)
	}
	ptrs := make([]*core.Article, len(hits))
	for i := range hits {
		ptrs[i] = &hits[i].Article
	}
	return hits, db.fillPaths(ctx, ptrs)
}

// fragments splits a snippet marked with \x02...\x03 into fragments.
func fragments(s string) []Fragment {
	var out []Fragment
	for s != "" {
		i := strings.IndexByte(s, 2)
		if i < 0 {
			out = append(out, Fragment{Text: s})
			break
		}
		if i > 0 {
			out = append(out, Fragment{Text: s[:i]})
		}
		s = s[i+1:]
		j := strings.IndexByte(s, 3)
		if j < 0 {
			j = len(s)
		}
		out = append(out, Fragment{Text: s[:j], Hit: true})
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
