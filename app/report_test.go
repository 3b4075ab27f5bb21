package app_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/storydiff/storydiff/app"
	"github.com/storydiff/storydiff/core"
	"github.com/storydiff/storydiff/report"
)

var updateReports = flag.Bool("update-reports", false, "rewrite the golden files in testdata/report")

// The golden archive: the five seeds, a republished and edited copy of seed
// 002 (new headline, a moved paragraph, Cyrillic and Greek, hostile markup),
// seed 004 with CRLF line ends (an exact duplicate) and a byte copy of seed
// 000 under another name (a second location of the same article).
const goldenRoot = "/data/news"

type reportArchive struct {
	svc  *app.Service
	dir  string // the temporary folder holding the archive and the files
	db   string
	file map[string]string // name -> path as imported
}

func newReportArchive(t *testing.T) *reportArchive {
	t.Helper()
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	old := report.Version
	report.Version = "test"
	t.Cleanup(func() { report.Version = old })

	dir := t.TempDir()
	ra := &reportArchive{dir: dir, db: filepath.Join(dir, "archive.db"), file: map[string]string{}}
	write := func(sub, name string, data []byte) {
		p := filepath.Join(dir, sub, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		ra.file[name] = p
	}
	seeds, err := filepath.Glob("../testdata/seeds/*.txt")
	if err != nil || len(seeds) != 5 {
		t.Fatalf("seeds: %v (%d files)", err, len(seeds))
	}
	for _, s := range append(seeds, "../testdata/report/extra/002_republished.txt") {
		b, err := os.ReadFile(s)
		if err != nil {
			t.Fatal(err)
		}
		write("seeds", filepath.Base(s), b)
		switch filepath.Base(s) {
		case "004_0cbc97742eea5343.txt":
			write("seeds", "004_crlf.txt", bytes.ReplaceAll(b, []byte("\n"), []byte("\r\n")))
		case "000_e445162bcb1b35cb.txt":
			write("copies", "000_copy.txt", b)
		}
	}
	ctx := context.Background()
	ra.svc = openService(t, ra.db)
	t.Cleanup(func() { ra.svc.Close() })
	if _, err := ra.svc.Import(ctx, []string{filepath.Join(dir, "seeds"), filepath.Join(dir, "copies")},
		app.ImportOptions{Workers: 1}, nil); err != nil {
		t.Fatal(err)
	}
	if err := ra.svc.Judge(ctx, "004_crlf.txt", "004_0cbc97742eea5343.txt", "duplicate", true,
		"Same text, CRLF line ends; <b>not</b> a different version"); err != nil {
		t.Fatal(err)
	}
	return ra
}

// pin rewrites what differs from run to run and machine to machine (the
// temporary folder, import and judgement times) and what analysis tuning
// changes (settings, pairs, events) to fixed values, straight in the
// archive, so that every format, PDF layout included, is the same everywhere
// and changes only when reporting or diffing does.
func (ra *reportArchive) pin(t *testing.T) {
	t.Helper()
	db, err := sql.Open("sqlite", ra.db)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range []string{
		`UPDATE articles SET imported_at = '2024-01-02T03:04:05Z'`,
		`UPDATE judgements SET created_at = '2024-01-03T04:05:06Z'`,
		`UPDATE article_files SET path = replace(path, '` + ra.dir + `', '` + goldenRoot + `')`,
		// The analysis parameters are tuned often; the goldens show how
		// stored settings are reported, not today's values.
		`UPDATE settings SET value = '{"shingle":4,"hashes":128,"bands":32,"near_jaccard":0.5,"story_threshold":0.1}' WHERE key = 'analysis'`,
		// So are the pairs and events analysis finds: the goldens are about
		// how a report shows them, so they get the ones found when the
		// goldens were made (article ids follow the import order).
		`DELETE FROM pairs`,
		`INSERT INTO pairs(a, b, kind, jaccard, containment, score) VALUES
			(1, 2, 'story', 0.016, 0.046, 0.239), (3, 4, 'near', 0.839572192513369, 0.94578313253012, 0.839572192513369),
			(5, 6, 'story', 0.0007, 0.0024, 0.109), (5, 7, 'story', 0.0007, 0.0024, 0.109), (6, 7, 'text', 1, 1, 1)`,
		`DELETE FROM event_members`,
		`DELETE FROM events`,
		`DELETE FROM thread_events`,
		`DELETE FROM threads`,
		`INSERT INTO events(id, label, earliest, first, last, thread, size) VALUES
			(1, 'Ukraine war: Pentagon chief talks with Russian counterpart', 1, NULL, NULL, 0, 2),
			(3, 'Pentagon Chief Urges Russian Counterpart Keep ‘Lines Of Communication Open’ In 1st Call In Months', 3, NULL, NULL, 0, 2),
			(5, 'Hot Phones Between the US and Russia –', 6, NULL, NULL, 0, 3)`,
		`INSERT INTO event_members(article_id, event_id, pinned) VALUES (1, 1, 0), (2, 1, 0), (3, 3, 0), (4, 3, 0), (6, 5, 0), (7, 5, 0), (5, 5, 0)`,
		`UPDATE corrections SET created_at = '2024-01-03T04:05:06Z'`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

// normalise replaces the archive's temporary path, which the app reports
// as it is.
func (ra *reportArchive) normalise(b []byte) []byte {
	return bytes.ReplaceAll(b, []byte(ra.dir), []byte(goldenRoot))
}

// storyOf returns the id of the story holding an article, which analysis
// numbers.
func (ra *reportArchive) storyOf(t *testing.T, ref string) int64 {
	t.Helper()
	st, err := ra.svc.StoryOf(context.Background(), ref)
	if err != nil || st == nil {
		t.Fatalf("no story holds %s: %v", ref, err)
	}
	return st.ID
}

func TestReportGolden(t *testing.T) {
	ra := newReportArchive(t)
	ra.pin(t)
	kinds := []struct {
		name string
		req  app.ReportRequest
	}{
		{"pair", app.ReportRequest{Kind: "pair", Refs: []string{"002_965cdb6d1926d39b.txt", "002_republished.txt"}}},
		{"story", app.ReportRequest{Kind: "story", StoryID: ra.storyOf(t, "004_crlf.txt")}},
		{"duplicates", app.ReportRequest{Kind: "duplicates"}},
		{"archive", app.ReportRequest{Kind: "archive"}},
	}
	_, pdftotextErr := exec.LookPath("pdftotext")
	for _, k := range kinds {
		for _, f := range report.Formats {
			t.Run(k.name+"/"+string(f), func(t *testing.T) {
				req := k.req
				req.Format = string(f)
				var buf bytes.Buffer
				if err := ra.svc.Report(context.Background(), req, &buf); err != nil {
					t.Fatal(err)
				}
				got := ra.normalise(buf.Bytes())
				name := k.name + f.Extension()
				if f == report.PDF {
					if pdftotextErr != nil {
						t.Skip("pdftotext not installed (apt-get install poppler-utils): PDF text not checked")
					}
					got = ra.normalise(pdfText(t, buf.Bytes()))
					name += ".txt"
				}
				compareGolden(t, filepath.Join("../testdata/report", name), got)
			})
		}
	}
}

func compareGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *updateReports {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./app -run TestReportGolden -update-reports)", err)
	}
	if !bytes.Equal(got, want) {
		t.Log("if the change is meant (analysis or diff output changed), refresh with " +
			"go test ./app -run TestReportGolden -update-reports and review the diff")
		gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gl) && i < len(wl); i++ {
			if gl[i] != wl[i] {
				t.Fatalf("%s differs at line %d:\ngot  %q\nwant %q", path, i+1, gl[i], wl[i])
			}
		}
		t.Fatalf("%s differs: got %d lines, want %d", path, len(gl), len(wl))
	}
}

