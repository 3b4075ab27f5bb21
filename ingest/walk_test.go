package ingest_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/storydiff/storydiff/core"
	"github.com/storydiff/storydiff/ingest"
)

// seen is what a test checks of one entry: its path relative to the tree,
// whether it was skipped, and a substring of its error ("" for none).
type seen struct {
	path    string
	skipped bool
	err     string
}

func collect(t *testing.T, base string, roots []string, opts ingest.Options) []seen {
	t.Helper()
	var got []seen
	err := ingest.Walk(context.Background(), roots, opts, func(e ingest.Entry) error {
		rel, err := filepath.Rel(base, e.Path)
		if err != nil {
			rel = e.Path
		}
		s := seen{path: filepath.ToSlash(rel), skipped: e.Skipped}
		if e.Err != nil {
			s.err = e.Err.Error()
			if code := core.ErrorCode(e.Err); code != core.EINVALID && code != core.ENOTFOUND {
				t.Errorf("%s: error code %q, want invalid or not_found", rel, code)
			}
		}
		got = append(got, s)
		return nil
	})
	if err != nil {
		t.Fatalf("Walk() = %v", err)
	}
	return got
}

func write(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("symbolic links unavailable: %v", err)
	}
}

// tree builds a folder holding one of each kind of entry Walk reports.
func tree(t *testing.T) string {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "b.txt"), "second")
	write(t, filepath.Join(dir, "a.md"), "first")
	write(t, filepath.Join(dir, "big.html"), strings.Repeat("x", 2000))
	write(t, filepath.Join(dir, "notes.pdf"), "%PDF")
	write(t, filepath.Join(dir, "LICENSE"), "text")
	write(t, filepath.Join(dir, "ReadMe.md"), "about this corpus")
	write(t, filepath.Join(dir, ".hidden.txt"), "hidden")
	write(t, filepath.Join(dir, ".git", "HEAD.txt"), "ref")
	write(t, filepath.Join(dir, "sub", "c.JSON"), "{}")
	write(t, filepath.Join(dir, "sub", "saved.htm"), "<html></html>")
	write(t, filepath.Join(dir, "sub", "saved_files", "app.js"), "var a")
	write(t, filepath.Join(dir, "sub", "deeper", "d.jsonl"), "{}")
	symlink(t, "missing.txt", filepath.Join(dir, "broken.txt"))
	symlink(t, "..", filepath.Join(dir, "sub", "loop"))
	symlink(t, "sub", filepath.Join(dir, "twin"))
	symlink(t, "self.txt", filepath.Join(dir, "self.txt"))
	if err := mkfifo(filepath.Join(dir, "pipe.txt")); err != nil {
		t.Logf("no named pipe: %v", err)
	}
	return dir
}

func TestWalk(t *testing.T) {
	dir := tree(t)
	opts := ingest.Options{MaxSize: 1000}
	got := collect(t, dir, []string{dir}, opts)
	want := []seen{
		{path: "LICENSE", skipped: true, err: "not an article file (no extension)"},
		{path: "ReadMe.md", skipped: true, err: "documentation file, not an article (ReadMe.md)"},
		{path: "a.md"},
		{path: "b.txt"},
		{path: "big.html", err: "file is 1 KB, over the 1000 bytes limit"},
		{path: "broken.txt", err: "broken symbolic link"},
		{path: "notes.pdf", skipped: true, err: "not an article file (.pdf)"},
		{path: "pipe.txt", skipped: true, err: "not a regular file (a named pipe)"},
		{path: "self.txt", err: "symbolic link loop"},
		{path: "sub/c.JSON"},
		{path: "sub/deeper/d.jsonl"},
		{path: "sub/loop", err: "symbolic link loop"},
		{path: "sub/saved.htm"},
		{path: "sub/saved_files", skipped: true, err: "resources of a saved web page"},
		{path: "twin", skipped: true, err: "folder already walked"},
	}
	if _, err := os.Lstat(filepath.Join(dir, "pipe.txt")); err != nil {
		want = slices.DeleteFunc(want, func(s seen) bool { return s.path == "pipe.txt" })
	}
	compareSeen(t, got, want)

	n, err := ingest.Count(context.Background(), []string{dir}, opts)
	if err != nil {
		t.Fatalf("Count() error = %v", err)
	}
	var notSkipped int
	for _, s := range got {
		if !s.skipped {
			notSkipped++
		}
	}
	if n != notSkipped {
		t.Errorf("Count() = %d, want %d (the entries Walk gives that are not skipped)", n, notSkipped)
	}
}

func compareSeen(t *testing.T, got, want []seen) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("got %d entries, want %d:\ngot  %+v\nwant %+v", len(got), len(want), got, want)
	}
	for i := 0; i < len(got) && i < len(want); i++ {
		g, w := got[i], want[i]
		if g.path != w.path || g.skipped != w.skipped || (w.err == "") != (g.err == "") || !strings.Contains(g.err, w.err) {
			t.Errorf("entry %d = %+v, want %+v", i, g, w)
		}
	}
}

