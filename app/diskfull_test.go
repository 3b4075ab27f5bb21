package app_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/storydiff/storydiff/app"
	"github.com/storydiff/storydiff/core"
	"github.com/storydiff/storydiff/internal/testfs"
)

func TestImportOnFullDisk(t *testing.T)  { testfs.RunInNamespace(t, "TestImportOnFullDiskHelper") }
func TestAnalyzeOnFullDisk(t *testing.T) { testfs.RunInNamespace(t, "TestAnalyzeOnFullDiskHelper") }

func checkSound(t *testing.T, svc *app.Service, when string) {
	t.Helper()
	problems, err := svc.Check(context.Background())
	if err != nil || len(problems) > 0 {
		t.Fatalf("%s: check found %v, %v; want a sound archive", when, problems, err)
	}
}

// articleCount counts the stored articles straight from the archive.
func articleCount(t *testing.T, svc *app.Service) int {
	t.Helper()
	page, err := svc.ListArticles(context.Background(), core.ListQuery{Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	return page.Total
}

// fill writes a file until the file system holding dir is full, leaving
// about keep bytes free, and returns its path so that the space can be
// freed again.
func fill(t *testing.T, dir string, keep int64) string {
	t.Helper()
	free := freeBytes(t, dir)
	path := filepath.Join(dir, "filler")
	if free > keep {
		if err := os.WriteFile(path, make([]byte, free-keep), 0o644); err != nil && !errors.Is(err, syscall.ENOSPC) {
			t.Fatal(err)
		}
	}
	return path
}

func freeBytes(t *testing.T, dir string) int64 {
	t.Helper()
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		t.Fatal(err)
	}
	return int64(st.Bavail) * int64(st.Bsize)
}

func wantFullError(t *testing.T, err error, dbPath string, extra ...string) {
	t.Helper()
	if got := core.ErrorCode(err); got != core.EFULL {
		t.Fatalf("error code %q (%v), want %q", got, err, core.EFULL)
	}
	msg := core.ErrorMessage(err)
	for _, want := range append([]string{dbPath, "full"}, extra...) {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q does not say %q", msg, want)
		}
	}
	if strings.Contains(msg, "\n") {
		t.Errorf("message %q is not one line", msg)
	}
}

// TestImportOnFullDiskHelper imports into an archive whose disk fills up
// partway, at several points. The import must stop with an error that names
// the archive and counts what was stored, leave a sound archive holding only
// whole batches, and, once space is freed, the same import must complete it
// to exactly a clean run's articles.
func TestImportOnFullDiskHelper(t *testing.T) {
	if !testfs.InHelper() {
		t.Skip("run inside a namespace by its parent test")
	}
	ctx := context.Background()
	corpus := t.TempDir()
	const n = 600
	writeCorpus(t, corpus, n)
	clean := openService(t, filepath.Join(t.TempDir(), "clean.db"))
	if _, err := clean.Import(ctx, []string{corpus}, app.ImportOptions{NoAnalyze: true}, nil); err != nil {
		t.Fatal(err)
	}
	want := hashes(t, clean)
	clean.Close()

	// Room left on the disk once the empty archive is made: the disk fills
	// in the first batches, in the middle, or late.
	cases := []struct {
		room int64
		// moveAway: the researcher copies the archive to a bigger disk
		// instead of freeing space on this one.
		moveAway bool
	}{
		{300 << 10, true},
		{900 << 10, false},
		{2 << 20, false},
	}
	for _, c := range cases {
		room := c.room
		t.Run(fmt.Sprintf("%dKB free, moved %v", room>>10, c.moveAway), func(t *testing.T) {
			dir := testfs.MountTmpfs(t, "64m")
			dbPath := filepath.Join(dir, "archive.db")
			svc := openService(t, dbPath)
			defer func() { svc.Close() }()
			filler := fill(t, dir, room)
			sum, err := svc.Import(ctx, []string{corpus}, app.ImportOptions{NoAnalyze: true, BatchSize: 20}, nil)
			if err == nil {
				t.Fatalf("import into a full disk succeeded (%d added); the disk did not fill, leave less room", sum.Added)
			}
			wantFullError(t, err, dbPath, fmt.Sprintf("%d articles were stored", sum.Added), "run the same import again")
			if sum.Added == 0 || sum.Added >= n {
				t.Errorf("stored %d of %d before the disk filled, want some but not all", sum.Added, n)
			}
			if got := articleCount(t, svc); got != sum.Added {
				t.Errorf("archive holds %d articles, the error says %d", got, sum.Added)
			}
			checkSound(t, svc, "after the disk filled")
			if ims, err := svc.Imports(ctx); err != nil || len(ims) != 1 || ims[0].Status != "failed" || ims[0].Added != sum.Added {
				t.Errorf("recorded imports = %+v, %v; want one failed run with %d added", ims, err, sum.Added)
			}
			t.Logf("the disk filled after %d of %d articles: %s", sum.Added, n, core.ErrorMessage(err))

			// Free the space and run the same import again, reopening the
			// archive as a new process would.
			svc.Close()
			if c.moveAway {
				// A close on a full disk cannot fold the WAL back into the
				// archive file, so copying that file alone would lose
				// articles; backup writes one whole file elsewhere.
				full := openService(t, dbPath)
				moved := filepath.Join(t.TempDir(), "archive.db")
				if err := full.Backup(ctx, moved); err != nil {
					t.Fatalf("backup of an archive on a full disk: %v", err)
				}
				full.Close()
				dbPath = moved
			} else if err := os.Remove(filler); err != nil {
				t.Fatal(err)
			}
			if fi, err := os.Stat(dbPath + "-wal"); err == nil {
				t.Logf("after closing on a full disk the -wal file holds %d bytes", fi.Size())
			}
			svc = openService(t, dbPath)
			if got := articleCount(t, svc); got != sum.Added {
				t.Errorf("reopened archive holds %d articles, want the %d stored before the disk filled", got, sum.Added)
			}
			again, err := svc.Import(ctx, []string{corpus}, app.ImportOptions{NoAnalyze: true}, nil)
			if err != nil {
				t.Fatalf("import again after freeing space: %v", err)
			}
			if sum.Added+again.Added != n {
				t.Errorf("first run added %d, second %d: want %d in all", sum.Added, again.Added, n)
			}
			if got := hashes(t, svc); strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("after a full disk and a second import: %d articles, want the %d of a clean run", len(got), len(want))
			}
			checkSound(t, svc, "after the second import")
		})
	}
}