func pdfText(t *testing.T, pdf []byte) []byte {
	t.Helper()
	p := filepath.Join(t.TempDir(), "r.pdf")
	if err := os.WriteFile(p, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", p, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return out
}

// TestReportNamesRealPathsAndHashes checks, before any pinning, that a report
// gives each article's real file paths, the SHA-256 of its bytes and its
// import time, and the archive's path.
func TestReportNamesRealPathsAndHashes(t *testing.T) {
	ra := newReportArchive(t)
	ctx := context.Background()
	for _, f := range []report.Format{report.JSON, report.HTML, report.Markdown, report.CSV} {
		t.Run(string(f), func(t *testing.T) {
			var buf bytes.Buffer
			req := app.ReportRequest{Kind: "pair", Refs: []string{"000_copy.txt", "001_d9fdc833d6f29732.txt"}, Format: string(f)}
			if err := ra.svc.Report(ctx, req, &buf); err != nil {
				t.Fatal(err)
			}
			got := buf.String()
			for _, name := range []string{"000_e445162bcb1b35cb.txt", "000_copy.txt", "001_d9fdc833d6f29732.txt"} {
				b, err := os.ReadFile(ra.file[name])
				if err != nil {
					t.Fatal(err)
				}
				sum := sha256.Sum256(b)
				for _, want := range []string{ra.file[name], hex.EncodeToString(sum[:])} {
					if !strings.Contains(got, want) {
						t.Errorf("report lacks %q", want)
					}
				}
			}
			a, err := ra.svc.GetArticle(ctx, "000_copy.txt")
			if err != nil {
				t.Fatal(err)
			}
			imported := a.ImportedAt.UTC().Format("2006-01-02T15:04:05Z")
			switch f {
			case report.JSON:
				imported = a.ImportedAt.UTC().Format(time.RFC3339Nano)
			case report.HTML, report.Markdown:
				imported = a.ImportedAt.UTC().Format("2006-01-02 15:04:05 UTC")
			}
			for _, want := range []string{imported, ra.db, "2023-11-14"} {
				if !strings.Contains(got, want) {
					t.Errorf("report lacks %q", want)
				}
			}
		})
	}
}

func TestReportIsDeterministic(t *testing.T) {
	ra := newReportArchive(t)
	for _, f := range report.Formats {
		t.Run(string(f), func(t *testing.T) {
			var first, second bytes.Buffer
			req := app.ReportRequest{Kind: "story", StoryID: ra.storyOf(t, "004_crlf.txt"), Format: string(f)}
			if err := ra.svc.Report(context.Background(), req, &first); err != nil {
				t.Fatal(err)
			}
			if err := ra.svc.Report(context.Background(), req, &second); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(first.Bytes(), second.Bytes()) {
				t.Errorf("two %s reports of the same archive differ (%d and %d bytes)", f, first.Len(), second.Len())
			}
		})
	}
}

func TestStoryReportAgainstAChosenVersion(t *testing.T) {
	ra := newReportArchive(t)
	ctx := context.Background()
	id := ra.storyOf(t, "004_crlf.txt")
	st, err := ra.svc.StoryOf(ctx, "004_crlf.txt")
	if err != nil {
		t.Fatal(err)
	}
	base := st.Articles[len(st.Articles)-1].ID
	var buf bytes.Buffer
	req := app.ReportRequest{Kind: "story", StoryID: id, Base: strconv.FormatInt(base, 10), Format: "json"}
	if err := ra.svc.Report(ctx, req, &buf); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Base        string `json:"base"`
		BaseArticle int64  `json:"base_article"`
		Diffs       []struct{ A, B int64 }
	}
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if got.Base != "article" || got.BaseArticle != base || len(got.Diffs) != len(st.Articles)-1 {
		t.Fatalf("base %q %d with %d diffs; want article %d with %d", got.Base, got.BaseArticle, len(got.Diffs), base, len(st.Articles)-1)
	}
	for _, d := range got.Diffs {
		if d.A != base || d.B == base {
			t.Errorf("diff %d -> %d is not against the chosen version %d", d.A, d.B, base)
		}
	}
	req.Base = "001_d9fdc833d6f29732.txt" // in another story
	if err := ra.svc.Report(ctx, req, &buf); core.ErrorCode(err) != core.EINVALID {
		t.Errorf("a base outside the story: error %v, want invalid", err)
	}
}

