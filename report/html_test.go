package report_test

import (
	"github.com/storydiff/storydiff/core"
	"regexp"
	"strings"
	"testing"

	"github.com/storydiff/storydiff/align"
	"github.com/storydiff/storydiff/report"
)

// The only elements a report page may hold; article text must never add one.
var allowedTags = map[string]bool{"html": true, "head": true, "meta": true, "title": true, "style": true, "body": true,
	"header": true, "h1": true, "h2": true, "h3": true, "p": true, "section": true, "table": true, "tr": true, "th": true,
	"td": true, "div": true, "ins": true, "del": true, "a": true, "b": true, "span": true, "br": true, "strong": true,
	// The archive report's chart of articles per month: drawing elements only.
	"svg": true, "desc": true, "line": true, "rect": true, "text": true}

var tagRE = regexp.MustCompile(`<\s*/?\s*([a-zA-Z][a-zA-Z0-9]*)([^>]*)>`)

// checkHTMLSafe fails if page has an element outside allowedTags, a link
// that leaves the page, an event handler attribute or a javascript: URL in
// an attribute.
func checkHTMLSafe(t testing.TB, page string) {
	t.Helper()
	for _, m := range tagRE.FindAllStringSubmatch(page, -1) {
		name, attrs := strings.ToLower(m[1]), strings.ToLower(m[2])
		if !allowedTags[name] {
			t.Fatalf("page holds a <%s> element: %q", name, m[0])
		}
		if strings.Contains(attrs, "javascript:") || regexp.MustCompile(`\son[a-z]+\s*=`).MatchString(attrs) {
			t.Fatalf("page holds a live attribute: %q", m[0])
		}
		if name == "a" && !strings.HasPrefix(strings.TrimLeft(m[0], "< "), "/") && !regexp.MustCompile(`^\s+class="sd-move-mark" href="#[a-z0-9-]+"$`).MatchString(m[2]) {
			t.Fatalf("page holds a link that is not a move mark: %q", m[0])
		}
	}
}

func TestHTMLEscapesArticleText(t *testing.T) {
	for _, m := range models {
		t.Run(m.name, func(t *testing.T) {
			page := string(write(t, m.model(), report.HTML))
			checkHTMLSafe(t, page)
			if !strings.Contains(page, "&lt;") {
				t.Errorf("the hostile text is not shown escaped")
			}
			for _, want := range []string{"default-src 'none'", "<style>", "</html>\n"} {
				if !strings.Contains(page, want) {
					t.Errorf("page lacks %q", want)
				}
			}
			for _, bad := range []string{"http://", "https://", "<link", "@import", "url("} {
				if strings.Contains(page, bad) {
					t.Errorf("page refers to a remote resource: %q", bad)
				}
			}
		})
	}
}

func TestHTMLMarksChangesWithoutColour(t *testing.T) {
	page := string(write(t, storyModel(), report.HTML))
	for _, want := range []string{
		`<ins class="sd-ins">`, `<del class="sd-del">`, "[moved to #1]", "[moved from #1]",
		"text-decoration: underline", "text-decoration: line-through", "border: 1px dashed",
		// Two diffs of one story: their move anchors must not share ids.
		`id="d1-sd-move-1-to"`, `id="d2-sd-move-1-to"`, `href="#d2-sd-move-1-from"`,
		"Министр обороны", "Ο υπουργός Άμυνας", "Pérez Núñez", "(earliest version)",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("story page lacks %q", want)
		}
	}
}

func FuzzHTMLReport(f *testing.F) {
	f.Add("<script>alert(1)</script>", "a <img src=x onerror=alert(1)> b", "javascript:alert(1)")
	f.Add("\"'&<>", "</td></table><a href=\"http://x\">", "<!-- -->")
	f.Fuzz(func(t *testing.T, title, text, path string) {
		m := pairModel()
		m.A.Title, m.B.Outlet, m.A.Files[0].Path = title, text, path
		m.Diff.Passages[0].Text = text
		checkHTMLSafe(t, string(write(t, m, report.HTML)))
		// The same text in aligned rows and in collation cells.
		al := align.Compare(1, 2, title+"\n\n"+text, text+" "+path, align.Options{Mode: align.ModeAligned})
		m.Alignment = &al
		checkHTMLSafe(t, string(write(t, m, report.HTML)))
		col := align.CollateStory(7, []align.Version{{Article: 1, Text: title + " " + text}, {Article: 2, Text: text + ". " + path}}, align.Options{})
		s := &report.Story{Provenance: prov(), ID: 7, Label: title, Base: "previous", Articles: []report.Article{m.A, m.B}, Collation: &col}
		checkHTMLSafe(t, string(write(t, s, report.HTML)))
	})
}

// Story and archive reports list every correction of events in words, its
// note as escaped text.
func TestHTMLListsCorrections(t *testing.T) {
	c := core.Correction{ID: 7, Kind: core.CorrectMove, A: 4, Event: 2, Note: "<b>same call</b>", CreatedAt: created()}
	s := storyModel()
	s.Corrections = []core.Correction{c}
	a := archiveModel()
	a.Corrections = []core.Correction{c}
	for name, model := range map[string]any{"story": s, "archive": a} {
		page := string(write(t, model, report.HTML))
		checkHTMLSafe(t, page)
		for _, want := range []string{"Corrections of events", "article 4 moved to event 2", "&lt;b&gt;same call&lt;/b&gt;"} {
			if !strings.Contains(page, want) {
				t.Errorf("%s report lacks %q", name, want)
			}
		}
	}
	if page := string(write(t, storyModel(), report.HTML)); !strings.Contains(page, "No corrections recorded.") {
		t.Error("a story report without corrections does not say so")
	}
}
