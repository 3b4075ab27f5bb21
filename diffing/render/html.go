package render

import (
	"html"
	"strconv"
	"strings"

	"github.com/storydiff/storydiff/diffing"
)

// HTML renders r as a fragment: one <div class="sd-diff"> keeping line
// breaks (white-space: pre-wrap), with <del> and <ins> for changes and
// linked, labelled ends for moves. Every piece of article text is escaped.
func HTML(r *diffing.Result, opts Options) string {
	var b strings.Builder
	b.WriteString(`<div class="sd-diff" style="white-space: pre-wrap">`)
	writeHTML(&b, pieces(r.Ops, opts))
	b.WriteString(`</div>`)
	return b.String()
}

func writeHTML(b *strings.Builder, ps []piece) {
	for _, p := range ps {
		text := html.EscapeString(p.text)
		if p.detail != nil {
			var inner strings.Builder
			writeHTML(&inner, p.detail)
			text = inner.String()
		}
		minor := ""
		if p.minor {
			minor = ` sd-minor" data-why="` + html.EscapeString(p.why)
		}
		id := strconv.Itoa(p.moveID)
		switch {
		case p.kind == diffing.Equal:
			b.WriteString(text)
		case p.kind == diffing.Delete:
			b.WriteString(`<del class="sd-del` + minor + `">` + text + `</del>`)
		case p.kind == diffing.Insert:
			b.WriteString(`<ins class="sd-ins` + minor + `">` + text + `</ins>`)
		case p.role == diffing.MoveFrom:
			b.WriteString(`<del class="sd-move sd-move-from" id="sd-move-` + id + `-from" data-move="` + id + `">` +
				`<a class="sd-move-mark" href="#sd-move-` + id + `-to">[moved to #` + id + `]</a> ` + text + `</del>`)
		default:
			b.WriteString(`<ins class="sd-move sd-move-to" id="sd-move-` + id + `-to" data-move="` + id + `">` +
				`<a class="sd-move-mark" href="#sd-move-` + id + `-from">[moved from #` + id + `]</a> ` + text + `</ins>`)
		}
	}
}
