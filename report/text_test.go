package report_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/storydiff/storydiff/report"
)

func TestMarkdownKeepsArticleTextInert(t *testing.T) {
	md := string(write(t, pairModel(), report.Markdown))
	// The diff holds a run of four backticks: its fence must be longer.
	if !strings.Contains(md, "\n`````text\n") {
		t.Errorf("diff fence is not longer than the text's backtick runs:\n%s", md)
	}
	open := strings.Index(md, "\n`````text\n")
	closing := strings.Index(md[open+1:], "\n`````\n") + open + 1
	heading := strings.Index(md, "\n# not a heading\n")
	if open < 0 || heading < open || heading > closing {
		t.Errorf("the article's '# not a heading' line is outside the diff's fence (%d, %d, %d)", open, heading, closing)
	}
	for _, want := range []string{`\[z\](javascript:alert(7)) \| \*bold\*`, `Заголовок \<script\>alert(6)\</script\>`} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks the escaped title %q", want)
		}
	}
}

func TestCSVIsOneTablePerReport(t *testing.T) {
	cases := []struct {
		name     string
		model    any
		rows     int
		firstCol string
	}{
		{"pair: one row per aligned row", pairModel(), len(pairModel().Alignment.Rows), "story"},
		{"pair without alignment: one row", func() any { m := pairModel(); m.Alignment = nil; return m }(), 1, "story"},
		{"story: one row per diff and per collation cell", storyModel(), 2 + cells(storyModel()), "story"},
		{"duplicates: one row per member", duplicatesModel(), 2, "group"},
		{"archive: one row per article", archiveModel(), 3, "group"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b := write(t, c.model, report.CSV)
			if !utf8.Valid(b) || bytes.HasPrefix(b, []byte("\xef\xbb\xbf")) {
				t.Fatal("CSV is not UTF-8 without a byte-order mark")
			}
			if !bytes.HasSuffix(b, []byte("\r\n")) {
				t.Error("CSV records do not end in CRLF")
			}
			r := csv.NewReader(bytes.NewReader(b))
			recs, err := r.ReadAll()
			if err != nil {
				t.Fatalf("CSV does not parse: %v", err)
			}
			if got := len(recs) - 1; got != c.rows {
				t.Errorf("got %d rows, want %d", got, c.rows)
			}
			if recs[0][0] != c.firstCol || recs[0][len(recs[0])-1] != "settings" {
				t.Errorf("header = %v", recs[0])
			}
			col := map[string]int{}
			for i, h := range recs[0] {
				col[h] = i
			}
			for _, rec := range recs[1:] {
				if got := rec[col["created"]]; got != "2024-05-06T07:08:09Z" {
					t.Errorf("created = %q", got)
				}
				if i, ok := col["files"]; ok && rec[i] != "/news/<script>x</script>.txt; /news/b.jsonl#3" {
					t.Errorf("files = %q", rec[i])
				}
			}
		})
	}
}

