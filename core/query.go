package core

import "time"

// ListQuery selects, orders and pages articles.
type ListQuery struct {
	Offset   int        `json:"offset"`
	Limit    int        `json:"limit"`
	Sort     string     `json:"sort"` // id, title, outlet, published, words
	Desc     bool       `json:"desc"`
	Outlet   string     `json:"outlet"`
	Language string     `json:"language"`
	From     *time.Time `json:"from"`
	To       *time.Time `json:"to"`
	// Tag keeps only the articles a researcher tagged so.
	Tag string `json:"tag"`
	// IDs restricts the list to these articles (e.g. those with a badge).
	IDs []int64 `json:"-"`
}

// Page is one page of articles and the number of articles matching in all.
type Page struct {
	Total    int       `json:"total"`
	Articles []Article `json:"articles"`
}

// Facet is a value with the number of articles that have it.
type Facet struct {
	Value string `json:"value"`
	Count int    `json:"count"`
}

// Facets returns the outlets and languages in the archive with counts, and
// the date range.
type Facets struct {
	Articles  int        `json:"articles"`
	Outlets   []Facet    `json:"outlets"`
	Languages []Facet    `json:"languages"`
	First     *time.Time `json:"first"`
	Last      *time.Time `json:"last"`
	// ReadOnly says the archive cannot be written here (see Open): the app
	// offers reading, searching and reports, and no import or analysis.
	ReadOnly bool `json:"readOnly"`
}
