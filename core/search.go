package core

import "time"

// Fragment is a piece of a snippet; Hit marks the words that matched.
// Snippets are returned as fragments, not markup, so that no caller ever has
// to render article text as HTML.
type Fragment struct {
	Text string `json:"text"`
	Hit  bool   `json:"hit,omitempty"`
}

// SearchHit is one ranked search result.
type SearchHit struct {
	Article Article `json:"article"`
	// Rank is the hit's bm25 score (lower is better), comparable only
	// between hits of the same search.
	Rank    float64    `json:"rank"`
	Snippet []Fragment `json:"snippet"`
	// Partial is set on every hit of a search that matched more articles
	// than it ranked; nil when every match was ranked.
	Partial *PartialRanking `json:"partial,omitempty"`
	// TitleMatch marks, in a partial ranking, a hit whose title matches
	// the whole search: those come first.
	TitleMatch bool `json:"titleMatch,omitempty"`
	// Unranked marks, in a partial ranking, a match outside the ranked set:
	// those follow the ranked hits, newest first, so that paging reaches
	// every match.
	Unranked bool `json:"unranked,omitempty"`
}

// SearchPage is one page of a search with the number of matches in all.
type SearchPage struct {
	Total  int         `json:"total"`
	Offset int         `json:"offset"`
	Hits   []SearchHit `json:"hits"`
	// Variants lists, for each word of the search, the other spellings of
	// it the archive holds that were searched too (Zelensky for Zelenskyy).
	Variants map[string][]string `json:"variants,omitempty"`
}

// PartialRanking tells which matches a broad search ranked. BM25 costs time
// for every match it scores, so a search matching more than the window
// ranks a bounded, stated subset: the articles whose title matches (the
// most recent Window of them), then the best of the Window most recently
// added matches.
type PartialRanking struct {
	// Recent is how many of the most recently added matches were ranked.
	Recent int `json:"recent"`
	// Titles is how many title matches were ranked, wherever they are in
	// the archive; MoreTitles says that more titles match than were ranked.
	Titles     int  `json:"titles"`
	MoreTitles bool `json:"moreTitles,omitempty"`
}

// SearchOptions tune a search.
type SearchOptions struct {
	Limit  int
	Offset int
	// Prefix lets the last word match as a prefix (search as you type).
	Prefix bool
	// Window bounds the matches that are ranked (see PartialRanking):
	// 0 means DefaultRankWindow, after a one-word search was ranked
	// exactly from the archive's ranking index where it can be; a
	// negative value ranks every match, however many.
	Window int
	// Filter keeps only the matches among these articles.
	Filter SearchFilter
	// Variants maps a word of the search, as SearchTerms gives it, to other
	// words the archive's index holds that count as the same word (other
	// spellings of a name): an article with any of them matches. The
	// service fills it when nil; an empty map searches the words alone.
	Variants map[string][]string
}

// SearchFilter restricts a search to articles by outlet, language and date
// (From and To inclusive; an undated article is outside any date range).
type SearchFilter struct {
	Outlet   string
	Language string
	From     *time.Time
	To       *time.Time
	// Tag keeps only the articles a researcher tagged so.
	Tag string
	// IDs, when not nil, keeps only these articles (e.g. those with a badge).
	IDs []int64
}

// DefaultRankWindow is the number of matches a search ranks when it
// matches more: chosen by measuring (BENCHMARKS.md, search) so that a broad
// search stays within tens of milliseconds at 100,000 articles.
const DefaultRankWindow = 500
