package cli_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/storydiff/storydiff/internal/testfs"
)

func TestImportOnFullDiskCommand(t *testing.T) {
	testfs.RunInNamespace(t, "TestImportOnFullDiskCommandHelper")
}

// TestImportOnFullDiskCommandHelper: `storydiff import` into an archive on
// a full disk exits 1 with one line naming the archive and saying the disk
// is full, and the archive stays sound for `storydiff check`.
func TestImportOnFullDiskCommandHelper(t *testing.T) {
	dir := testfs.MountTmpfs(t, "4m")
	db := filepath.Join(dir, "archive.db")
	if r := run(t, db, "imports"); r.code != 0 {
		t.Fatalf("create the archive: exit %d, %s", r.code, r.stderr)
	}
	// Fill what is left of the disk.
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		t.Fatal(err)
	}
	filler := filepath.Join(dir, "filler")
	if err := os.WriteFile(filler, make([]byte, int64(st.Bavail)*int64(st.Bsize)), 0o644); err != nil && !errors.Is(err, syscall.ENOSPC) {
		t.Fatal(err)
	}
	r := run(t, db, "import", "../testdata/seeds")
	line := strings.TrimSuffix(r.stderr, "\n")
	if r.code != 1 || strings.Contains(line, "\n") || !strings.Contains(line, db) || !strings.Contains(line, "full") {
		t.Errorf("import on a full disk: exit %d, stderr %q; want exit 1 and one line naming %s and saying the disk is full", r.code, r.stderr, db)
	}
	t.Logf("import on a full disk: %s", line)
	if err := os.Remove(filler); err != nil {
		t.Fatal(err)
	}
	if r := run(t, db, "check"); r.code != 0 {
		t.Errorf("check after a full disk: exit %d, %s%s", r.code, r.stdout, r.stderr)
	}
	if r := run(t, db, "import", "../testdata/seeds"); r.code != 0 {
		t.Errorf("import again after freeing space: exit %d, %s", r.code, r.stderr)
	}
}
