package cli_test

import (
	"bufio"
	"context"
	"crypto/sha256"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/storydiff/storydiff/cli"
	"github.com/storydiff/storydiff/internal/testfs"
)

// A read-only archive is tested on a real read-only mount (see testfs).

func TestReadOnlyArchiveCommands(t *testing.T) {
	testfs.RunInNamespace(t, "TestReadOnlyArchiveCommandsHelper")
}

// TestReadOnlyArchiveCommandsHelper runs every command on an analysed
// archive on a read-only mount: the reading ones work, the writing ones fail
// at once with one line naming the archive, and its bytes do not change.
func TestReadOnlyArchiveCommandsHelper(t *testing.T) {
	dir := testfs.MountTmpfs(t, "16m")
	db := filepath.Join(dir, "archive.db")
	// The seeds and a republished copy of one, so that there is a
	// duplicate group to keep a copy of.
	corpus := t.TempDir()
	seeds, err := filepath.Glob("../testdata/seeds/*.txt")
	if err != nil || len(seeds) == 0 {
		t.Fatalf("no seeds: %v", err)
	}
	for _, s := range seeds {
		b, err := os.ReadFile(s)
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(corpus, filepath.Base(s)), b, 0o644)
		if strings.HasPrefix(filepath.Base(s), "001_") {
			os.WriteFile(filepath.Join(corpus, "001-again.txt"), append(b, "\n\nUpdated with a correction.\n"...), 0o644)
		}
	}
	writes := []struct {
		name string
		args []string
	}{
		{"import", []string{"import", corpus}},
		{"analyze", []string{"analyze"}},
		{"judge", []string{"judge", "--same", "3", "4"}},
		{"keep", []string{"keep", "001-again.txt"}},
	}
	// Each writing command works while the archive is writable, so that
	// its failure below is the read-only mount's doing.
	for _, c := range writes {
		if r := run(t, db, c.args...); r.code != 0 {
			t.Fatalf("%s on a writable archive: exit %d, %s", c.name, r.code, r.stderr)
		}
	}
	if err := syscall.Mount("", dir, "", syscall.MS_REMOUNT|syscall.MS_RDONLY, ""); err != nil {
		t.Fatalf("remount read-only: %v", err)
	}
	sum := func() string {
		b, err := os.ReadFile(db)
		if err != nil {
			t.Fatal(err)
		}
		return fmt.Sprintf("%x", sha256.Sum256(b))
	}
	before := sum()
	out := t.TempDir() // a writable place for reports and backups

	reads := []struct {
		name string
		args []string
		want string // in stdout
	}{
		{"list", []string{"list"}, "Ukraine"},
		{"show", []string{"show", "1"}, "Austin"},
		{"search", []string{"search", "ceasefire"}, "ceasefire"},
		{"imports", []string{"imports"}, "done"},
		{"dupes", []string{"dupes", "--json"}, "["},
		{"stories", []string{"stories", "--json"}, "["},
		{"repeats", []string{"repeats", "--json"}, "["},
		{"passages", []string{"passages", "--json", "3", "4"}, "["},
		{"diff", []string{"diff", "3", "4"}, "Austin"},
		{"report", []string{"report", "--pair", "3", "4", "--format", "md", "--out", filepath.Join(out, "pair.md")}, ""},
		{"archive report", []string{"report", "--archive", "--format", "json", "--out", filepath.Join(out, "archive.json")}, ""},
		{"backup", []string{"backup", filepath.Join(out, "copy.db")}, "Backed up"},
		{"check", []string{"check"}, "sound"},
	}
	for _, c := range reads {
		r := run(t, db, c.args...)
		if r.code != 0 || !strings.Contains(r.stdout, c.want) {
			t.Errorf("%s on a read-only archive: exit %d, stdout %.200q, stderr %q; want exit 0 and %q", c.name, r.code, r.stdout, r.stderr, c.want)
		}
	}

	for _, c := range writes {
		r := run(t, db, c.args...)
		line := strings.TrimSuffix(r.stderr, "\n")
		if r.code != 1 || strings.Contains(line, "\n") || !strings.Contains(line, db) || !strings.Contains(line, "read-only") {
			t.Errorf("%s on a read-only archive: exit %d, stderr %q; want exit 1 and one line naming %s as read-only", c.name, r.code, r.stderr, db)
		}
		t.Logf("%s: %s", c.name, line)
	}
	// Refused before the folders are listed: a folder that is not there
	// does not get that far.
	if r := run(t, db, "import", filepath.Join(out, "no-such-folder")); !strings.Contains(r.stderr, "read-only") {
		t.Errorf("import of a missing folder into a read-only archive: stderr %q, want the read-only error first", r.stderr)
	}

	serveReadOnly(t, db)

	if after := sum(); after != before {
		t.Errorf("archive bytes changed on a read-only mount: sha256 %s, was %s", after, before)
	}
}

// serveReadOnly runs `storydiff serve` on the archive and reads from its API.
func serveReadOnly(t *testing.T, db string) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	var stderr strings.Builder
	code := make(chan int, 1)
	go func() {
		code <- cli.Main(ctx, []string{"--db", db, "serve", "--addr", "127.0.0.1:0"}, &cli.Env{Stdout: pw, Stderr: &stderr})
		pw.Close()
	}()
	url := ""
	sc := bufio.NewScanner(pr)
	for sc.Scan() {
		if url = urlRE.FindString(sc.Text()); url != "" {
			break
		}
	}
	go io.Copy(io.Discard, pr)
	if url == "" {
		cancel()
		t.Fatalf("serve on a read-only archive printed no address; exit %d, stderr %q", <-code, stderr.String())
	}
	for _, path := range []string{"api/facets", "api/articles", "api/search?q=ceasefire"} {
		res, err := http.Get(url + path)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusOK {
			t.Errorf("serve on a read-only archive: GET /%s = %d, want 200", path, res.StatusCode)
		}
	}
	cancel()
	select {
	case c := <-code:
		if c != 0 {
			t.Errorf("serve exit code %d, want 0 (stderr %q)", c, stderr.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop within 10 s")
	}
}
