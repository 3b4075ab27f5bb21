package ingest_test

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/storydiff/storydiff/ingest"
)

// TestHostileNamedPipeSwappedIn swaps a file for a named pipe between the
// moment it was found and the moment it is opened. Opening a pipe for
// reading blocks until a writer comes, which hung imports past SIGTERM; the
// file must be refused at once instead. The watchdog only ends a hung test:
// it plays the writer so that the blocked open returns.
func TestHostileNamedPipeSwappedIn(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no named pipes in the file system")
	}
	for _, how := range []string{"read", "walk"} {
		t.Run(how, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "story.txt")
			write(t, path, "A story\n\nIts body.\n")
			restore := ingest.SetBeforeOpen(func(p string) {
				if p != path {
					return
				}
				os.Remove(p)
				if err := mkfifo(p); err != nil {
					t.Errorf("mkfifo: %v", err)
				}
			})
			defer restore()
			done := make(chan error, 1)
			go func() {
				if how == "read" {
					_, err := ingest.Read(path, ingest.Options{})
					done <- err
					return
				}
				var got error
				err := ingest.Walk(context.Background(), []string{dir}, ingest.Options{}, func(e ingest.Entry) error {
					got = e.Err
					return nil
				})
				if err != nil {
					got = err
				}
				done <- got
			}()
			var err error
			select {
			case err = <-done:
			case <-time.After(20 * time.Second):
				if w, werr := os.OpenFile(path, os.O_WRONLY, 0); werr == nil {
					w.Close()
				}
				<-done
				t.Fatal("opening blocked on the named pipe until a writer came")
			}
			if err == nil || !strings.Contains(err.Error(), "named pipe") {
				t.Errorf("got %v, want the file refused as a named pipe", err)
			}
		})
	}
}

// TestHostileLinks walks a corpus holding links to system files and
// folders. By default no link leading outside the folders and files given is
// followed, and each is reported as skipped with where it leads; links
// inside are followed, and a cycle is reported once. FollowLinks follows
// links outside, but never into /proc, /sys or /dev.
func TestHostileLinks(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("uses /etc and /proc")
	}
	base := t.TempDir()
	corpus := filepath.Join(base, "corpus")
	outside := filepath.Join(base, "elsewhere")
	write(t, filepath.Join(corpus, "good.txt"), "good")
	write(t, filepath.Join(corpus, "sub", "a.txt"), "inside")
	write(t, filepath.Join(outside, "private.txt"), "not given")
	symlink(t, "/etc/shadow", filepath.Join(corpus, "shadow.txt"))
	symlink(t, "/proc/self/status", filepath.Join(corpus, "status.md"))
	symlink(t, "/etc", filepath.Join(corpus, "dir"))
	symlink(t, "/sys/kernel", filepath.Join(corpus, "kernel"))
	symlink(t, outside, filepath.Join(corpus, "other"))
	symlink(t, filepath.Join(outside, "private.txt"), filepath.Join(corpus, "private.txt"))
	symlink(t, "sub/a.txt", filepath.Join(corpus, "inside.txt"))
	symlink(t, ".", filepath.Join(corpus, "sub", "loop"))

	t.Run("default", func(t *testing.T) {
		got := collect(t, base, []string{corpus}, ingest.Options{})
		compareSeen(t, got, []seen{
			{path: "corpus/dir", skipped: true, err: "symbolic link to /etc, outside the folders and files given"},
			{path: "corpus/good.txt"},
			{path: "corpus/inside.txt"},
			{path: "corpus/kernel", skipped: true, err: "under /sys"},
			{path: "corpus/other", skipped: true, err: "outside the folders and files given"},
			{path: "corpus/private.txt", skipped: true, err: "outside the folders and files given"},
			{path: "corpus/shadow.txt", skipped: true, err: "symbolic link to /etc/shadow, outside"},
			{path: "corpus/status.md", skipped: true, err: "under /proc"},
			{path: "corpus/sub/a.txt"},
			{path: "corpus/sub/loop", err: "symbolic link loop"},
		})
	})
	t.Run("a link to a root given is inside", func(t *testing.T) {
		got := collect(t, base, []string{corpus, filepath.Join(outside, "private.txt")}, ingest.Options{IgnoreSymlinks: false})
		for _, s := range got {
			if s.path == "corpus/private.txt" && s.skipped {
				t.Errorf("%+v: a link to a file given as a root was not followed", s)
			}
		}
	})
	t.Run("follow links", func(t *testing.T) {
		linked := filepath.Join(base, "linked")
		write(t, filepath.Join(linked, "good.txt"), "good")
		symlink(t, outside, filepath.Join(linked, "other"))
		symlink(t, "/etc/hostname", filepath.Join(linked, "host.txt"))
		symlink(t, "/proc/self/status", filepath.Join(linked, "status.md"))
		symlink(t, "/sys/kernel", filepath.Join(linked, "kernel"))
		symlink(t, "/dev/zero", filepath.Join(linked, "zero.txt"))
		got := collect(t, base, []string{linked}, ingest.Options{FollowLinks: true})
		compareSeen(t, got, []seen{
			{path: "linked/good.txt"},
			{path: "linked/host.txt"},
			{path: "linked/kernel", skipped: true, err: "under /sys"},
			{path: "linked/other/private.txt"},
			{path: "linked/status.md", skipped: true, err: "under /proc"},
			{path: "linked/zero.txt", skipped: true, err: "under /dev"},
		})
	})
	t.Run("system folders named as roots", func(t *testing.T) {
		got := collect(t, base, []string{"/proc/self/status", "/dev/null", "/sys/kernel"}, ingest.Options{FollowLinks: true})
		for _, s := range got {
			if s.err == "" {
				t.Errorf("%+v: a system file was not refused", s)
			}
		}
		if len(got) != 3 {
			t.Errorf("got %+v, want the three roots refused", got)
		}
	})
}