func TestWalkRoots(t *testing.T) {
	dir := tree(t)
	tests := []struct {
		name  string
		roots []string
		opts  ingest.Options
		want  []seen
	}{
		{
			name:  "files and folders together, a file given twice once, a link out of them not followed",
			roots: []string{filepath.Join(dir, "b.txt"), filepath.Join(dir, "sub"), filepath.Join(dir, "sub", "c.JSON")},
			want:  []seen{{path: "b.txt"}, {path: "sub/c.JSON"}, {path: "sub/deeper/d.jsonl"}, {path: "sub/loop", skipped: true, err: "outside the folders and files given"}, {path: "sub/saved.htm"}, {path: "sub/saved_files", skipped: true, err: "saved web page"}},
		},
		{
			name:  "the same with links followed out of them",
			roots: []string{filepath.Join(dir, "b.txt"), filepath.Join(dir, "sub"), filepath.Join(dir, "sub", "c.JSON")},
			opts:  ingest.Options{FollowLinks: true},
			want:  []seen{{path: "b.txt"}, {path: "sub/c.JSON"}, {path: "sub/deeper/d.jsonl"}, {path: "sub/loop/LICENSE", skipped: true, err: "not an article"}, {path: "sub/loop/ReadMe.md", skipped: true, err: "not an article"}, {path: "sub/loop/a.md"}, {path: "sub/loop/b.txt"}, {path: "sub/loop/big.html"}, {path: "sub/loop/broken.txt", err: "broken symbolic link"}, {path: "sub/loop/notes.pdf", skipped: true, err: "not an article"}, {path: "sub/loop/pipe.txt", skipped: true, err: "named pipe"}, {path: "sub/loop/self.txt", err: "symbolic link loop"}, {path: "sub/loop/sub", err: "symbolic link loop"}, {path: "sub/loop/twin", err: "symbolic link loop"}, {path: "sub/saved.htm"}, {path: "sub/saved_files", skipped: true, err: "saved web page"}},
		},
		{
			name:  "a file named as a root is read whatever its extension",
			roots: []string{filepath.Join(dir, "notes.pdf"), filepath.Join(dir, ".hidden.txt")},
			want:  []seen{{path: "notes.pdf"}, {path: ".hidden.txt"}},
		},
		{
			name:  "a missing root",
			roots: []string{filepath.Join(dir, "nope")},
			want:  []seen{{path: "nope", err: "no such file or folder"}},
		},
		{
			name:  "links not followed",
			roots: []string{filepath.Join(dir, "broken.txt"), filepath.Join(dir, "twin")},
			opts:  ingest.Options{IgnoreSymlinks: true},
			want:  []seen{{path: "broken.txt", skipped: true, err: "not followed"}, {path: "twin", skipped: true, err: "not followed"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			compareSeen(t, collect(t, dir, tt.roots, tt.opts), tt.want)
		})
	}
}

func TestWalkUnreadable(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root, which reads files whatever their permissions; TestReadDeviceError covers a read failure")
	}
	dir := t.TempDir()
	write(t, filepath.Join(dir, "locked.txt"), "secret")
	write(t, filepath.Join(dir, "closed", "x.txt"), "x")
	if err := os.Chmod(filepath.Join(dir, "locked.txt"), 0); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(filepath.Join(dir, "closed"), 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(filepath.Join(dir, "closed"), 0o755) })
	got := collect(t, dir, []string{dir}, ingest.Options{})
	compareSeen(t, got, []seen{
		{path: "closed", err: "cannot read folder: permission denied"},
		{path: "locked.txt", err: "cannot open file: permission denied"},
	})
}

func TestWalkStops(t *testing.T) {
	dir := tree(t)
	t.Run("canceled context", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		calls := 0
		err := ingest.Walk(ctx, []string{dir}, ingest.Options{}, func(ingest.Entry) error {
			calls++
			cancel()
			return nil
		})
		if !errors.Is(err, context.Canceled) {
			t.Errorf("Walk() = %v, want context.Canceled", err)
		}
		if calls != 1 {
			t.Errorf("fn called %d times after cancel, want 1", calls)
		}
		if _, err := ingest.Count(ctx, []string{dir}, ingest.Options{}); !errors.Is(err, context.Canceled) {
			t.Errorf("Count() = %v, want context.Canceled", err)
		}
	})
	t.Run("error from fn", func(t *testing.T) {
		stop := errors.New("stop")
		calls := 0
		err := ingest.Walk(context.Background(), []string{dir}, ingest.Options{}, func(ingest.Entry) error {
			calls++
			return stop
		})
		if !errors.Is(err, stop) || calls != 1 {
			t.Errorf("Walk() = %v after %d calls, want %v after 1", err, calls, stop)
		}
	})
}
