package ingest

import (
	"bytes"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/go-shiori/dom"
	"github.com/markusmobius/go-htmldate"
	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"

	"github.com/storydiff/storydiff/core"
)

// decodeHTML decodes a web page. A byte-order mark or valid UTF-8 settle it
// (pages often declare a charset they were not saved in); otherwise the
// charset the page declares is used, then Decode's fallbacks.
func decodeHTML(data []byte) (text, enc string, err error) {
	if hasBOM(data) || utf8.Valid(data) {
		return Decode(data)
	}
	if e, name := declaredCharset(data); e != nil && name != "utf-8" && bytes.IndexByte(data, 0) < 0 {
		if out, derr := e.NewDecoder().Bytes(data); derr == nil {
			s := normaliseNewlines(string(out))
			if cerr := checkControls(s); cerr != nil {
				return "", "", cerr
			}
			return s, name, nil
		}
	}
	return Decode(data)
}

func hasBOM(b []byte) bool {
	return bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}) || bytes.HasPrefix(b, []byte{0xFF, 0xFE}) || bytes.HasPrefix(b, []byte{0xFE, 0xFF})
}

// metaCharset finds <meta charset=...> or the http-equiv form. The HTML
// standard's prescan reads only 1,024 bytes, but saved pages often carry
// scripts and comments first, so the head is searched further.
var metaCharset = lazyRegexp(`(?i)<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_:.-]+)`)

const charsetScan = 64 << 10

func declaredCharset(data []byte) (encoding.Encoding, string) {
	head := data
	if len(head) > charsetScan {
		head = head[:charsetScan]
	}
	m := metaCharset().FindSubmatch(head)
	if m == nil {
		return nil, ""
	}
	return charset.Lookup(string(m[1]))
}