func TestCSVKeepsQuotesCommasAndLineBreaksInOneCell(t *testing.T) {
	recs, err := csv.NewReader(bytes.NewReader(write(t, duplicatesModel(), report.CSV))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	if got, want := recs[1][col["title"]], `One, "two" three`; got != want {
		t.Errorf("title cell = %q, want %q", got, want)
	}
	if got, want := recs[1][col["outlet"]], `Outlet "quoted", with comma`; got != want {
		t.Errorf("outlet cell = %q, want %q", got, want)
	}
	// The first member has no pair with itself; the second has one with it.
	for i, want := range []string{"", "0.946"} {
		if got := recs[1+i][col["containment_to_first"]]; got != want {
			t.Errorf("member %d containment_to_first = %q, want %q", i+1, got, want)
		}
	}
}

func TestArchiveTotals(t *testing.T) {
	var got struct {
		Totals   report.ArchiveTotals `json:"totals"`
		ByOutlet []report.Count       `json:"by_outlet"`
		ByMonth  []report.Count       `json:"by_month"`
	}
	if err := json.Unmarshal(write(t, archiveModel(), report.JSON), &got); err != nil {
		t.Fatal(err)
	}
	want := report.ArchiveTotals{Articles: 3, Undated: 1, ExactGroups: 1, Duplicates: 1, DuplicateRate: 1.0 / 3, Stories: 1,
		Outlets: 2, Languages: 1}
	first, last := got.Totals.FirstPublished, got.Totals.LastPublished
	got.Totals.FirstPublished, got.Totals.LastPublished = nil, nil
	if got.Totals != want {
		t.Errorf("totals = %+v, want %+v", got.Totals, want)
	}
	if first == nil || last == nil || !first.Equal(time.Date(2022, 10, 21, 15, 25, 0, 0, time.UTC)) || !last.Equal(*first) {
		t.Errorf("published from %v to %v, want the one date of the dated articles", first, last)
	}
	if len(got.ByOutlet) != 2 || got.ByOutlet[0].Count != 2 || got.ByOutlet[1].Value != "(unknown)" {
		t.Errorf("by outlet = %+v", got.ByOutlet)
	}
	if len(got.ByMonth) != 1 || got.ByMonth[0] != (report.Count{Value: "2022-10", Count: 2}) {
		t.Errorf("by month = %+v", got.ByMonth)
	}
}

func TestEveryFormatIsDeterministic(t *testing.T) {
	for _, m := range models {
		for _, f := range report.Formats {
			t.Run(m.name+"/"+string(f), func(t *testing.T) {
				if a, b := write(t, m.model(), f), write(t, m.model(), f); !bytes.Equal(a, b) {
					t.Errorf("two renderings of one model differ (%d and %d bytes)", len(a), len(b))
				}
			})
		}
	}
}

func TestEveryReportCarriesItsProvenance(t *testing.T) {
	for _, m := range models {
		for _, f := range []report.Format{report.HTML, report.Markdown, report.CSV, report.JSON} {
			t.Run(m.name+"/"+string(f), func(t *testing.T) {
				out := string(write(t, m.model(), f))
				for _, want := range []string{"test", "2024-05-06", "granularity", ".db"} {
					if !strings.Contains(out, want) {
						t.Errorf("%s report lacks %q", f, want)
					}
				}
				// A summary lists no article; a full archive CSV gives hashes
				// but not the hash-and-time pair checked here.
				if m.name != "archive summary" && (m.name != "archive" || f != report.CSV) {
					if !strings.Contains(out, "ab12cd34ab12cd34") || !strings.Contains(out, "2024-01-02") {
						t.Errorf("%s report lacks an article's hash or import time", f)
					}
				}
			})
		}
	}
}

func TestParseFormat(t *testing.T) {
	cases := []struct {
		in   string
		want report.Format
		ok   bool
	}{{"html", report.HTML, true}, {"PDF", report.PDF, true}, {"markdown", report.Markdown, true}, {"md", report.Markdown, true},
		{"csv", report.CSV, true}, {"json", report.JSON, true}, {"docx", "", false}, {"", "", false}}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			got, err := report.ParseFormat(c.in)
			if got != c.want || (err == nil) != c.ok {
				t.Errorf("ParseFormat(%q) = %q, %v; want %q, ok %v", c.in, got, err, c.want, c.ok)
			}
		})
	}
}

func TestNowHonoursSourceDateEpoch(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	got, err := report.Now()
	if err != nil || got.Unix() != 1700000000 || got.Location().String() != "UTC" {
		t.Errorf("Now() = %v, %v; want 2023-11-14 22:13:20 UTC", got, err)
	}
	t.Setenv("SOURCE_DATE_EPOCH", "yesterday")
	if _, err := report.Now(); err == nil {
		t.Error("Now() accepted SOURCE_DATE_EPOCH=yesterday")
	}
}

func TestWriteRefusesIncompleteModels(t *testing.T) {
	cases := []struct {
		name  string
		model any
	}{
		{"pair without a diff", &report.Pair{}},
		{"story with an empty diff", &report.Story{Diffs: []report.Diff{{A: 1, B: 2}}}},
		{"not a report", struct{}{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for _, f := range report.Formats {
				var buf bytes.Buffer
				if err := report.Write(&buf, c.model, f); err == nil || buf.Len() != 0 {
					t.Errorf("%s: error %v after %d bytes, want an error and nothing written", f, err, buf.Len())
				}
			}
		})
	}
}

func cells(s *report.Story) int {
	n := 0
	for _, r := range s.Collation.Rows {
		for _, c := range r.Cells {
			if c != nil {
				n++
			}
		}
	}
	return n
}
