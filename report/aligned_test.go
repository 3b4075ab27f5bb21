package report_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/storydiff/storydiff/align"
	"github.com/storydiff/storydiff/report"
)

// The aligned pair's rows, checked below: the ceasefire sentence (reworded,
// with markup and Markdown syntax) faces its counterpart, the second round
// moved to the top of B, the weather is only in A and the markets only in B.
func alignedRows(t *testing.T, m *report.Pair) (moved, onlyA, onlyB, both int) {
	t.Helper()
	for _, r := range m.Alignment.Rows {
		switch {
		case r.A == nil:
			onlyB++
		case r.B == nil:
			onlyA++
		default:
			both++
		}
		if r.Moved {
			moved++
		}
	}
	if moved == 0 || onlyA == 0 || onlyB == 0 || both < 2 {
		t.Fatalf("the test pair does not align as the tests expect: %d moved, %d only in A, %d only in B, %d both", moved, onlyA, onlyB, both)
	}
	return
}

func TestAlignedPairHTML(t *testing.T) {
	m := alignedPairModel()
	moved, onlyA, onlyB, _ := alignedRows(t, m)
	page := string(write(t, m, report.HTML))
	checkHTMLSafe(t, page)
	table := page[strings.Index(page, `<table class="aligned">`):]
	table = table[:strings.Index(table, "</table>")]
	if got := strings.Count(table, "<tr class="); got != len(m.Alignment.Rows) {
		t.Errorf("aligned table has %d rows, want %d", got, len(m.Alignment.Rows))
	}
	for want, n := range map[string]int{`<tr class="only-a">`: onlyA, `<tr class="only-b">`: onlyB,
		`<strong class="rownote">moved</strong>`: moved, `<td class="gap">—</td>`: onlyA + onlyB} {
		if got := strings.Count(table, want); got < n {
			t.Errorf("aligned table has %d of %q, want at least %d", got, want, n)
		}
	}
	for _, want := range []string{
		`&lt;script&gt;alert(11)&lt;/script&gt;`, `**useful**`, `~~frank~~`, `<del class="sd-del">`, `<ins class="sd-ins">`,
		"Changes from A to B, sentence by sentence", "The weather in Geneva", "markets rose 3%",
	} {
		if !strings.Contains(table, want) && !strings.Contains(page, want) {
			t.Errorf("aligned pair page lacks %q", want)
		}
	}
	if strings.Contains(page, `<section class="diff">`) {
		t.Error("related versions still get the whole-text word diff as their body")
	}
	// Near-duplicates keep the word diff, with the rows after it.
	near := string(write(t, pairModel(), report.HTML))
	if d, s := strings.Index(near, `<section class="diff">`), strings.Index(near, `<table class="aligned">`); d < 0 || s < d {
		t.Errorf("near-duplicate page: word diff at %d, side by side at %d; want both, the diff first", d, s)
	}
}

// mdCells splits a Markdown table line at its unescaped pipes.
func mdCells(line string) []string {
	var out []string
	var cur strings.Builder
	esc := false
	for _, r := range line {
		switch {
		case esc:
			esc = false
		case r == '\\':
			esc = true
		case r == '|':
			out = append(out, cur.String())
			cur.Reset()
			continue
		}
		cur.WriteRune(r)
	}
	return append(out, cur.String())
}

