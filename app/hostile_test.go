package app_test

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/storydiff/storydiff/app"
)

// TestHostileCorpus imports a folder of files made to break importers. The
// import must finish, report every bad file with a reason, import the good
// ones, and keep memory bounded.
func TestHostileCorpus(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	good := "A good article\n\nIt has a title and a body of ordinary words, as news does.\n"
	write("good.txt", []byte(good))
	write("good.md", []byte("# A Markdown article\n\nWith a paragraph of words.\n"))
	write("binary.txt", append([]byte("\x7fELF\x02\x01\x01"), make([]byte, 4096)...))
	write("empty.txt", nil)
	write("nul-bytes.txt", []byte("Title\x00\x00\x00 and then \x00 more"))
	write("invalid-utf16.txt", []byte{0xFF, 0xFE, 0x00, 0xD8, 0x41}) // BOM, lone surrogate, odd length
	write("invalid-utf8.txt", []byte("Caf\xc3 \xff\xfe broken \xed\xa0\x80 bytes\n\nbody"))
	write("long-line.txt", []byte("One line "+strings.Repeat("word ", 1<<20)))
	write("nested.html", []byte("<html><body>"+strings.Repeat("<div>", 100000)+"deep"+strings.Repeat("</div>", 100000)+"</body></html>"))
	write("scripts.html", []byte(`<html><head><title>Hostile page</title><script>window.pwned=1</script></head>
<body onload="alert(1)"><article><h1>Hostile page</h1><p>Text with <img src=x onerror="alert(2)"> and
<a href="javascript:alert(3)">a link</a>, long enough to be the article's main text for an extractor to keep it.</p>
<p>A second paragraph of the hostile page, again with enough words to count as the body of a news article.</p></article></body></html>`))
	write("wrong-types.json", []byte(`{"title": 42, "text": ["not", "a", "string"], "date": {"y": 2024}}`))
	write("deep.json", []byte(strings.Repeat("[", 10000)+strings.Repeat("]", 10000)))
	write("records.jsonl", []byte("{\"title\":\"One\",\"text\":\"First record text.\"}\n{broken\n{\"title\":\"Three\",\"text\":\"Third record text.\"}\n"))
	write("name\nwith newline.txt", []byte("Newline name\n\nbody of it"))
	write("latin1-\xe9t\xe9.txt", []byte("Non-UTF-8 file name\n\nbody of it"))
	// A 200 MB file costs nothing on disk when sparse; it must be refused by
	// size before it is read.
	big := filepath.Join(dir, "huge.txt")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(200 << 20); err != nil {
		t.Fatal(err)
	}
	f.Close()
	os.Symlink(filepath.Join(dir, "nowhere.txt"), filepath.Join(dir, "broken-link.txt"))
	loop := filepath.Join(dir, "loop")
	os.Mkdir(loop, 0o755)
	os.Symlink(loop, filepath.Join(loop, "again"))
	os.Symlink(filepath.Join(dir, "self-a.txt"), filepath.Join(dir, "self-b.txt"))
	os.Symlink(filepath.Join(dir, "self-b.txt"), filepath.Join(dir, "self-a.txt"))

	svc := openService(t, filepath.Join(t.TempDir(), "a.db"))
	defer svc.Close()

	var peak atomic.Uint64
	stop := make(chan struct{})
	go func() {
		var ms runtime.MemStats
		for {
			select {
			case <-stop:
				return
			case <-time.After(20 * time.Millisecond):
				runtime.ReadMemStats(&ms)
				if ms.HeapInuse > peak.Load() {
					peak.Store(ms.HeapInuse)
				}
			}
		}
	}()
	sum, err := svc.Import(context.Background(), []string{dir}, app.ImportOptions{}, nil)
	close(stop)
	if err != nil {
		t.Fatalf("import of the hostile corpus failed as a whole: %v", err)
	}
	t.Logf("hostile corpus: %d files seen, %d added, %d failed, %d skipped; peak Go heap %d MB",
		sum.FilesSeen, sum.Added, len(sum.Failed), len(sum.Skipped), peak.Load()>>20)
	reason := map[string]string{}
	for _, f := range append(sum.Failed, sum.Skipped...) {
		if strings.TrimSpace(f.Error) == "" {
			t.Errorf("%q reported without a reason", f.Path)
		}
		reason[filepath.Base(strings.SplitN(f.Path, "#", 2)[0])] += f.Error + "; "
	}
	for _, name := range []string{"binary.txt", "empty.txt", "huge.txt", "broken-link.txt", "deep.json", "records.jsonl", "nested.html", "invalid-utf16.txt"} {
		if reason[name] == "" {
			t.Errorf("%s: not reported (reports: %v)", name, reason)
		}
	}
	for _, name := range []string{"self-a.txt", "self-b.txt"} {
		if reason[name] == "" {
			t.Errorf("%s (a link loop): not reported", name)
		}
	}
	if !strings.Contains(reason["huge.txt"], "limit") {
		t.Errorf("huge.txt: reason %q does not name the size limit", reason["huge.txt"])
	}
	// What must come through: the good files, both JSONL records that parse,
	// the hostile page's text, the long line, and the oddly named files.
	ids := map[string]bool{}
	for _, id := range sum.Articles {
		a, err := svc.GetArticle(context.Background(), fmt.Sprint(id))
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range a.Locations {
			ids[filepath.Base(l.Path)] = true
		}
		if strings.Contains(a.Text, "<script") || strings.Contains(a.Text, "onerror") {
			t.Errorf("article %d keeps markup from the page: %.200q", id, a.Text)
		}
	}
	for _, name := range []string{"good.txt", "good.md", "records.jsonl", "scripts.html", "long-line.txt", "name\nwith newline.txt", "latin1-\xe9t\xe9.txt"} {
		if !ids[name] {
			t.Errorf("%q was not imported", name)
		}
	}
	if peak.Load() > 1<<30 {
		t.Errorf("peak heap %d MB: memory is not bounded", peak.Load()>>20)
	}
}

