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
	// Media Cloud and GDELT exports.
	"medianame": roleOutlet, "sourcecommonname": roleOutlet, "sourcename": roleOutlet, "domain": roleOutlet,
	"sourceurl": roleURL, "documentidentifier": roleURL, "seendate": roleDate,
	"author": roleByline, "authors": roleByline, "byline": roleByline,
	"language": roleLang, "lang": roleLang,
}

func fieldRole(key string) string {
	return fieldRoles[normKey(key)]
}

// FieldRoles are the roles a record's field can be given with
// ParseFieldMapping, in the order help texts list them.
var FieldRoles = []string{roleTitle, roleText, roleDate, roleURL, roleOutlet, roleByline, roleLang}

// roleAliases are other names users give roles on the command line.
var roleAliases = map[string]string{"author": roleByline, "lang": roleLang, "source": roleOutlet, "body": roleText, "published": roleDate}

// ParseFieldMapping reads mappings written ROLE=FIELD ("date=pubdate",
// "text=body_text"), as given with --field, into ParseOptions.Fields. A
// role given twice, an unknown role or an empty field name is an error.
func ParseFieldMapping(specs []string) (map[string]string, error) {
	if len(specs) == 0 {
		return nil, nil
	}
	out := map[string]string{}
	for _, spec := range specs {
		role, field, ok := strings.Cut(spec, "=")
		role = strings.ToLower(strings.TrimSpace(role))
		field = strings.TrimSpace(field)
		if a, isAlias := roleAliases[role]; isAlias {
			role = a
		}
		if !ok || field == "" {
			return nil, invalidf("field mapping %q: write it ROLE=FIELD, e.g. date=pubdate", spec)
		}
		if !slices.Contains(FieldRoles, role) {
			return nil, invalidf("field mapping %q: %q is not a role (use %s)", spec, role, strings.Join(FieldRoles, ", "))
		}
		if _, dup := out[role]; dup {
			return nil, invalidf("field mapping %q: %s is mapped twice", spec, role)
		}
		out[role] = field
	}
	return out, nil
}

// recordRoles says what each field of a record holds: a field the user
// mapped holds its role alone, and a role the user mapped is held by no
// other field.
type recordRoles struct {
	byField map[string]string // normalised field name -> role, from the mapping
	mapped  map[string]bool   // roles the mapping names
}

func newRecordRoles(fields map[string]string) recordRoles {
	r := recordRoles{byField: map[string]string{}, mapped: map[string]bool{}}
	for role, f := range fields {
		r.byField[normKey(f)] = role
		r.mapped[role] = true
	}
	return r
}

func (r recordRoles) role(key string) string {
	k := normKey(key)
	if role, ok := r.byField[k]; ok {
		return role
	}
	if role := fieldRoles[k]; role != "" && !r.mapped[role] {
		return role
	}
	return ""
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
// field of each role wins. from names the kind of field ("field", "front
// matter") in PublishedFrom. A date field whose value cannot be read leaves
// the document undated, with the field's name and value kept, and no date
// is then looked for in the text: the record said when it was published,
// in a way not understood, and a date from the text would be a guess
// passed off as the record's.
func applyFields(doc *core.Document, fields map[string]string, from string, roles recordRoles, layout *DateLayout) {
	seen := map[string]bool{}
	unread := ""
	// Sorted keys make the winner among alias fields independent of map
	// order.
	for _, k := range slices.Sorted(maps.Keys(fields)) {
		role := roles.role(k)
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
			if t, ok := parseFieldDate(v, layout); ok {
				doc.Published, doc.PublishedRaw = &t, v
				doc.PublishedFrom, doc.PublishedConfidence = from+":"+k, core.DateExact
			} else {
				seen[role] = false
				if unread == "" {
					unread = k
				}
			}
		}
	}
	if doc.Published == nil && unread != "" {
		doc.PublishedRaw, doc.PublishedFrom = clip(strings.TrimSpace(fields[unread]), 100), from+":"+unread
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
