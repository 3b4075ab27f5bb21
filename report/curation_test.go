package report_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/storydiff/storydiff/report"
)

// curatedStoryModel is a story whose first article a researcher edited,
// tagged and noted, and whose event was tagged and noted, with markup and
// spreadsheet formulas in what was typed.
func curatedStoryModel() *report.Story {
	m := storyModel()
	at := time.Date(2024, 5, 1, 9, 0, 0, 0, time.UTC)
	m.Provenance.Curation = &report.Curation{
		Articles: []report.CuratedArticle{{ID: 1, Title: m.Articles[0].Title,
			Edits: []report.EditedField{{Field: "outlet", Value: "Reuters", Imported: "reuters.com", EditedAt: at},
				{Field: "title", Value: m.Articles[0].Title, Imported: "Old <b>title</b>", EditedAt: at}},
			Tags: []string{"<script>alert(13)</script>", "=cmd|' /C calc'!A0"},
			Note: &report.Note{Text: "Checked with the desk.\n```\n# not a heading", UpdatedAt: at}}},
		Events: []report.CuratedEvent{{ID: 7, Label: m.Label, Tags: []string{"floods"}, Note: &report.Note{Text: "<img src=x onerror=alert(14)>", UpdatedAt: at}}},
	}
	return m
}

func init() {
	models = append(models, struct {
		name  string
		model func() any
	}{"curated story", func() any { return curatedStoryModel() }})
}

func TestEveryFormatCarriesCurationAsText(t *testing.T) {
	m := curatedStoryModel()
	html := string(write(t, m, report.HTML))
	for _, want := range []string{"outlet: Reuters (edited 2024-05-01; imported: reuters.com)", "imported: Old &lt;b&gt;title&lt;/b&gt;",
		"&lt;script&gt;alert(13)&lt;/script&gt;", "&lt;img src=x onerror=alert(14)&gt;", "Checked with the desk.", "floods"} {
		if !strings.Contains(html, want) {
			t.Errorf("HTML lacks %q", want)
		}
	}
	for _, bad := range []string{"<script>alert(13)", "<img src=x onerror", "<b>title</b>"} {
		if strings.Contains(html, bad) {
			t.Errorf("HTML carries %q as markup", bad)
		}
	}

	md := string(write(t, m, report.Markdown))
	for _, want := range []string{`Tags: \<script\>alert(13)\</script\>, =cmd\|' /C calc'\!A0`, "imported: reuters.com", "Event 7:", "Tags: floods"} {
		if !strings.Contains(md, want) {
			t.Errorf("Markdown lacks %q", want)
		}
	}
	// The note's backticks and heading stay inside a longer fence.
	if open, heading := strings.Index(md, "\n````text\nChecked"), strings.LastIndex(md, "\n# not a heading\n````\n"); open < 0 || heading < open {
		t.Errorf("the note is not fenced (%d, %d):\n%s", open, heading, md)
	}

	recs, err := csv.NewReader(bytes.NewReader(write(t, m, report.CSV))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	first := recs[1] // the diff of articles 1 and 2
	if got := first[col["tags"]]; !strings.Contains(got, "article 1: <script>alert(13)</script>, =cmd") || !strings.Contains(got, "event 7: floods") {
		t.Errorf("tags cell = %q", got)
	}
	if got := first[col["edits"]]; !strings.HasPrefix(got, "article 1: outlet: Reuters (edited 2024-05-01; imported: reuters.com), title: ") {
		t.Errorf("imported cell = %q", got)
	}
	for _, r := range recs[1:] {
		for _, c := range []string{"tags", "notes", "edits"} {
			if v := r[col[c]]; v != "" && strings.ContainsAny(v[:1], "=+-@\t\r") {
				t.Errorf("%s cell %q opens as a formula", c, v)
			}
		}
	}
	// A tag alone in a cell would open with "=": written raw only on request.
	lone := curatedStoryModel()
	lone.Provenance.Curation.Articles[0].Tags = []string{"=cmd"}
	lone.Provenance.Curation.Events = nil
	if strings.Contains(string(write(t, lone, report.CSV)), ",=cmd") {
		t.Error("a tag reached a cell as a formula")
	}

	var doc struct {
		Provenance struct {
			Curation report.Curation `json:"curation"`
		} `json:"provenance"`
	}
	if err := json.Unmarshal(write(t, m, report.JSON), &doc); err != nil {
		t.Fatal(err)
	}
	if c := doc.Provenance.Curation; len(c.Articles) != 1 || c.Articles[0].Edits[0].Imported != "reuters.com" || c.Events[0].Note == nil {
		t.Errorf("JSON curation = %+v", c)
	}

	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not found (apt-get install poppler-utils): PDF text not checked")
	}
	p := filepath.Join(t.TempDir(), "curated.pdf")
	os.WriteFile(p, write(t, m, report.PDF), 0o644)
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", p, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v\n%s", err, out)
	}
	for _, want := range []string{"Curation", "imported: reuters.com", "<script>alert(13)</script>", "Event 7", "floods"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("PDF text lacks %q", want)
		}
	}
}