// parseHTML extracts a page's main text and metadata with go-trafilatura,
// a Go port of trafilatura, an extractor made for news and web corpora,
// which also reads the date, site name, author and URL from meta tags,
// JSON-LD and OpenGraph.
func parseHTML(doc *core.Document, page string, popt ParseOptions) (err error) {
	defer func() {
		// The extractors are large third-party code; a page that trips
		// one must fail alone, not end the import.
		if r := recover(); r != nil {
			err = invalidf("the web page could not be processed (extractor failure: %v)", r)
		}
	}()
	root, perr := html.Parse(strings.NewReader(page))
	if perr != nil {
		return invalidf("cannot parse HTML: %v", perr)
	}
	// A date the page states in its markup is exact; go-htmldate's
	// heuristics (a date in the URL, an element that looks like one) are
	// the next best, without its search of the page's text, which finds the
	// dates the story tells of. go-htmldate is run here rather than inside
	// trafilatura, which keeps only the day: the time of publication and the
	// string it was read from matter to a researcher asking which outlet had
	// a story first.
	pubT, pubRaw, pubFrom, pubOK := pageDate(root, popt.DateLayout)
	var date htmldate.Result
	derr := error(nil)
	if !pubOK {
		date, derr = htmldate.FromDocument(root, htmldate.Options{UseOriginalDate: true, ExtractTime: true, SkipExtensiveSearch: true})
	}
	// Block elements end with a mark that survives trafilatura and its
	// fallbacks, which join the text of elements without a space where a
	// page has none between its tags ("Shoigu</p><p>US Defense" became
	// "ShoiguUS Defense"); paragraphs turns the marks into breaks.
	markBlocks(root)
	res, xerr := trafilatura.ExtractDocument(root, trafilatura.Options{
		ExcludeComments: true,
		// The fallback extractors (readability, DOM distiller) rescue pages
		// trafilatura alone leaves empty; on go-trafilatura's comparison
		// pages they took about 30% of the CPU time.
		EnableFallback: true,
		HtmlDateMode:   trafilatura.Disabled,
	})
	if xerr != nil || res == nil || res.ContentNode == nil {
		return invalidf("no article text found in the web page")
	}
	doc.Text = paragraphs(res.ContentNode)
	if strings.TrimSpace(doc.Text) == "" {
		return invalidf("no article text found in the web page")
	}
	md := res.Metadata
	doc.Title = clip(strings.Join(strings.Fields(unmark(md.Title)), " "), maxTitle)
	// The fallback extractors return the page title when there is nothing
	// else: that is not an article.
	if strings.TrimSpace(doc.Text) == doc.Title {
		return invalidf("no article text found in the web page (only its title)")
	}
	if doc.Title == "" {
		doc.Title = firstLine(doc.Text)
	}
	doc.Outlet = strings.TrimSpace(unmark(md.Sitename))
	doc.Byline = strings.TrimSpace(unmark(md.Author))
	doc.URL = strings.TrimSpace(md.URL)
	if doc.URL == "" {
		doc.URL = savedFromURL(page)
	}
	doc.Language = langCode(md.Language)
	switch {
	case pubOK:
		doc.Published, doc.PublishedRaw, doc.PublishedFrom, doc.PublishedConfidence = &pubT, pubRaw, pubFrom, core.DateExact
	case derr == nil && !date.IsZero():
		t := date.DateTime.UTC()
		// SrcString is the text the date was read from, often with its
		// surroundings ("October 19, 2019 by IWB"): keep the date itself.
		raw := dateSubstring(strings.TrimSpace(date.SrcString))
		if raw == "" || utf8.RuneCountInString(raw) > 100 {
			raw = date.Format("2006-01-02")
			if date.HasTime {
				raw = date.Format(time.RFC3339)
			}
		}
		doc.Published, doc.PublishedRaw, doc.PublishedFrom, doc.PublishedConfidence = &t, raw, "page", core.DateInferred
	default:
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
			writeMarked(&cur, strings.ReplaceAll(n.Data, "\n", " "), flush)
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
	return strings.Join(dropRepeatedHalf(paras), "\n\n")
}

// writeMarked writes text into cur, ending the paragraph at each paraMark
// and the line at each lineMark.
func writeMarked(cur *strings.Builder, text string, flush func()) {
	for {
		i := strings.Index(text, "\uE000")
		if i < 0 {
			cur.WriteString(text)
			return
		}
		cur.WriteString(text[:i])
		rest := text[i:]
		switch {
		case strings.HasPrefix(rest, paraMark):
			flush()
			text = rest[len(paraMark):]
		case strings.HasPrefix(rest, lineMark):
			cur.WriteByte('\n')
			text = rest[len(lineMark):]
		default:
			cur.WriteString("\uE000")
			text = rest[len("\uE000"):]
		}
	}
}

// dropRepeatedHalf keeps one copy of paragraphs given twice over: on short
// pages trafilatura's last fallback appends the whole page's text after the
// paragraphs it found, and with the marks that text is those paragraphs
// again.
func dropRepeatedHalf(paras []string) []string {
	n := len(paras)
	if n < 2 || n%2 != 0 {
		return paras
	}
	for i := 0; i < n/2; i++ {
		if paras[i] != paras[n/2+i] {
			return paras
		}
	}
	return paras[:n/2]
}

var htmlBlock = lazyRegexp(`(?i)<(p|br|div|h[1-6]|li|blockquote)[\s/>]`)

// looksLikeHTMLFragment says whether a record's text field holds HTML, as
// CMS exports and APIs deliver it, rather than plain text.
func looksLikeHTMLFragment(s string) bool {
	return htmlBlock().MatchString(s)
}

// fragmentText renders an HTML fragment as text with paragraph breaks, the
// way extracted pages are rendered. The fragment is the article already, so
// no main-text extraction is run on it.
func fragmentText(s string) string {
	nodes, err := html.ParseFragment(strings.NewReader(s), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
	if err != nil {
		return s
	}
	root := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	for _, n := range nodes {
		root.AppendChild(n)
	}
	return paragraphs(root)
}

// savedFrom finds the address a browser or SingleFile records in a saved
// page: "<!-- saved from url=(0049)https://... -->" or SingleFile's
// "url: https://..." header comment. It is the page's provenance when the
// page itself names no canonical URL.
var savedFrom = lazyRegexp(`(?i)<!--\s*(?:saved from url=\(\d+\)|[\s\S]{0,200}?\burl:\s*)(https?://[^\s>]+?)\s*(?:-->|\n)`)

func savedFromURL(page string) string {
	head := page
	if len(head) > 4096 {
		head = head[:4096]
	}
	if m := savedFrom().FindStringSubmatch(head); m != nil {
		return m[1]
	}
	return ""
}
