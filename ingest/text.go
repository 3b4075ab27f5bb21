package ingest

import (
	"strings"

	"github.com/storydiff/storydiff/core"
)

// parseText makes the document of a plain-text file: the whole text, its
// first non-empty line as the title, and a date from its header or footer.
func parseText(doc *core.Document, text string) {
	doc.Text = text
	doc.Title = firstLine(text)
	setDateFromText(doc)
}

// parseMarkdown keeps the text as written; the title is the front matter's
// title, else the first heading, else the first line.
func parseMarkdown(doc *core.Document, text string, popt ParseOptions) {
	doc.Text = text
	body := text
	if fm, rest, ok := frontMatter(text); ok {
		body = rest
		applyFields(doc, fm, "front matter", recordRoles{}, popt.DateLayout)
	}
	if doc.Title == "" {
		doc.Title = markdownTitle(body)
	}
	if doc.Published == nil && doc.PublishedRaw == "" {
		setDateFromText(doc)
	}
}

// setDateFromText dates a document from the top of its text: a dateline,
// byline or top line, never the body (see FindDateSource).
func setDateFromText(doc *core.Document) {
	if t, raw, from, ok := FindDateSource(doc.Text); ok {
		doc.Published, doc.PublishedRaw, doc.PublishedFrom, doc.PublishedConfidence = &t, raw, from, core.DateText
	}
}

// maxTitle bounds a title in runes: a file with no line breaks would
// otherwise make its whole text the title.
const maxTitle = 300

func firstLine(text string) string {
	for line := range strings.SplitSeq(text, "\n") {
		if s := strings.TrimSpace(line); s != "" {
			return clip(s, maxTitle)
		}
	}
	return ""
}

func clip(s string, n int) string {
	i := 0
	for j := range s {
		if i == n {
			return strings.TrimSpace(s[:j]) + "…"
		}
		i++
	}
	return s
}

var (
	atxHeading = lazyRegexp(`^ {0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$`)
	setextLine = lazyRegexp(`^ {0,3}(?:=+|-+)\s*$`)
)

func markdownTitle(body string) string {
	lines := strings.Split(body, "\n")
	for i, line := range lines {
		if m := atxHeading().FindStringSubmatch(line); m != nil && strings.TrimSpace(m[1]) != "" {
			return clip(strings.TrimSpace(m[1]), maxTitle)
		}
		if i > 0 && setextLine().MatchString(line) && strings.TrimSpace(lines[i-1]) != "" {
			return clip(strings.TrimSpace(lines[i-1]), maxTitle)
		}
	}
	return firstLine(body)
}

// frontMatter reads a block of metadata at the top of a Markdown file, as
// static-site generators and scrapers write it: YAML between "---" lines
// ("key: value") or TOML between "+++" lines ("key = value"). Only flat
// string values are read; it is metadata, not a YAML or TOML parser, so no
// dependency is needed.
func frontMatter(text string) (fields map[string]string, rest string, ok bool) {
	fence, sep := "---", ":"
	if strings.HasPrefix(text, "+++\n") {
		fence, sep = "+++", "="
	} else if !strings.HasPrefix(text, "---\n") {
		return nil, text, false
	}
	end := strings.Index(text[4:], "\n"+fence)
	if end < 0 {
		return nil, text, false
	}
	block := text[4 : 4+end]
	rest = text[4+end+4:]
	fields = map[string]string{}
	for line := range strings.SplitSeq(block, "\n") {
		k, v, found := strings.Cut(line, sep)
		if !found || strings.HasPrefix(line, " ") {
			continue
		}
		v = strings.Trim(strings.TrimSpace(v), `"'`)
		if v != "" {
			fields[strings.TrimSpace(k)] = v
		}
	}
	return fields, rest, true
}
