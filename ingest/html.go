package ingest

import (
	"strings"

	"github.com/go-shiori/dom"
	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"

	"github.com/storydiff/storydiff/core"
)

// decodeHTML decodes a web page. A byte-order mark or valid UTF-8 settle it
// (pages often declare a charset they were not saved in); otherwise the
// charset the page declares in a <meta> tag is used, then Windows-1252.
func decodeHTML(data []byte) (text, enc string, err error) {
	text, enc, err = Decode(data)
	if err == nil && enc != EncWindows125 && enc != EncLatin1 {
		return text, enc, nil
	}
	if len(data) == 0 {
		return text, enc, err
	}
	e, name, _ := charset.DetermineEncoding(data, "text/html")
	if name == "" || name == "windows-1252" || name == "utf-8" {
		return text, enc, err
	}
	out, derr := e.NewDecoder().Bytes(data)
	if derr != nil {
		return text, enc, err
	}
	s := normaliseNewlines(string(out))
	if cerr := checkControls(s); cerr != nil {
		return "", "", cerr
	}
	return s, name, nil
}

// parseHTML extracts a page's main text and metadata with go-trafilatura, a
// port of trafilatura, which leads the published benchmarks of main-text
// extraction from news pages and also reads the date, site name, author and
// URL from meta tags, JSON-LD and OpenGraph.
func parseHTML(doc *core.Document, page string) error {
	root, err := html.Parse(strings.NewReader(page))
	if err != nil {
		return invalidf("cannot parse HTML: %v", err)
	}
	res, err := trafilatura.ExtractDocument(root, trafilatura.Options{
		ExcludeComments: true,
		// The fallback extractors (readability, DOM distiller) rescue pages
		// trafilatura alone leaves empty, at a modest cost per page.
		EnableFallback: true,
	})
	if err != nil || res == nil || res.ContentNode == nil {
		return invalidf("no article text found in the web page")
	}
	doc.Text = paragraphs(res.ContentNode)
	if strings.TrimSpace(doc.Text) == "" {
		return invalidf("no article text found in the web page")
	}
	md := res.Metadata
	doc.Title = clip(strings.Join(strings.Fields(md.Title), " "), maxTitle)
	// The fallback extractors return the page title when there is nothing
	// else: that is not an article.
	if strings.TrimSpace(doc.Text) == doc.Title {
		return invalidf("no article text found in the web page (only its title)")
	}
	if doc.Title == "" {
		doc.Title = firstLine(doc.Text)
	}
	doc.Outlet = strings.TrimSpace(md.Sitename)
	doc.Byline = strings.TrimSpace(md.Author)
	doc.URL = strings.TrimSpace(md.URL)
	doc.Language = langCode(md.Language)
	if !md.Date.IsZero() {
		t := md.Date.UTC()
		doc.Published, doc.PublishedRaw, doc.PublishedFrom = &t, md.Date.Format("2006-01-02"), "html-meta"
	} else {
		setDateFromText(doc)
	}
	return nil
}

// blockTags end a paragraph. They include trafilatura's own output tags
// (head, list, item, quote, row, cell, lb) besides HTML's.
var blockTags = map[string]bool{
	"p": true, "div": true, "section": true, "article": true, "main": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "head": true,
	"ul": true, "ol": true, "li": true, "list": true, "item": true, "dl": true, "dt": true, "dd": true,
	"blockquote": true, "quote": true, "pre": true, "code": true, "figure": true, "figcaption": true,
	"table": true, "tr": true, "row": true, "td": true, "th": true, "cell": true,
	"hr": true, "header": true, "footer": true, "aside": true, "address": true,
}

// paragraphs renders extracted content as text: one paragraph per block,
// blank lines between paragraphs, "\n" for line breaks inside one. The
// paragraph-level diff and the repeated-passage finder rely on the breaks,
// which trafilatura's own ContentText flattens into spaces.
func paragraphs(n *html.Node) string {
	var paras []string
	var cur strings.Builder
	flush := func() {
		var lines []string
		for line := range strings.SplitSeq(cur.String(), "\n") {
			if s := strings.Join(strings.Fields(line), " "); s != "" {
				lines = append(lines, s)
			}
		}
		if len(lines) > 0 {
			paras = append(paras, strings.Join(lines, "\n"))
		}
		cur.Reset()
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			cur.WriteString(strings.ReplaceAll(n.Data, "\n", " "))
			return
		case html.ElementNode:
			switch tag := dom.TagName(n); {
			case tag == "br" || tag == "lb":
				cur.WriteByte('\n')
				return
			case tag == "script" || tag == "style":
				return
			case blockTags[tag]:
				flush()
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					walk(c)
				}
				flush()
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	flush()
	return strings.Join(paras, "\n\n")
}
