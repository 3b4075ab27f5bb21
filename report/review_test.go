package report_test

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/storydiff/storydiff/core"
	"github.com/storydiff/storydiff/report"
)

// reviewedModel has a group reviewed as duplicates with a copy kept, one
// reviewed as not duplicates, one not reviewed, and one article found at
// two paths.
func reviewedModel() *report.Duplicates {
	at := time.Date(2026, 11, 30, 10, 0, 0, 0, time.UTC)
	pair := func(a, b int64) []core.Pair {
		return []core.Pair{{A: a, B: b, Kind: "near", Jaccard: 0.7, Containment: 0.8, Score: 0.7}}
	}
	return &report.Duplicates{Provenance: prov(), MinSimilarity: 0.5, Judgements: []report.Judgement{},
		Groups: []report.Group{
			{Kind: "near", Similarity: 0.7, Members: []report.Article{article(1, "One"), article(2, "Two")}, Pairs: pair(1, 2),
				Review: "reviewed", Verdict: core.GroupDuplicates, ReviewedAt: &at, Keep: 2},
			{Kind: "near", Similarity: 0.6, Members: []report.Article{article(3, "Three"), article(4, "Four")}, Pairs: pair(3, 4),
				Review: "reviewed", Verdict: core.GroupNotDuplicates, ReviewedAt: &at},
			{Kind: "exact", Similarity: 1, Members: []report.Article{article(5, "Five"), article(6, "Six")}, Pairs: []core.Pair{},
				Review: "unreviewed"},
			{Kind: "exact", Similarity: 1, Members: []report.Article{article(7, "Seven")}, Pairs: []core.Pair{}, SeveralPaths: true},
		}}
}

// Every format says which groups were reviewed, with what verdict, and
// which copy was kept.
func TestDuplicatesReportShowsReviews(t *testing.T) {
	m := reviewedModel()
	lines := []string{
		"Reviewed: duplicates (2026-11-30 10:00:00 UTC).",
		"Reviewed: not duplicates (2026-11-30 10:00:00 UTC).",
		"Not reviewed.",
		"One article found at several paths: no copy to choose.",
		"Kept: article 2, chosen by the researcher.",
	}
	for _, f := range []report.Format{report.HTML, report.Markdown} {
		got := string(write(t, m, f))
		for _, l := range lines {
			if !strings.Contains(got, l) {
				t.Errorf("%s report lacks %q", f, l)
			}
		}
	}
	pdf := pdfTextOf(t, m)
	for _, l := range lines {
		if !strings.Contains(pdf, l) {
			t.Errorf("PDF report lacks %q", l)
		}
	}

	rows, err := csv.NewReader(strings.NewReader(string(write(t, m, report.CSV)))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, name := range rows[0] {
		col[name] = i
	}
	got := map[string]string{}
	for _, r := range rows[1:] {
		got[r[col["article"]]] = strings.Join([]string{r[col["review"]], r[col["verdict"]], r[col["reviewed_at"]], r[col["kept"]]}, " ")
	}
	want := map[string]string{
		"1": "reviewed duplicates 2026-11-30T10:00:00Z false", "2": "reviewed duplicates 2026-11-30T10:00:00Z true",
		"3": "reviewed not_duplicates 2026-11-30T10:00:00Z ", "5": "unreviewed   ", "7": "several_paths   ",
	}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("CSV row of article %s: %q, want %q", id, got[id], w)
		}
	}

	var doc struct {
		Groups []struct {
			Review, Verdict, ReviewedAt string
			SeveralPaths                bool `json:"several_paths"`
			Keep                        int64
		}
	}
	raw := write(t, m, report.JSON)
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	var states []string
	for _, g := range doc.Groups {
		states = append(states, g.Review+"/"+g.Verdict)
	}
	if strings.Join(states, " ") != "reviewed/duplicates reviewed/not_duplicates unreviewed/ /" || doc.Groups[0].Keep != 2 || !doc.Groups[3].SeveralPaths {
		t.Errorf("JSON groups %+v", doc.Groups)
	}
	// The fields are documented in the schema.
	schemaRaw, err := os.ReadFile("../docs/report-schema.json")
	if err != nil {
		t.Fatal(err)
	}
	var schema map[string]any
	json.Unmarshal(schemaRaw, &schema)
	var anyDoc any
	json.Unmarshal(raw, &anyDoc)
	if err := (&validator{root: schema}).check(schema, anyDoc, "$", true); err != nil {
		t.Errorf("JSON report with reviews against the schema: %v", err)
	}
}