// TestAnalyzeOnFullDiskHelper runs the analysis with little or no room left
// for its results: it must fail with the same clear error, leave the archive
// sound, and succeed once space is freed.
func TestAnalyzeOnFullDiskHelper(t *testing.T) {
	if !testfs.InHelper() {
		t.Skip("run inside a namespace by its parent test")
	}
	ctx := context.Background()
	corpus := t.TempDir()
	const n = 300
	writeCorpus(t, corpus, n-30)
	// Republished copies with a line added, so that there are near
	// duplicates to find.
	copies, _ := filepath.Glob(filepath.Join(corpus, "d0[0-6]", "00[0-2]*.txt"))
	if len(copies) != 30 {
		t.Fatalf("%d files to copy, want 30", len(copies))
	}
	for _, c := range copies {
		b, err := os.ReadFile(c)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(strings.TrimSuffix(c, ".txt")+"-update.txt", append(b, "Updated at noon.\n"...), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// How much disk the analysis takes, so that the disk can fill partway
	// through it whatever the analysis stores, and what it finds.
	var clean *app.AnalyzeSummary
	need := func() int64 {
		dir := testfs.MountTmpfs(t, "64m")
		svc := openService(t, filepath.Join(dir, "archive.db"))
		if _, err := svc.Import(ctx, []string{corpus}, app.ImportOptions{NoAnalyze: true}, nil); err != nil {
			t.Fatal(err)
		}
		// Reopened, the archive starts the analysis with an empty WAL, as
		// the runs below do: how far the import's WAL had been folded back
		// would otherwise change what the analysis takes.
		svc.Close()
		svc = openService(t, filepath.Join(dir, "archive.db"))
		defer svc.Close()
		before := freeBytes(t, dir)
		var err error
		if clean, err = svc.Analyze(ctx, app.AnalyzeOptions{}, nil); err != nil {
			t.Fatal(err)
		}
		return before - freeBytes(t, dir)
	}()
	t.Logf("the analysis of %d articles takes %d KB and finds %+v", n, need>>10, *clean)
	if clean.NearGroups == 0 {
		t.Fatalf("a clean analysis found no near duplicates (%+v): the comparison below would prove little", *clean)
	}
	for _, room := range []int64{0, need / 2, need * 3 / 4} {
		t.Run(fmt.Sprintf("%dKB free", room>>10), func(t *testing.T) {
			dir := testfs.MountTmpfs(t, "64m")
			dbPath := filepath.Join(dir, "archive.db")
			svc := openService(t, dbPath)
			defer func() { svc.Close() }()
			if _, err := svc.Import(ctx, []string{corpus}, app.ImportOptions{NoAnalyze: true}, nil); err != nil {
				t.Fatal(err)
			}
			svc.Close()
			svc = openService(t, dbPath)
			filler := fill(t, dir, room)
			stage := ""
			_, err := svc.Analyze(ctx, app.AnalyzeOptions{}, func(p core.Progress) { stage = p.Stage })
			wantFullError(t, err, dbPath)
			t.Logf("analysis on a full disk, in stage %q: %s", stage, core.ErrorMessage(err))
			checkSound(t, svc, "after the analysis met a full disk")
			if got := articleCount(t, svc); got != n {
				t.Errorf("archive holds %d articles after the failed analysis, want %d", got, n)
			}

			if err := os.Remove(filler); err != nil {
				t.Fatal(err)
			}
			an, err := svc.Analyze(ctx, app.AnalyzeOptions{}, nil)
			if err != nil {
				t.Fatalf("analysis after freeing space: %v", err)
			}
			// What the failed run stored is kept; together the two runs
			// find what a clean run finds.
			got := [6]int{an.Articles, an.Pairs, an.ExactGroups, an.NearGroups, an.Repeats, an.Stories}
			want := [6]int{clean.Articles, clean.Pairs, clean.ExactGroups, clean.NearGroups, clean.Repeats, clean.Stories}
			if got != want {
				t.Errorf("analysis after freeing space found (articles, pairs, exact, near, repeats, stories) %v, want %v as a clean run", got, want)
			}
			checkSound(t, svc, "after the second analysis")
		})
	}
}
