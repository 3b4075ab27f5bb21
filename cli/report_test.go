package cli_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storydiff/storydiff/cli"
)

func TestReportCommand(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	dir := t.TempDir()
	db := filepath.Join(dir, "archive.db")
	if r := run(t, db, "import", "../testdata/seeds"); r.code != 0 {
		t.Fatalf("import: exit %d, %s", r.code, r.stderr)
	}
	out := filepath.Join(dir, "out", "pair.html")
	os.MkdirAll(filepath.Dir(out), 0o755)
	cases := []struct {
		name     string
		args     []string
		code     int
		stdout   string // a substring of the output, or of the file with --out
		stderr   string
		terminal bool
	}{
		{"pair as markdown", []string{"report", "--pair", "1", "2", "--format", "md"}, 0, "# Comparison of articles 1 and 2", "", false},
		{"flags after the refs", []string{"report", "1", "2", "--pair", "--format", "json"}, 0, `"schema_version": "2"`, "", false},
		{"archive summary as csv", []string{"report", "--archive", "--format", "csv"}, 0, "section,name,value,detail,", "", false},
		{"every article of the archive as csv", []string{"report", "--archive", "--full", "--format", "csv"}, 0, "group,group_kind,", "", false},
		{"--full is for --archive", []string{"report", "--dupes", "--full", "--format", "csv"}, 2, "", "--full", false},
		{"duplicates", []string{"report", "--dupes", "--format", "md"}, 0, "# Duplicate groups", "", false},
		{"story", []string{"report", "--story", "1", "--format", "md", "--base", "first"}, 0, "each version against the first", "", false},
		{"html to a file", []string{"report", "--pair", "1", "2", "--format", "html", "--out", out}, 0, "<!DOCTYPE html>", "", false},
		{"pdf refuses a terminal", []string{"report", "--archive", "--format", "pdf"}, 2, "", "not for the terminal", true},
		{"pdf to a pipe", []string{"report", "--archive", "--format", "pdf"}, 0, "%PDF-", "", false},
		{"no kind", []string{"report", "--format", "md"}, 2, "", "choose one of", false},
		{"two kinds", []string{"report", "--dupes", "--archive"}, 2, "", "choose one of", false},
		{"pair of one", []string{"report", "--pair", "1"}, 2, "", "two articles", false},
		{"pair aligned by force", []string{"report", "--pair", "1", "2", "--format", "json", "--align", "diff"}, 0, `"mode": "diff"`, "", false},
		{"bad alignment", []string{"report", "--pair", "1", "2", "--align", "words"}, 2, "", "--align", false},
		{"bad format", []string{"report", "--dupes", "--format", "docx"}, 2, "", "--format", false},
		{"missing article", []string{"report", "--pair", "1", "99", "--format", "md"}, 1, "", "99", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			env := &cli.Env{Stdout: &stdout, Stderr: &stderr, StdoutIsTerminal: c.terminal}
			code := cli.Main(context.Background(), append([]string{"--db", db}, c.args...), env)
			if code != c.code {
				t.Fatalf("exit %d, want %d; stderr %q", code, c.code, stderr.String())
			}
			got := stdout.String()
			if c.args[len(c.args)-2] == "--out" {
				if got != "" {
					t.Errorf("--out also wrote %d bytes to stdout", len(got))
				}
				b, err := os.ReadFile(out)
				if err != nil {
					t.Fatal(err)
				}
				got = string(b)
			}
			if !strings.Contains(got, c.stdout) {
				t.Errorf("output lacks %q:\n%.300s", c.stdout, got)
			}
			if !strings.Contains(stderr.String(), c.stderr) {
				t.Errorf("stderr %q lacks %q", stderr.String(), c.stderr)
			}
			if c.code != 0 && got != "" {
				t.Errorf("a failed report wrote %d bytes", len(got))
			}
		})
	}
}

// TestReportIntoAFolder checks that --out naming a folder writes the report
// there under the name that says what it holds, and prints that path.
func TestReportIntoAFolder(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	dir := t.TempDir()
	db := filepath.Join(dir, "archive.db")
	if r := run(t, db, "import", "../testdata/seeds"); r.code != 0 {
		t.Fatalf("import: exit %d, %s", r.code, r.stderr)
	}
	out := filepath.Join(dir, "reports")
	if err := os.Mkdir(out, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"report", "--pair", "003_d2567b8d7e929331.txt", "004_0cbc97742eea5343.txt", "--format", "md", "--out", out}, "storydiff-pair-4-vs-5-ukraine-war-austin-talks-to-russian-counterpart-on-the-phone-2023-11-14.md"},
		{[]string{"report", "--dupes", "--format", "csv", "--out", out}, "storydiff-duplicates-2023-11-14.csv"},
		{[]string{"report", "--archive", "--format", "json", "--out", out}, "storydiff-archive-archive-2023-11-14.json"},
	} {
		r := run(t, db, c.args...)
		if r.code != 0 {
			t.Fatalf("%v: exit %d, %s", c.args, r.code, r.stderr)
		}
		want := filepath.Join(out, c.want)
		if strings.TrimSpace(r.stdout) != want {
			t.Errorf("%v printed %q, want the path %q", c.args, r.stdout, want)
		}
		if fi, err := os.Stat(want); err != nil || fi.Size() == 0 {
			t.Errorf("%v: %s not written: %v", c.args, want, err)
		}
	}
}