func TestAlignedPairMarkdown(t *testing.T) {
	m := alignedPairModel()
	alignedRows(t, m)
	md := string(write(t, m, report.Markdown))
	var rows []string
	for _, l := range strings.Split(md, "\n") {
		if regexp.MustCompile(`^\| \d+ \| `).MatchString(l) {
			rows = append(rows, l)
		}
	}
	if len(rows) != len(m.Alignment.Rows) {
		t.Fatalf("Markdown has %d aligned rows, want %d:\n%s", len(rows), len(m.Alignment.Rows), md)
	}
	for _, l := range rows {
		if c := mdCells(l); len(c) != 6 {
			t.Errorf("row has %d cells, not 4 (article text broke the table): %q", len(c)-2, l)
		}
	}
	all := strings.Join(rows, "\n")
	for _, want := range []string{`\<script\>alert(11)\</script\>`, `\*\*useful\*\*`, `\~\~frank\~\~`, `\[link\](javascript:alert(12))`,
		`\# Not a heading`, "moved", "only in A", "only in B", "~~", "**"} {
		if !strings.Contains(all, want) {
			t.Errorf("aligned rows lack %q:\n%s", want, all)
		}
	}
	if regexp.MustCompile(`(^|[^\\])<script`).MatchString(all) || strings.Contains(md, "\n# Not") {
		t.Error("article markup or a heading is live in the Markdown")
	}
	// A mark's markers hug its words, or Markdown ignores them.
	for _, l := range rows {
		for _, cell := range mdCells(l) {
			cell = strings.NewReplacer(`\*`, "", `\~`, "").Replace(cell)
			for _, delim := range []string{"~~", "**"} {
				parts := strings.Split(cell, delim)
				if len(parts)%2 == 0 {
					t.Errorf("unpaired %s in %q", delim, cell)
				}
				for i := 1; i < len(parts); i += 2 {
					if parts[i] == "" || parts[i] != strings.TrimSpace(parts[i]) {
						t.Errorf("a mark opens or closes on white space: %s%s%s in %q", delim, parts[i], delim, cell)
					}
				}
			}
		}
	}
}

func TestAlignedPairCSVAndJSON(t *testing.T) {
	m := alignedPairModel()
	recs, err := csv.NewReader(bytes.NewReader(write(t, m, report.CSV))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	if len(recs)-1 != len(m.Alignment.Rows) {
		t.Fatalf("CSV has %d lines, want one per row (%d)", len(recs)-1, len(m.Alignment.Rows))
	}
	for i, r := range m.Alignment.Rows {
		rec := recs[i+1]
		for side, sp := range map[string]*align.Span{"a": r.A, "b": r.B} {
			start, end, text := rec[col[side+"_start"]], rec[col[side+"_end"]], rec[col[side+"_text"]]
			if sp == nil {
				if start != "" || end != "" || text != "" {
					t.Errorf("row %d: gap on %s reads %q %q %q", i+1, side, start, end, text)
				}
				continue
			}
			if start != strconv.Itoa(sp.Start) || end != strconv.Itoa(sp.End) || text != strings.Join(strings.Fields(sp.Text), " ") {
				t.Errorf("row %d side %s = %s-%s %q, want %d-%d %q", i+1, side, start, end, text, sp.Start, sp.End, sp.Text)
			}
		}
		if rec[col["row"]] != strconv.Itoa(i+1) || rec[col["moved"]] != strconv.FormatBool(r.Moved) || rec[col["mode"]] != "aligned" {
			t.Errorf("row %d: row %q moved %q mode %q", i+1, rec[col["row"]], rec[col["moved"]], rec[col["mode"]])
		}
		if rec[col["a"]] != "1" || rec[col["b"]] != "2" || rec[col["created"]] != "2024-05-06T07:08:09Z" {
			t.Errorf("row %d does not repeat the pair and its provenance: %v", i+1, rec)
		}
	}
	var doc struct {
		Alignment align.Result `json:"alignment"`
	}
	if err := json.Unmarshal(write(t, m, report.JSON), &doc); err != nil {
		t.Fatal(err)
	}
	got, _ := json.Marshal(doc.Alignment)
	want, _ := json.Marshal(m.Alignment)
	if !bytes.Equal(got, want) {
		t.Errorf("JSON alignment differs from align's:\n%s\n%s", got, want)
	}
}

func pdfTextOf(t *testing.T, model any) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not found (apt-get install poppler-utils): PDF text not checked")
	}
	p := filepath.Join(t.TempDir(), "r.pdf")
	if err := os.WriteFile(p, write(t, model, report.PDF), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", p, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v\n%s", err, out)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

func TestAlignedPairPDF(t *testing.T) {
	m := alignedPairModel()
	text := pdfTextOf(t, m)
	for _, want := range []string{"Changes from A to B, sentence by sentence", "A: article 1", "B: article 2",
		"<script>alert(11)</script>", "The weather in Geneva was cold", "markets rose 3%", "only in A", "only in B", "moved"} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF text lacks %q:\n%s", want, text)
		}
	}
}

