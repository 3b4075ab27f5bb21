package ingest

import (
	"strings"

	"github.com/go-shiori/dom"
	"golang.org/x/net/html"
)

// Marks put into a page before extraction, in the Private Use Area, as
// runs no page writes: paraMark ends a block element, lineMark follows a
// <br>. Extractors carry them as text, whichever way they take the page
// apart, and paragraphs turns them back into breaks.
const (
	paraMark = "\uE000\uE001\uE000"
	lineMark = "\uE000\uE002\uE000"
)

// markTags are the HTML elements whose text ends a paragraph. Lists and
// tables are not marked themselves: their items and cells are.
var markTags = map[string]bool{
	"p": true, "div": true, "section": true, "article": true, "main": true, "header": true, "footer": true,
	"aside": true, "address": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"li": true, "dt": true, "dd": true, "blockquote": true, "pre": true, "figcaption": true, "td": true,
	"th": true, "caption": true, "summary": true, "details": true, "center": true,
}

// markBlocks appends paraMark to every block element of the page's body
// that holds text, and lineMark after every <br>.
func markBlocks(root *html.Node) {
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch tag := dom.TagName(c); {
			case tag == "head" || tag == "script" || tag == "style" || tag == "template" || tag == "noscript":
				continue
			case tag == "br":
				mark := &html.Node{Type: html.TextNode, Data: lineMark}
				n.InsertBefore(mark, c.NextSibling)
				c = mark
				continue
			case markTags[tag]:
				walk(c)
				if strings.TrimSpace(dom.TextContent(c)) != "" {
					c.AppendChild(&html.Node{Type: html.TextNode, Data: paraMark})
				}
				continue
			}
			walk(c)
		}
	}
	walk(root)
}

// unmark removes the marks from text taken from a marked page (a title, an
// author's name).
func unmark(s string) string {
	if !strings.Contains(s, "\uE000") {
		return s
	}
	return strings.NewReplacer(paraMark, " ", lineMark, " ").Replace(s)
}