func TestReportRejectsBadRequests(t *testing.T) {
	ra := newReportArchive(t)
	cases := []struct {
		name string
		req  app.ReportRequest
	}{
		{"unknown kind", app.ReportRequest{Kind: "everything", Format: "html"}},
		{"unknown format", app.ReportRequest{Kind: "archive", Format: "docx"}},
		{"pair of one", app.ReportRequest{Kind: "pair", Refs: []string{"1"}, Format: "md"}},
		{"story without id", app.ReportRequest{Kind: "story", Format: "md"}},
		{"story with bad base", app.ReportRequest{Kind: "story", StoryID: 1, Base: "last", Format: "md"}},
		{"canceled", app.ReportRequest{Kind: "archive", Format: "html"}},
		{"bad alignment", app.ReportRequest{Kind: "pair", Refs: []string{"1", "2"}, Format: "md", Align: "words"}},
		{"bad granularity", app.ReportRequest{Kind: "pair", Refs: []string{"1", "2"}, Format: "md", Compare: app.CompareOptions{By: "line"}}},
		{"no such story", app.ReportRequest{Kind: "story", StoryID: 999, Format: "md"}},
		{"no such article", app.ReportRequest{Kind: "pair", Refs: []string{"1", "999"}, Format: "md"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var buf bytes.Buffer
			ctx, cancel := context.WithCancel(context.Background())
			if c.name == "canceled" {
				cancel()
			}
			defer cancel()
			err := ra.svc.Report(ctx, c.req, &buf)
			if err == nil {
				t.Fatalf("Report(%+v) succeeded, want an error", c.req)
			}
			if buf.Len() != 0 {
				t.Errorf("a failed report wrote %d bytes", buf.Len())
			}
		})
	}
}

