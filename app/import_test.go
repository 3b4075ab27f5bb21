package app_test

import (
	"bufio"
	"context"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/storydiff/storydiff/app"
	"github.com/storydiff/storydiff/core"
)

func openService(tb testing.TB, path string) *app.Service {
	tb.Helper()
	svc, err := app.Open(context.Background(), path)
	if err != nil {
		tb.Fatalf("open %s: %v", path, err)
	}
	return svc
}

// writeCorpus writes n small distinct articles into dir.
func writeCorpus(tb testing.TB, dir string, n int) { writeCorpusSeed(tb, dir, n, 1) }

// writeCorpusSeed writes n articles made from a random seed: different seeds
// give different articles.
func writeCorpusSeed(tb testing.TB, dir string, n int, seed int64) {
	tb.Helper()
	rng := rand.New(rand.NewSource(seed))
	words := strings.Fields("minister talks ceasefire pentagon outlet report statement border army city council vote election market shares bank")
	for i := 0; i < n; i++ {
		var b strings.Builder
		fmt.Fprintf(&b, "Story number %d of set %d\n\n", i, seed)
		for p := 0; p < 3; p++ {
			for w := 0; w < 40; w++ {
				b.WriteString(words[rng.Intn(len(words))] + " ")
			}
			b.WriteString("\n\n")
		}
		sub := filepath.Join(dir, fmt.Sprintf("d%02d", i%7))
		os.MkdirAll(sub, 0o755)
		if err := os.WriteFile(filepath.Join(sub, fmt.Sprintf("%04d.txt", i)), []byte(b.String()), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
}

func hashes(tb testing.TB, svc *app.Service) []string {
	tb.Helper()
	page, err := svc.ListArticles(context.Background(), core.ListQuery{Limit: 1000})
	if err != nil {
		tb.Fatal(err)
	}
	var out []string
	for _, a := range page.Articles {
		out = append(out, a.SHA256+" "+strings.Join(a.Paths, ","))
	}
	sort.Strings(out)
	return out
}

func TestImportSeedsTwiceAddsNothingTheSecondTime(t *testing.T) {
	ctx := context.Background()
	svc := openService(t, filepath.Join(t.TempDir(), "a.db"))
	defer svc.Close()
	first, err := svc.Import(ctx, []string{"../testdata/seeds"}, app.ImportOptions{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if first.Added != 5 || first.FilesSeen != 5 || len(first.Failed) != 0 {
		t.Fatalf("first import = %+v, want 5 files seen and added", first)
	}
	second, err := svc.Import(ctx, []string{"../testdata/seeds"}, app.ImportOptions{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if second.Added != 0 || second.AlreadyPresent != 5 {
		t.Errorf("second import = %+v, want 0 added, 5 already present", second)
	}
	// The same bytes under another name add a location, not an article.
	dir := t.TempDir()
	b, _ := os.ReadFile("../testdata/seeds/001_d9fdc833d6f29732.txt")
	os.WriteFile(filepath.Join(dir, "copy.txt"), b, 0o644)
	third, err := svc.Import(ctx, []string{dir}, app.ImportOptions{}, nil)
	if err != nil || third.Added != 0 || third.AlreadyPresent != 1 {
		t.Fatalf("import of a copy = %+v, %v; want it already present", third, err)
	}
	a, err := svc.GetArticle(ctx, "copy.txt")
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Locations) != 2 {
		t.Errorf("locations of the copied seed = %d, want 2", len(a.Locations))
	}
}

func TestImportReportsBadFilesAndImportsTheRest(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "good.txt"), []byte("A good title\n\nA body of text for the article."), 0o644)
	os.WriteFile(filepath.Join(dir, "empty.txt"), nil, 0o644)
	os.WriteFile(filepath.Join(dir, "binary.txt"), []byte("\x00\x01\x02\x03PK\x03\x04\x00\x00\x00binary"), 0o644)
	os.Symlink(filepath.Join(dir, "missing.txt"), filepath.Join(dir, "broken.txt"))
	svc := openService(t, filepath.Join(t.TempDir(), "a.db"))
	defer svc.Close()
	sum, err := svc.Import(ctx, []string{dir}, app.ImportOptions{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Added != 1 {
		t.Errorf("added = %d, want 1", sum.Added)
	}
	failed := map[string]string{}
	for _, f := range sum.Failed {
		failed[filepath.Base(f.Path)] = f.Error
	}
	for _, name := range []string{"empty.txt", "binary.txt", "broken.txt"} {
		if failed[name] == "" {
			t.Errorf("%s not reported as failed (failed: %v)", name, failed)
		}
	}
	ims, err := svc.Imports(ctx)
	if err != nil || len(ims) != 1 || len(ims[0].Errors) != len(sum.Failed) || ims[0].Status != "done" {
		t.Errorf("recorded imports = %+v, %v; want one done run with %d errors", ims, err, len(sum.Failed))
	}
}

func TestCanceledImportLeavesAConsistentArchive(t *testing.T) {
	dir := t.TempDir()
	writeCorpus(t, dir, 300)
	svc := openService(t, filepath.Join(t.TempDir(), "a.db"))
	defer svc.Close()
	ctx, cancel := context.WithCancel(context.Background())
	progressed := 0
	sum, err := svc.Import(ctx, []string{dir}, app.ImportOptions{BatchSize: 10}, func(p core.Progress) {
		progressed++
		if p.Done > 50 {
			cancel()
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Status != "canceled" {
		t.Skipf("the import finished before it could be canceled (%+v)", sum)
	}
	sum2, err := svc.Import(context.Background(), []string{dir}, app.ImportOptions{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Added+sum2.Added != 300 {
		t.Errorf("canceled run added %d, second run %d: want 300 in all", sum.Added, sum2.Added)
	}
}

// TestKilledImportRecovers kills a real importing process with SIGKILL at
// random points and checks that the archive is sound and that importing again
// gives exactly the articles of a clean run.
func TestKilledImportRecovers(t *testing.T) {
	if os.Getenv("STORYDIFF_KILL_CHILD") != "" {
		t.Skip("child process")
	}
	corpus := t.TempDir()
	writeCorpus(t, corpus, 400)
	clean := openService(t, filepath.Join(t.TempDir(), "clean.db"))
	if _, err := clean.Import(context.Background(), []string{corpus}, app.ImportOptions{}, nil); err != nil {
		t.Fatal(err)
	}
	want := hashes(t, clean)
	clean.Close()

	runs := 5
	if s := os.Getenv("STORYDIFF_KILL_RUNS"); s != "" {
		fmt.Sscan(s, &runs)
	}
	rng := rand.New(rand.NewSource(time.Now().UnixNano()))
	for run := 0; run < runs; run++ {
		dbPath := filepath.Join(t.TempDir(), "killed.db")
		cmd := exec.Command(os.Args[0], "-test.run=^TestImportChild$")
		cmd.Env = append(os.Environ(), "STORYDIFF_KILL_CHILD=1", "STORYDIFF_CHILD_DB="+dbPath, "STORYDIFF_CHILD_CORPUS="+corpus)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Kill when the child has got through a random number of files,
		// which lands anywhere inside or between batches.
		target := 1 + rng.Intn(380)
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			var done int
			if _, err := fmt.Sscanf(sc.Text(), "done %d", &done); err == nil && done >= target {
				break
			}
		}
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()

		svc := openService(t, dbPath)
		problems, err := app.StoreOf(svc).IntegrityCheck(context.Background())
		if err != nil || len(problems) > 0 {
			t.Fatalf("run %d: integrity after kill: %v %v", run, problems, err)
		}
		before := len(hashes(t, svc))
		if _, err := svc.Import(context.Background(), []string{corpus}, app.ImportOptions{}, nil); err != nil {
			t.Fatalf("run %d: re-import: %v", run, err)
		}
		got := hashes(t, svc)
		svc.Close()
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Fatalf("run %d: after kill (with %d articles stored) and re-import: %d articles, want %d as a clean run", run, before, len(got), len(want))
		}
		t.Logf("run %d: killed with %d of %d articles stored; re-import completed it", run, before, len(want))
	}
}

// TestImportChild is the process TestKilledImportRecovers kills.
func TestImportChild(t *testing.T) {
	db := os.Getenv("STORYDIFF_CHILD_DB")
	if db == "" || os.Getenv("STORYDIFF_CONCURRENT") != "" {
		t.Skip("run by TestKilledImportRecovers")
	}
	svc := openService(t, db)
	svc.Import(context.Background(), []string{os.Getenv("STORYDIFF_CHILD_CORPUS")}, app.ImportOptions{BatchSize: 5}, func(p core.Progress) {
		fmt.Printf("done %d\n", p.Done)
	})
	svc.Close()
}

// TestCanceledAnalysisAfterImportKeepsTheImport cancels during the analysis
// that follows an import: the import still succeeds, and the next analysis
// picks the articles up.
func TestCanceledAnalysisAfterImportKeepsTheImport(t *testing.T) {
	svc := openService(t, filepath.Join(t.TempDir(), "a.db"))
	defer svc.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	sum, err := svc.Import(ctx, []string{"../testdata/seeds"}, app.ImportOptions{}, func(p core.Progress) {
		if p.Stage != "listing" && p.Stage != "importing" {
			cancel()
		}
	})
	if err != nil {
		t.Fatalf("import with its analysis canceled: %v", err)
	}
	if sum.Status != "done" || sum.Added != 5 || sum.Analysis != nil {
		t.Fatalf("summary = status %s, %d added, analysis %v; want done, 5, none", sum.Status, sum.Added, sum.Analysis)
	}
	an, err := svc.Analyze(context.Background(), app.AnalyzeOptions{}, nil)
	if err != nil || an.Analysed != 5 {
		t.Errorf("next analysis: %+v, %v; want the 5 articles analysed", an, err)
	}
}
