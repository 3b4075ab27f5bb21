package ingest

import (
	"encoding/json"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/go-shiori/dom"
	"golang.org/x/net/html"
)

// publishedMeta are the meta tags (property, name or itemprop) in which
// pages state their publication date, in order of trust: OpenGraph's
// article tags, schema.org, Dublin Core, then the names CMSs and news
// sites use. Tags of a modification date are not read.
var publishedMeta = []string{
	"article:published_time", "og:article:published_time", "og:published_time",
	"datepublished", "datecreated",
	"dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date", "dcterms.created", "dc.date.created",
	"citation_publication_date", "citation_date",
	"pubdate", "publishdate", "publish-date", "publish_date", "publication_date", "published_time",
	"sailthru.date", "parsely-pub-date", "article.published", "article_date_original", "date",
}

// pageDate reads the date a page states in its markup: a meta tag of
// publishedMeta, a JSON-LD datePublished, or a <time> marked as the
// publication's. It returns the date, the value as written and where it
// was found ("meta:article:published_time", "json-ld:datePublished",
// "time:datetime").
func pageDate(root *html.Node, layout *DateLayout) (t time.Time, raw, from string, ok bool) {
	metas := map[string]string{}
	for _, m := range dom.GetElementsByTagName(root, "meta") {
		content := strings.TrimSpace(dom.GetAttribute(m, "content"))
		if content == "" {
			continue
		}
		for _, attr := range []string{"property", "name", "itemprop"} {
			if k := strings.ToLower(strings.TrimSpace(dom.GetAttribute(m, attr))); k != "" {
				if _, seen := metas[k]; !seen {
					metas[k] = content
				}
			}
		}
	}
	for _, k := range publishedMeta {
		if v, found := metas[k]; found {
			if pt, good := parseFieldDate(v, layout); good {
				return pt, v, "meta:" + k, true
			}
		}
	}
	for _, s := range dom.QuerySelectorAll(root, `script[type="application/ld+json"]`) {
		var v any
		if json.Unmarshal([]byte(dom.TextContent(s)), &v) != nil {
			continue
		}
		if d := findJSONLD(v, "datePublished", 0); d != "" {
			if pt, good := parseFieldDate(d, layout); good {
				return pt, d, "json-ld:datePublished", true
			}
		}
	}
	for _, el := range dom.GetElementsByTagName(root, "time") {
		if !dom.HasAttribute(el, "pubdate") && !strings.EqualFold(dom.GetAttribute(el, "itemprop"), "datePublished") {
			continue
		}
		v := strings.TrimSpace(dom.GetAttribute(el, "datetime"))
		if pt, good := parseFieldDate(v, layout); good {
			return pt, v, "time:datetime", true
		}
	}
	return time.Time{}, "", "", false
}

// findJSONLD finds a string property anywhere in a JSON-LD value (objects,
// @graph arrays), not deeper than a page nests it.
func findJSONLD(v any, key string, depth int) string {
	if depth > 8 {
		return ""
	}
	switch x := v.(type) {
	case map[string]any:
		if s, ok := x[key].(string); ok && strings.TrimSpace(s) != "" {
			return strings.TrimSpace(s)
		}
		// Sorted, so that a page with several dates always gives the same.
		for _, k := range slices.Sorted(maps.Keys(x)) {
			if s := findJSONLD(x[k], key, depth+1); s != "" {
				return s
			}
		}
	case []any:
		for _, c := range x {
			if s := findJSONLD(c, key, depth+1); s != "" {
				return s
			}
		}
	}
	return ""
}