type eventLog struct {
	done     chan app.JobDone
	mu       sync.Mutex
	progress []core.Progress
}

func (e *eventLog) Emit(event string, data any) {
	if d, ok := data.(app.JobDone); ok && event == "job:done" {
		e.done <- d
	}
	if p, ok := data.(core.Progress); ok && event == "job:progress" {
		e.mu.Lock()
		e.progress = append(e.progress, p)
		e.mu.Unlock()
	}
}

func TestStartReportWritesTheFileWhole(t *testing.T) {
	ra := newReportArchive(t)
	ev := &eventLog{done: make(chan app.JobDone, 1)}
	ra.svc.SetEmitter(ev)
	out := filepath.Join(t.TempDir(), "story.html")
	id, err := ra.svc.StartReport(app.ReportRequest{Kind: "story", StoryID: ra.storyOf(t, "004_crlf.txt"), Format: "html"}, out)
	if err != nil {
		t.Fatal(err)
	}
	select {
	case d := <-ev.done:
		if d.JobID != id || d.Error != "" || d.Result != out {
			t.Fatalf("job:done = %+v, want job %s with result %s", d, id, out)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("no job:done after 30 s")
	}
	st, err := ra.svc.StoryOf(context.Background(), "004_crlf.txt")
	if err != nil {
		t.Fatal(err)
	}
	diffs := len(st.Articles) - 1
	ev.mu.Lock()
	compared := false
	for _, p := range ev.progress {
		compared = compared || (p.Stage == "comparing" && p.Done == diffs && p.Total == diffs && p.JobID == id)
	}
	ev.mu.Unlock()
	if !compared {
		t.Errorf("no progress event for all %d diffs of the story: %+v", diffs, ev.progress)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasSuffix(b, []byte("</html>\n")) {
		t.Errorf("report file does not end with </html>: ...%q", b[max(0, len(b)-40):])
	}
	left, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".*tmp*"))
	if len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
	if _, err := ra.svc.StartReport(app.ReportRequest{Kind: "story", Format: "html"}, out); err == nil {
		t.Error("StartReport accepted a story report without a story")
	}
}

func TestDuplicatesReportNamesTheKeptCopy(t *testing.T) {
	ra := newReportArchive(t)
	ctx := context.Background()
	if err := ra.svc.Keep(ctx, "004_crlf.txt", nil); err != nil {
		t.Fatal(err)
	}
	kept, err := ra.svc.Resolve(ctx, "004_crlf.txt")
	if err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("Kept: article %d", kept)
	for _, f := range []string{"md", "html", "json"} {
		var b bytes.Buffer
		if err := ra.svc.Report(ctx, app.ReportRequest{Kind: "dupes", Format: f}, &b); err != nil {
			t.Fatal(err)
		}
		got := b.String()
		if f == "json" {
			want = fmt.Sprintf(`"keep": %d`, kept)
		}
		if !strings.Contains(got, want) {
			t.Errorf("%s duplicates report does not say %q", f, want)
		}
	}
}

