package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
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
