package report_test

import (
	"bytes"
	"github.com/storydiff/storydiff/core"
	"testing"
	"time"

	"github.com/storydiff/storydiff/align"
	"github.com/storydiff/storydiff/diffing"
	"github.com/storydiff/storydiff/report"
)

// Hostile and multilingual article text, as a scraper may bring it.
const (
	hostileA = "Министр обороны встретился с коллегой.\n\nΟ υπουργός Άμυνας μίλησε. Ana Pérez Núñez wrote it.\n\n" +
		"This paragraph is moved to the end of the text.\n\nPlain closing words here."
	hostileB = "Министр обороны встретился с коллегами.\n\nΟ υπουργός Άμυνας μίλησε. Ana Pérez Núñez wrote it.\n\n" +
		"<script>alert(1)</script> <img src=x onerror=alert(2)> <a href=\"javascript:alert(3)\">x</a> [y](javascript:alert(4))\n\n" +
		"```\n# not a heading\n````\n\nPlain closing words here.\n\nThis paragraph is moved to the end of the text."
)

func created() time.Time { return time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC) }

func prov() report.Provenance {
	return report.Provenance{Tool: "StoryDiff", Version: "test", Archive: "/archive/<b>.db", Created: created(),
		Settings: []report.Setting{{Group: "diff", Name: "granularity", Value: "word"}}}
}

func article(id int64, title string) report.Article {
	pub := time.Date(2022, 10, 21, 15, 25, 0, 0, time.UTC)
	return report.Article{ID: id, Title: title, Outlet: "Outlet \"quoted\", with comma", URL: "javascript:alert(5)",
		Published: &pub, Language: "ru", Words: 30, SHA256: "ab12cd34ab12cd34ab12cd34ab12cd34ab12cd34ab12cd34ab12cd34ab12cd34",
		ImportedAt: time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC), Files: []report.File{{Path: "/news/<script>x</script>.txt"}, {Path: "/news/b.jsonl", Record: 3}}}
}

// pairModel is a pair shown as near-duplicates: the word diff, then the
// same diff side by side.
func pairModel() *report.Pair {
	r := diffing.Diff(hostileA, hostileB, diffing.Options{})
	al := align.Compare(1, 2, hostileA, hostileB, align.Options{Mode: align.ModeDiff})
	return &report.Pair{Provenance: prov(), A: article(1, "Заголовок <script>alert(6)</script>"), B: article(2, "Τίτλος [z](javascript:alert(7)) | *bold*"),
		Diff:      report.Diff{A: 1, B: 2, Result: r, Passages: []core.Passage{{A: core.Span{Start: 0, End: 10}, B: core.Span{Start: 0, End: 10}, Score: 1, Text: "<script>alert(8)</script>"}}},
		Alignment: &al}
}

// Two outlets' versions of one event, with markup and Markdown syntax in
// sentences that align, one that moved, and one only in each.
const (
	relatedA = "Officials met in Geneva on Monday to discuss the ceasefire. <script>alert(11)</script> The envoy said | talks were **useful** and ~~frank~~ [link](javascript:alert(12)).\n\n" +
		"A second round is planned for March 2025 in Vienna.\n\nThe weather in Geneva was cold and grey all week long."
	relatedB = "A second round of talks is planned for March 2025 in Vienna, both sides said.\n\n" +
		"On Monday officials met in Geneva to discuss a ceasefire. <script>alert(11)</script> The envoy said | talks had been **useful** and ~~frank~~ [link](javascript:alert(12)).\n\n" +
		"# Not a heading: markets rose 3% on the news from Geneva."
)

// alignedPairModel is a pair of related versions: the aligned rows are the
// report's main body.
func alignedPairModel() *report.Pair {
	m := pairModel()
	m.Diff.Result = diffing.Diff(relatedA, relatedB, diffing.Options{})
	al := align.Compare(1, 2, relatedA, relatedB, align.Options{Mode: align.ModeAligned})
	m.Alignment = &al
	return m
}

func storyModel() *report.Story {
	p := pairModel()
	a, b := p.A, p.B
	a.Earliest = true
	third := article(3, "Third <b>version</b>")
	col := align.CollateStory(7, []align.Version{{Article: 1, Text: hostileA}, {Article: 2, Text: hostileB}, {Article: 3, Text: relatedB}}, align.Options{})
	return &report.Story{Provenance: prov(), ID: 7, Label: "Story <i>label</i>", Base: "previous", Articles: []report.Article{a, b, third},
		Diffs:     []report.Diff{p.Diff, p.Diff},
		Passages:  []report.StoryPassage{{Text: "<script>alert(9)</script>", FirstIn: 1, AppearsIn: []int64{1, 2}}},
		Collation: &col}
}

func duplicatesModel() *report.Duplicates {
	return &report.Duplicates{Provenance: prov(), MinSimilarity: 0.5,
		Groups: []report.Group{{Kind: "near", Similarity: 0.84, Members: []report.Article{article(1, "One, \"two\"\nthree"), article(2, "<b>Two</b>")},
			Pairs: []core.Pair{{A: 1, B: 2, Kind: "near", Jaccard: 0.84, Containment: 0.9456, Score: 0.84}}}},
		Judgements: []report.Judgement{{A: 1, B: 2, Relation: "duplicate", Same: true, Note: "<script>alert(10)</script>", Created: created()}}}
}

func archiveModel() *report.Archive {
	undated := article(3, "Undated")
	undated.Published = nil
	undated.Outlet = ""
	return &report.Archive{Provenance: prov(), Full: true, Articles: []report.Article{article(1, "A"), article(2, "B"), undated},
		Groups:  []report.Group{{Kind: "exact", Similarity: 1, Members: []report.Article{article(1, "A"), article(2, "B")}}},
		Stories: []report.StorySummary{{ID: 1, Label: "<em>story</em>", Versions: 2, Earliest: 1}}}
}

var models = []struct {
	name  string
	model func() any
}{
	{"pair", func() any { return pairModel() }},
	{"aligned pair", func() any { return alignedPairModel() }},
	{"story", func() any { return storyModel() }},
	{"duplicates", func() any { return duplicatesModel() }},
	{"archive", func() any { return archiveModel() }},
	{"archive summary", func() any { m := archiveModel(); m.Full = false; return m }},
}

func write(t testing.TB, model any, f report.Format) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := report.Write(&buf, model, f); err != nil {
		t.Fatalf("Write %s: %v", f, err)
	}
	return buf.Bytes()
}
