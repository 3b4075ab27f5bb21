package cli_test

import (
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	_ "modernc.org/sqlite" // to count articles behind the archive's back
)

// TestHostileImportExitCodes: an import in which every file failed is a
// failure for a script (exit 1), with the summary still printed; one in
// which some files were stored is not.
func TestHostileImportExitCodes(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad")
	os.MkdirAll(bad, 0o755)
	os.WriteFile(filepath.Join(bad, "binary.txt"), []byte{0, 1, 2, 3}, 0o644)
	os.WriteFile(filepath.Join(bad, "blank.txt"), []byte("  \n"), 0o644)
	db := filepath.Join(dir, "a.db")
	r := run(t, db, "import", "--no-analyze", bad)
	if r.code != 1 {
		t.Errorf("every file failed: exit %d, want 1 (stderr %q)", r.code, r.stderr)
	}
	if !strings.Contains(r.stdout, "2 failed") || !strings.Contains(r.stdout, "binary.txt") {
		t.Errorf("summary not printed: %q", r.stdout)
	}
	if !strings.Contains(r.stderr, "no file") {
		t.Errorf("stderr %q does not say that no file could be imported", r.stderr)
	}
	os.WriteFile(filepath.Join(bad, "good.txt"), []byte("A good one\n\nWith words in it.\n"), 0o644)
	if r := run(t, db, "import", "--no-analyze", bad); r.code != 0 {
		t.Errorf("one file of three stored: exit %d, want 0 (stderr %q)", r.code, r.stderr)
	}
	if r := run(t, db, "import", "--no-analyze", filepath.Join(dir, "missing")); r.code != 1 {
		t.Errorf("a missing folder: exit %d, want 1", r.code)
	}
}

// TestHostileFollowLinks: links out of the folders given are skipped and
// listed; --follow-links follows them.
func TestHostileFollowLinks(t *testing.T) {
	dir := t.TempDir()
	corpus := filepath.Join(dir, "corpus")
	other := filepath.Join(dir, "other")
	os.MkdirAll(corpus, 0o755)
	os.MkdirAll(other, 0o755)
	os.WriteFile(filepath.Join(corpus, "a.txt"), []byte("Article A\n\nIts words.\n"), 0o644)
	os.WriteFile(filepath.Join(other, "b.txt"), []byte("Article B\n\nOther words.\n"), 0o644)
	if err := os.Symlink(other, filepath.Join(corpus, "linked")); err != nil {
		t.Skip(err)
	}
	db := filepath.Join(dir, "a.db")
	r := run(t, db, "import", "--no-analyze", corpus)
	if r.code != 0 || !strings.Contains(r.stdout, "1 articles added") || !strings.Contains(r.stdout, "skipped: "+filepath.Join(corpus, "linked")+": symbolic link to") {
		t.Errorf("without --follow-links: exit %d, %q", r.code, r.stdout)
	}
	r = run(t, db, "import", "--no-analyze", "--follow-links", corpus)
	if r.code != 0 || !strings.Contains(r.stdout, "1 articles added") || strings.Contains(r.stdout, "skipped") {
		t.Errorf("with --follow-links: exit %d, %q", r.code, r.stdout)
	}
}

// TestHostileDBPaths: --db given something that is not an archive says what
// it is, and leaves it as it was.
func TestHostileDBPaths(t *testing.T) {
	dir := t.TempDir()
	r := run(t, dir, "list")
	if r.code != 1 || !strings.Contains(r.stderr, dir+" is a directory; --db takes an archive file") {
		t.Errorf("a folder as --db: exit %d, stderr %q", r.code, r.stderr)
	}
	empty := filepath.Join(dir, "empty.db")
	os.WriteFile(empty, nil, 0o644)
	r = run(t, empty, "import", "../testdata/seeds")
	if r.code != 1 || !strings.Contains(r.stderr, "is an empty file, not an archive") {
		t.Errorf("an empty file as --db: exit %d, stderr %q", r.code, r.stderr)
	}
	if fi, _ := os.Stat(empty); fi.Size() != 0 {
		t.Errorf("the empty file became %d bytes", fi.Size())
	}
}

