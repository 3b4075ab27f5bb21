package report

import (
	"embed"
	"fmt"
	"html/template"
	"io"
	"strconv"
	"strings"
	"sync"

	"github.com/storydiff/storydiff/align"
	"github.com/storydiff/storydiff/diffing/render"
)

//go:embed templates/report.html.tmpl templates/report.css
var templates embed.FS

// The page is parsed once, the first time a report is written (not when the
// program starts: every command links this package, few write HTML);
// html/template escapes every value by context, so article text (titles,
// paths, passages, notes) can never open a tag.
var pageTemplate = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("report.html.tmpl").Funcs(template.FuncMap{
		"time":       fmtTime,
		"published":  fmtPublished,
		"ratio":      fmtRatio,
		"percent":    fmtPercent,
		"paths":      filePaths,
		"dash":       orDash,
		"ids":        ids,
		"diffHTML":   diffHTML,
		"monthChart": monthChartSVG,
		"article": func(as []Article, id int64) Article {
			a, _ := articleByID(as, id)
			return a
		},
		"add":         func(a, b int) int { return a + b },
		"firstMember": firstMember,
		// Aligned rows and collation cells (see aligned.go).
		"sideA":            func(r align.Row, hide bool) []mark { return sideMarks(r, 'a', hide) },
		"sideB":            func(r align.Row, hide bool) []mark { return sideMarks(r, 'b', hide) },
		"cellMarks":        cellMarks,
		"rowNote":          rowNote,
		"blank":            blank,
		"rowClass":         rowClass,
		"summary":          func(r *align.Result) string { return summarise(r).String() },
		"modeText":         modeText,
		"collationColumns": collationColumns,
		"collationSummary": collationSummary,
		"storyHideMinor":   storyHideMinor,
	}).ParseFS(templates, "templates/report.html.tmpl"))
})

var css = sync.OnceValue(func() template.CSS {
	b, err := templates.ReadFile("templates/report.css")
	if err != nil {
		panic(err)
	}
	return template.CSS(b)
})

type htmlPage struct {
	Kind  Kind
	Title string
	CSS   template.CSS
	Prov  Provenance
	Model any
}

func writeHTML(w io.Writer, kind Kind, model any) error {
	p := htmlPage{Kind: kind, Title: title(kind, model), CSS: css(), Model: model}
	switch m := model.(type) {
	case *Pair:
		p.Prov = m.Provenance
	case *Story:
		p.Prov = m.Provenance
	case *Duplicates:
		p.Prov = m.Provenance
	case *Archive:
		p.Prov = m.Provenance
	}
	if err := pageTemplate().Execute(w, p); err != nil {
		return fmt.Errorf("report: html: %w", err)
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// diffHTML renders one diff with render.HTML (which escapes all article
// text) and gives its move anchors a prefix unique in the page, so that a
// story's many diffs do not share ids. The replaced strings can only come
// from render's own markup: in escaped text a quote is written &#34;.
func diffHTML(d Diff, n int) template.HTML {
	if d.Result == nil {
		return ""
	}
	s := render.HTML(d.Result, render.Options{HideMinor: d.HideMinor})
	prefix := "d" + strconv.Itoa(n) + "-"
	s = strings.ReplaceAll(s, `id="sd-move-`, `id="`+prefix+`sd-move-`)
	s = strings.ReplaceAll(s, `href="#sd-move-`, `href="#`+prefix+`sd-move-`)
	return template.HTML(s)
}

// rowClass gives a pair row's classes: which side stands alone, and moved.
func rowClass(r align.Row) string {
	var c []string
	switch {
	case r.A == nil:
		c = append(c, "only-b")
	case r.B == nil:
		c = append(c, "only-a")
	}
	if r.Moved {
		c = append(c, "moved")
	}
	return strings.Join(c, " ")
}