// TestHostileLinksImport imports a corpus holding links to system files and
// folders: none of them may become an article (from the archive they reach
// shared reports), and each is listed as skipped with where it leads.
func TestHostileLinksImport(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("uses /etc and /proc")
	}
	corpus := t.TempDir()
	if err := os.WriteFile(filepath.Join(corpus, "good.txt"), []byte("A good article\n\nWith a body of words.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for name, target := range map[string]string{"shadow.txt": "/etc/shadow", "status.md": "/proc/self/status", "dir": "/etc", "passwd.txt": "/etc/passwd"} {
		if err := os.Symlink(target, filepath.Join(corpus, name)); err != nil {
			t.Fatal(err)
		}
	}
	svc := openService(t, filepath.Join(t.TempDir(), "a.db"))
	defer svc.Close()
	sum, err := svc.Import(context.Background(), []string{corpus}, app.ImportOptions{NoAnalyze: true}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Added != 1 {
		t.Errorf("added %d articles, want only good.txt", sum.Added)
	}
	skipped := map[string]string{}
	for _, s := range sum.Skipped {
		skipped[filepath.Base(s.Path)] = s.Error
	}
	for _, name := range []string{"shadow.txt", "status.md", "dir", "passwd.txt"} {
		if !strings.Contains(skipped[name], "not followed") {
			t.Errorf("%s: skipped with %q, want a reason saying the link was not followed", name, skipped[name])
		}
	}
}

// TestHostileImportRoots: an interface reached over the network imports only
// article files under the folders it was given, and nothing when it was
// given none; the desktop's UI, which is not restricted, imports anything the
// user picks.
func TestHostileImportRoots(t *testing.T) {
	base := t.TempDir()
	corpus := filepath.Join(base, "corpus")
	outside := filepath.Join(base, "outside")
	for _, d := range []string{corpus, outside} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	files := map[string]string{
		filepath.Join(corpus, "good.txt"):     "A good article\n\nWith a body.\n",
		filepath.Join(corpus, "notes.pdf"):    "%PDF",
		filepath.Join(outside, "private.txt"): "Not given\n\nto the server.\n",
	}
	for p, s := range files {
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(outside, filepath.Join(corpus, "out")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(outside, "private.txt"), filepath.Join(corpus, "private.txt")); err != nil {
		t.Fatal(err)
	}
	svc := openService(t, filepath.Join(t.TempDir(), "a.db"))
	defer svc.Close()
	done := make(chan app.JobDone, 4)

	ui := app.NewUI(svc)
	ui.SetEmitter(emitFunc(func(event string, data any) {
		if d, ok := data.(app.JobDone); ok && event == "job:done" {
			done <- d
		}
	}))
	roots, err := app.NewImportRoots([]string{corpus})
	if err != nil {
		t.Fatal(err)
	}
	ui.RestrictImports(roots)
	refused := []struct{ path, why string }{
		{"/etc/passwd", "not under"},
		{outside, "not under"},
		{filepath.Join(corpus, "..", "outside", "private.txt"), "not under"},
		{filepath.Join(corpus, "out"), "not under"},
		{filepath.Join(corpus, "private.txt"), "not under"},
		{filepath.Join(corpus, "notes.pdf"), "not an article file"},
		{"relative/path.txt", "absolute"},
	}
	for _, r := range refused {
		if _, err := ui.StartImport([]string{filepath.Join(corpus, "good.txt"), r.path}); err == nil || !strings.Contains(err.Error(), r.why) {
			t.Errorf("import of %s: got %v, want refused saying %q", r.path, err, r.why)
		}
	}
	if _, err := ui.StartImport([]string{corpus}); err != nil {
		t.Fatalf("import of the root itself: %v", err)
	}
	d := <-done
	sum, ok := d.Result.(*app.ImportSummary)
	if d.Error != "" || !ok || sum.Added != 1 {
		t.Fatalf("import under the root: %+v, want good.txt alone added", d)
	}

	closed := app.NewUI(svc)
	closed.RestrictImports(nil)
	if _, err := closed.StartImport([]string{filepath.Join(corpus, "good.txt")}); err == nil || !strings.Contains(err.Error(), "--import-root") {
		t.Errorf("import with no roots given: %v, want refused, naming --import-root", err)
	}
	if _, err := app.NewImportRoots([]string{filepath.Join(base, "missing")}); err == nil {
		t.Errorf("a root that does not exist was accepted")
	}
}

// TestHostileDamagedArchive: an import into an archive whose pages are
// damaged must refuse, write nothing, and point to `storydiff check` and
// `storydiff backup`; before, it wrote on without a word, since an import
// reads only the pages it appends to.
func TestHostileDamagedArchive(t *testing.T) {
	corpus := t.TempDir()
	writeCorpus(t, corpus, 60)
	more := t.TempDir()
	writeCorpusSeed(t, more, 5, 9)
	cases := []struct {
		name   string
		damage func(t *testing.T, path string)
	}{
		{"pages overwritten, after an import that never finished", func(t *testing.T, path string) {
			leaf := rawInt(t, path, `SELECT pageno FROM dbstat WHERE name = 'articles' AND pagetype = 'leaf' ORDER BY path LIMIT 1`)
			rawExecApp(t, path, `INSERT INTO imports(roots, started_at) VALUES ('["/killed"]', '2026-01-01T00:00:00Z')`)
			overwritePage(t, path, leaf)
		}},
		{"the file cut short", func(t *testing.T, path string) {
			fi, _ := os.Stat(path)
			if err := os.Truncate(path, fi.Size()/2); err != nil {
				t.Fatal(err)
			}
		}},
		{"the page an import appends to overwritten", func(t *testing.T, path string) {
			leaf := rawInt(t, path, `SELECT pageno FROM dbstat WHERE name = 'articles' AND pagetype = 'leaf' ORDER BY path DESC LIMIT 1`)
			overwritePage(t, path, leaf)
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "a.db")
			svc := openService(t, path)
			if _, err := svc.Import(context.Background(), []string{corpus}, app.ImportOptions{NoAnalyze: true}, nil); err != nil {
				t.Fatal(err)
			}
			svc.Close()
			tc.damage(t, path)
			before, _ := os.ReadFile(path)
			svc, err := app.Open(context.Background(), path)
			if err != nil {
				// Refusing to open is as good, if it says why.
				if !strings.Contains(err.Error(), "malformed") && !strings.Contains(err.Error(), "damaged") {
					t.Fatalf("open: %v", err)
				}
				return
			}
			_, err = svc.Import(context.Background(), []string{more}, app.ImportOptions{NoAnalyze: true}, nil)
			svc.Close()
			if err == nil || !strings.Contains(err.Error(), "storydiff check") || !strings.Contains(err.Error(), "storydiff backup") {
				t.Fatalf("import into a damaged archive: %v; want refused, pointing to storydiff check and storydiff backup", err)
			}
			if after, _ := os.ReadFile(path); tc.name != "the page an import appends to overwritten" && string(after) != string(before) {
				t.Errorf("the damaged archive was written to before the import was refused")
			}
		})
	}
}

func rawInt(t *testing.T, path, q string) int64 {
	t.Helper()
	raw, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	var n int64
	if err := raw.QueryRow(q).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}

func rawExecApp(t *testing.T, path, stmt string) {
	t.Helper()
	raw, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	if _, err := raw.Exec(stmt); err != nil {
		t.Fatalf("%s: %v", stmt, err)
	}
	if _, err := raw.Exec("PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		t.Fatal(err)
	}
}

// overwritePage fills page n (1-based) of a 4 KB-page archive with garbage,
// as a failing disk or a copy made while another program wrote does.
func overwritePage(t *testing.T, path string, n int64) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteAt([]byte(strings.Repeat("\xab\x13", 2048)), (n-1)*4096); err != nil {
		t.Fatal(err)
	}
}