// TestHostileKilledImport kills (SIGKILL) an import of one large JSON file
// while it runs. Batches inside the file must have been committed before the
// kill, `imports` must list the run with the articles it stored, `check`
// must find the archive sound, and the same import run again must complete
// it.
func TestHostileKilledImport(t *testing.T) {
	if os.Getenv("STORYDIFF_KILL_CHILD") != "" {
		t.Skip("run by the parent test")
	}
	dir := t.TempDir()
	const records = 6000
	src := filepath.Join(dir, "feed.json")
	var b strings.Builder
	b.WriteString("[")
	for i := 0; i < records; i++ {
		if i > 0 {
			b.WriteString(",\n")
		}
		fmt.Fprintf(&b, `{"title": "Record %d", "text": "Record %d of the feed, with words of its own: %x."}`, i, i, i*7919)
	}
	b.WriteString("]")
	if err := os.WriteFile(src, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "a.db")
	if r := run(t, db, "list"); r.code != 0 { // create the archive before the child writes
		t.Fatal(r.stderr)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestHostileKilledImportChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), "STORYDIFF_KILL_CHILD="+db, "STORYDIFF_KILL_SRC="+src)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	stored := 0
	for deadline := time.Now().Add(2 * time.Minute); stored == 0 && time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		stored = countArticles(t, db)
	}
	cmd.Process.Kill()
	cmd.Wait()
	stored = countArticles(t, db)
	if stored == 0 || stored >= records {
		t.Fatalf("%d of %d records stored when the import was killed: want some, committed in batches while the file was read", stored, records)
	}
	r := run(t, db, "imports")
	if !strings.Contains(r.stdout, "running or interrupted") || !strings.Contains(r.stdout, fmt.Sprintf("%d added", stored)) {
		t.Errorf("imports after the kill (%d stored): %q", stored, r.stdout)
	}
	if r := run(t, db, "check"); r.code != 0 {
		t.Errorf("check after the kill: exit %d, %s %s", r.code, r.stdout, r.stderr)
	}
	if r := run(t, db, "import", "--no-analyze", src); r.code != 0 {
		t.Fatalf("import again: exit %d, %s", r.code, r.stderr)
	}
	if n := countArticles(t, db); n != records {
		t.Errorf("after importing again: %d articles, want %d", n, records)
	}
}

// TestHostileKilledImportChild is the import the test above kills.
func TestHostileKilledImportChild(t *testing.T) {
	db := os.Getenv("STORYDIFF_KILL_CHILD")
	if db == "" {
		t.Skip("run by TestHostileKilledImport")
	}
	run(t, db, "import", "--no-analyze", os.Getenv("STORYDIFF_KILL_SRC"))
}

func countArticles(t *testing.T, db string) int {
	t.Helper()
	conn, err := sql.Open("sqlite", "file:"+db+"?mode=ro&_pragma=busy_timeout(10000)")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var n int
	if err := conn.QueryRow("SELECT count(*) FROM articles").Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// An archive made by an older version is updated when a command opens it,
// which can take a minute at a million articles: the command says so first,
// on standard error, once; an up-to-date or new archive says nothing.
func TestOlderArchiveIsUpdatedWithANotice(t *testing.T) {
	db := filepath.Join(t.TempDir(), "a.db")
	if r := run(t, db, "list"); strings.Contains(r.stderr, "Updating") {
		t.Fatalf("a new archive: %q", r.stderr)
	}
	if r := run(t, db, "list"); strings.Contains(r.stderr, "Updating") {
		t.Fatalf("an up-to-date archive: %q", r.stderr)
	}
	conn, err := sql.Open("sqlite", "file:"+db)
	if err != nil {
		t.Fatal(err)
	}
	// Migration 0016 only drops indexes if they exist and sets an FTS5
	// option: run again, it changes nothing but the version.
	if _, err := conn.Exec("PRAGMA user_version = 15"); err != nil {
		t.Fatal(err)
	}
	conn.Close()
	r := run(t, db, "list", "--json")
	if n := strings.Count(r.stderr, "Updating "+db); n != 1 || !strings.Contains(r.stderr, "(15 to ") {
		t.Errorf("stderr %q; want one notice naming the archive and its format 15", r.stderr)
	}
	if strings.TrimSpace(r.stdout) != "[]" {
		t.Errorf("stdout %q; want the JSON alone", r.stdout)
	}
}