// TestReportsUseTheAlignment checks that a pair report of two outlets'
// versions carries their aligned sentences, with spans into the stored
// texts, and that a story report carries its collation, in date order.
func TestReportsUseTheAlignment(t *testing.T) {
	ra := newReportArchive(t)
	ra.pin(t) // the story of 004, its CRLF copy and 003
	ctx := context.Background()
	text := func(ref string) (int64, []rune) {
		a, err := ra.svc.GetArticle(ctx, ref)
		if err != nil {
			t.Fatal(err)
		}
		return a.ID, []rune(a.Text)
	}
	idA, textA := text("003_d2567b8d7e929331.txt")
	idB, textB := text("004_0cbc97742eea5343.txt")
	var buf bytes.Buffer
	req := app.ReportRequest{Kind: "pair", Refs: []string{"003_d2567b8d7e929331.txt", "004_0cbc97742eea5343.txt"}, Format: "json"}
	if err := ra.svc.Report(ctx, req, &buf); err != nil {
		t.Fatal(err)
	}
	type span struct {
		Start, End int
		Text       string
	}
	var pair struct {
		Alignment struct {
			A, B int64
			Mode string
			Rows []struct {
				A, B  *span
				Moved bool
			}
		}
	}
	if err := json.Unmarshal(buf.Bytes(), &pair); err != nil {
		t.Fatal(err)
	}
	al := pair.Alignment
	if al.Mode != "aligned" || al.A != idA || al.B != idB {
		t.Fatalf("alignment of %d and %d in mode %q, want %d and %d aligned", al.A, al.B, al.Mode, idA, idB)
	}
	var ryder bool
	var restA, restB []rune
	for _, r := range al.Rows {
		for _, x := range []struct {
			sp   *span
			text []rune
			rest *[]rune
		}{{r.A, textA, &restA}, {r.B, textB, &restB}} {
			if x.sp == nil {
				continue
			}
			if string(x.text[x.sp.Start:x.sp.End]) != x.sp.Text {
				t.Fatalf("row span %d-%d does not hold its text in the stored article", x.sp.Start, x.sp.End)
			}
			*x.rest = append(*x.rest, []rune(x.sp.Text)...)
		}
		ryder = ryder || (r.A != nil && r.B != nil && strings.Contains(r.A.Text, "Ryder") && strings.Contains(r.B.Text, "Ryder"))
	}
	if len(restA) != len(textA) || len(restB) != len(textB) {
		t.Errorf("the rows hold %d of A's %d code points and %d of B's %d", len(restA), len(textA), len(restB), len(textB))
	}
	if !ryder {
		t.Error("no row aligns the two sentences on Pat Ryder")
	}
	buf.Reset()
	req.Format = "html"
	if err := ra.svc.Report(ctx, req, &buf); err != nil {
		t.Fatal(err)
	}
	if page := buf.String(); !strings.Contains(page, `<table class="aligned">`) || strings.Contains(page, `<section class="diff">`) {
		t.Error("the pair page of related versions lacks the aligned table or still has the whole word diff as its body")
	}
	// The researcher may ask for the word diff all the same.
	buf.Reset()
	req.Align = "diff"
	if err := ra.svc.Report(ctx, req, &buf); err != nil {
		t.Fatal(err)
	}
	if page := buf.String(); !strings.Contains(page, `<section class="diff">`) || !strings.Contains(page, `<td>align</td><td>mode</td><td class="mono">diff</td>`) {
		t.Error("a pair report asked for the word diff does not show it, or does not say so in its settings")
	}

	st, err := ra.svc.StoryOf(ctx, "004_crlf.txt")
	if err != nil {
		t.Fatal(err)
	}
	buf.Reset()
	if err := ra.svc.Report(ctx, app.ReportRequest{Kind: "story", StoryID: st.ID, Format: "json"}, &buf); err != nil {
		t.Fatal(err)
	}
	var story struct {
		Diffs []struct {
			A, B int64
			Mode string
		}
		Collation struct {
			Story    int64
			Versions []int64
			Rows     []struct {
				Cells []*struct {
					Article    int64
					Start, End int
					Text       string
				}
				First int64
			}
		}
	}
	if err := json.Unmarshal(buf.Bytes(), &story); err != nil {
		t.Fatal(err)
	}
	// The story: seed 004, its CRLF copy, then seed 003.
	if len(story.Diffs) != 2 || story.Diffs[0].Mode != "diff" || story.Diffs[1].Mode != "aligned" {
		t.Errorf("story diffs %+v: want the copy compared as near-duplicates and 003 as a related version", story.Diffs)
	}
	col := story.Collation
	if col.Story != st.ID || len(col.Versions) != len(st.Articles) || len(col.Rows) == 0 {
		t.Fatalf("collation of story %d: %d versions, %d rows; want story %d, %d versions", col.Story, len(col.Versions), len(col.Rows), st.ID, len(st.Articles))
	}
	texts := map[int64][]rune{}
	for i, a := range st.Articles {
		if col.Versions[i] != a.ID {
			t.Errorf("version %d is article %d, want %d (date order)", i, col.Versions[i], a.ID)
		}
		_, texts[a.ID] = text(strconv.FormatInt(a.ID, 10))
	}
	for k, r := range col.Rows {
		first := int64(0)
		for v, c := range r.Cells {
			if c == nil {
				continue
			}
			if first == 0 {
				first = c.Article
			}
			if c.Article != col.Versions[v] || string(texts[c.Article][c.Start:c.End]) != c.Text {
				t.Fatalf("row %d, cell %d: article %d %d-%d does not hold its text", k, v, c.Article, c.Start, c.End)
			}
		}
		if r.First != first {
			t.Errorf("row %d: first %d, want %d", k, r.First, first)
		}
	}
}