// A long unbroken row continues across pages instead of running off one.
func TestAlignedPDFSplitsALongRow(t *testing.T) {
	long := strings.Repeat("Officials met again in Geneva to talk about the ceasefire and the prisoners. ", 150)
	m := alignedPairModel()
	m.Alignment.Rows = append(m.Alignment.Rows, align.Row{A: &align.Span{Text: long + "First end."}, B: &align.Span{Text: long + "Second end."},
		Ops: []align.Op{{Kind: "equal", Text: long}, {Kind: "delete", Text: "First"}, {Kind: "insert", Text: "Second"}, {Kind: "equal", Text: " end."}}})
	text := pdfTextOf(t, m)
	for _, want := range []string{"First end.", "Second end.", "page 3 of"} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF text lacks %q", want)
		}
	}
}

func TestCollationInEveryFormat(t *testing.T) {
	s := storyModel()
	col := s.Collation
	single := 0
	for _, r := range col.Rows {
		if r.Count == 1 {
			single++
		}
	}
	if len(col.Versions) != 3 || single == 0 || len(col.Rows) < 3 {
		t.Fatalf("the test story collates as %d versions, %d rows, %d in one version; the tests need 3, 3+ and 1+", len(col.Versions), len(col.Rows), single)
	}
	t.Run("html", func(t *testing.T) {
		page := string(write(t, s, report.HTML))
		checkHTMLSafe(t, page)
		table := page[strings.Index(page, `<table class="collation">`):]
		table = table[:strings.Index(table, "</table>")]
		if got := strings.Count(table, "<tr"); got != len(col.Rows)+1 {
			t.Errorf("collation has %d rows, want %d and a heading", got, len(col.Rows))
		}
		if got := strings.Count(table, `<tr class="single">`); got != single {
			t.Errorf("%d rows tinted as in one version, want %d", got, single)
		}
		for _, want := range []string{"article 3", `&lt;script&gt;alert(`, "markets rose 3%", `<td class="gap">—</td>`, `<ins class="sd-ins">`, `<del class="sd-del">`} {
			if !strings.Contains(table, want) {
				t.Errorf("collation lacks %q", want)
			}
		}
	})
	t.Run("md", func(t *testing.T) {
		md := string(write(t, s, report.Markdown))
		start := strings.Index(md, "## Collation")
		if start < 0 {
			t.Fatal("no collation section")
		}
		var rows []string
		for _, l := range strings.Split(md[start:], "\n") {
			if regexp.MustCompile(`^\| \d+ \| `).MatchString(l) {
				rows = append(rows, l)
			}
		}
		if len(rows) != len(col.Rows) {
			t.Fatalf("%d collation rows, want %d", len(rows), len(col.Rows))
		}
		for _, l := range rows {
			if c := mdCells(l); len(c) != 2+1+3+1 {
				t.Errorf("row has %d cells, want 5: %q", len(c)-2, l)
			}
		}
		if got := strings.Count(strings.Join(rows, "\n"), "(only)"); got != single {
			t.Errorf("%d rows say they are in one version only, want %d", got, single)
		}
	})
	t.Run("csv", func(t *testing.T) {
		recs, err := csv.NewReader(bytes.NewReader(write(t, s, report.CSV))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		col := map[string]int{}
		for i, h := range recs[0] {
			col[h] = i
		}
		k := 1 + len(s.Diffs)
		for i, r := range s.Collation.Rows {
			for _, c := range r.Cells {
				if c == nil {
					continue
				}
				rec := recs[k]
				k++
				want := []string{strconv.Itoa(i + 1), strconv.FormatInt(c.Article, 10), strconv.Itoa(c.Start), strconv.Itoa(c.End),
					strings.Join(strings.Fields(c.Text), " "), strconv.FormatInt(r.First, 10)}
				for j, name := range []string{"row", "article", "start", "end", "text", "first"} {
					if rec[col[name]] != want[j] {
						t.Errorf("cell of row %d, article %d: %s = %q, want %q", i+1, c.Article, name, rec[col[name]], want[j])
					}
				}
			}
		}
		if k != len(recs) {
			t.Errorf("CSV has %d lines, want %d", len(recs), k)
		}
	})
	t.Run("pdf", func(t *testing.T) {
		text := pdfTextOf(t, s)
		for _, want := range []string{"Collation: the versions sentence by sentence", "First in", "article 3", "only",
			"markets rose 3%", "<script>alert("} {
			if !strings.Contains(text, want) {
				t.Errorf("PDF text lacks %q", want)
			}
		}
	})
	t.Run("json", func(t *testing.T) {
		var doc struct {
			Collation align.Story `json:"collation"`
		}
		if err := json.Unmarshal(write(t, s, report.JSON), &doc); err != nil {
			t.Fatal(err)
		}
		got, _ := json.Marshal(doc.Collation)
		want, _ := json.Marshal(s.Collation)
		if !bytes.Equal(got, want) {
			t.Errorf("JSON collation differs from align's")
		}
	})
}

// A story of more versions than a page has room for is collated row by
// row, each version's wording on a line of its own.
func TestWideCollationPDF(t *testing.T) {
	s := storyModel()
	var versions []align.Version
	s.Articles = nil
	for i := int64(1); i <= 8; i++ {
		text := relatedA
		if i%2 == 0 {
			text = relatedB
		}
		versions = append(versions, align.Version{Article: i, Text: text})
		s.Articles = append(s.Articles, article(i, "Version "+strconv.FormatInt(i, 10)))
	}
	col := align.CollateStory(7, versions, align.Options{})
	s.Collation = &col
	text := pdfTextOf(t, s)
	for _, want := range []string{"Row 1: first in article 1", "article 8", "The weather in Geneva"} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF text lacks %q", want)
		}
	}
}

