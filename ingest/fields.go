package ingest

import (
	"maps"
	"slices"
	"strings"

	"github.com/storydiff/storydiff/core"
)

// Roles of metadata fields in JSON records and Markdown front matter.
const (
	roleTitle  = "title"
	roleText   = "text"
	roleURL    = "url"
	roleDate   = "date"
	roleOutlet = "outlet"
	roleByline = "byline"
	roleLang   = "language"
)

// fieldRoles maps a field name, lower-cased with "_", "-" and spaces
// removed, to what it holds. The names are those of common scrapers and
// news APIs (newspaper3k, news-please, NewsAPI, schema.org).
var fieldRoles = map[string]string{
	"title": roleTitle, "headline": roleTitle,
	"text": roleText, "body": roleText, "content": roleText, "article": roleText,
	"articlebody": roleText, "maintext": roleText, "fulltext": roleText,
	"url": roleURL, "link": roleURL, "permalink": roleURL,
	"date": roleDate, "published": roleDate, "publishedat": roleDate, "pubdate": roleDate,
	"datepublished": roleDate, "publishdate": roleDate, "datepublish": roleDate,
	"source": roleOutlet, "outlet": roleOutlet, "site": roleOutlet, "sitename": roleOutlet,
	"publisher": roleOutlet, "sourcedomain": roleOutlet,
	"author": roleByline, "authors": roleByline, "byline": roleByline,
	"language": roleLang, "lang": roleLang,
}

func fieldRole(key string) string {
	return fieldRoles[normKey(key)]
}

// normKey lower-cases a field name and drops "_", "-" and spaces, so that
// published_at, publishedAt and Published-At are one name.
func normKey(k string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case '_', '-', ' ':
			return -1
		}
		return r
	}, strings.ToLower(k))
}

// applyFields sets a document's metadata from named string fields; the first
// field of each role wins. from says where a date came from.
func applyFields(doc *core.Document, fields map[string]string, from string) {
	seen := map[string]bool{}
	// Sorted keys make the winner among alias fields independent of map
	// order.
	for _, k := range slices.Sorted(maps.Keys(fields)) {
		role := fieldRole(k)
		v := strings.TrimSpace(fields[k])
		if role == "" || v == "" || seen[role] {
			continue
		}
		seen[role] = true
		switch role {
		case roleTitle:
			doc.Title = clip(strings.Join(strings.Fields(v), " "), maxTitle)
		case roleURL:
			doc.URL = v
		case roleOutlet:
			doc.Outlet = v
		case roleByline:
			doc.Byline = v
		case roleLang:
			doc.Language = langCode(v)
		case roleDate:
			if t, ok := ParseDate(v); ok {
				doc.Published, doc.PublishedRaw, doc.PublishedFrom = &t, v, from
			} else {
				seen[role] = false
			}
		}
	}
}

// langCode reduces a language tag ("en-US", "EN") to its ISO 639-1 code.
func langCode(v string) string {
	v = strings.ToLower(strings.TrimSpace(v))
	if i := strings.IndexAny(v, "-_"); i >= 0 {
		v = v[:i]
	}
	if len(v) != 2 || v[0] < 'a' || v[0] > 'z' || v[1] < 'a' || v[1] > 'z' {
		return ""
	}
	return v
}