// A collation cell reads as its version's wording: a long passage of the
// row's first version that it lacks is counted, not repeated struck
// through; a short one is shown struck.
func TestCollationCellCountsALongDeletion(t *testing.T) {
	s := storyModel()
	first := "Officials met in Geneva on Monday, after weeks of quiet talks between the two delegations, to discuss the ceasefire."
	second := "Officials met in Geneva on Tuesday to discuss the ceasefire."
	s.Collation = &align.Story{Story: 7, Versions: []int64{1, 2}, Rows: []align.CollationRow{{First: 1, Count: 2, Cells: []*align.Cell{
		{Article: 1, End: len([]rune(first)), Text: first},
		{Article: 2, End: len([]rune(second)), Text: second, Ops: []align.Op{{Kind: "equal", Text: "Officials met in Geneva on "},
			{Kind: "delete", Text: "Monday, after weeks of quiet talks between the two delegations,"}, {Kind: "insert", Text: "Tuesday"},
			{Kind: "equal", Text: " to discuss the ceasefire."}}},
	}}}}
	s.Articles = s.Articles[:2]
	page := string(write(t, s, report.HTML))
	table := page[strings.Index(page, `<table class="collation">`):]
	table = table[:strings.Index(table, "</table>")]
	for _, want := range []string{`<del class="sd-del sd-omitted">[−10 words]</del> <ins class="sd-ins">Tuesday</ins> to discuss`} {
		if !strings.Contains(table, want) {
			t.Errorf("collation lacks %q:\n%s", want, table)
		}
	}
	if strings.Count(table, "quiet talks") != 1 {
		t.Error("the first version's words are repeated in the second cell")
	}
	md := string(write(t, s, report.Markdown))
	if !strings.Contains(md, `\[−10 words\] **Tuesday** to discuss`) {
		t.Errorf("Markdown collation does not count the deletion:\n%s", md)
	}
}

// A story's diff of related versions is given in figures, its text being in
// the collation; near-duplicates and a story without collation keep the
// word diff.
func TestStoryDiffOfRelatedVersionsDefersToTheCollation(t *testing.T) {
	s := storyModel()
	s.Diffs[1].Mode = align.ModeAligned
	s.Diffs[0].Mode = align.ModeDiff
	for _, f := range []report.Format{report.HTML, report.Markdown} {
		out := string(write(t, s, f))
		if got := strings.Count(out, "Related versions: the collation above"); got != 1 {
			t.Errorf("%s: %d diffs defer to the collation, want 1", f, got)
		}
		if got := strings.Count(out, "moved to #1"); got != 1 {
			t.Errorf("%s: %d word diffs shown, want the near-duplicates' one", f, got)
		}
	}
	if text := pdfTextOf(t, s); strings.Count(text, "Related versions: the collation above") != 1 {
		t.Error("PDF: the related versions' diff does not defer to the collation")
	}
	s.Collation = nil
	if out := string(write(t, s, report.HTML)); strings.Contains(out, "the collation above") || strings.Count(out, "[moved to #1]") != 2 {
		t.Error("without a collation, a story report must show every word diff")
	}
}
