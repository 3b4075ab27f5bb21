package app_test

import (
	"bytes"
	"context"
	"github.com/storydiff/storydiff/core"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/storydiff/storydiff/app"
)

// TestTwoProcessesImportAtOnce imports two corpora into one archive from two
// processes at the same time (as the app and the CLI may): neither may fail
// with a locked database, and the archive ends with both corpora.
func TestTwoProcessesImportAtOnce(t *testing.T) {
	if os.Getenv("STORYDIFF_KILL_CHILD") != "" {
		t.Skip("child process")
	}
	root := t.TempDir()
	a, b := filepath.Join(root, "a"), filepath.Join(root, "b")
	writeCorpus(t, a, 300)
	writeCorpusSeed(t, b, 300, 2)
	dbPath := filepath.Join(root, "shared.db")
	// Create the archive first so both processes open an existing schema.
	openService(t, dbPath).Close()

	cmd := exec.Command(os.Args[0], "-test.run=^TestConcurrentChild$")
	cmd.Env = append(os.Environ(), "STORYDIFF_KILL_CHILD=1", "STORYDIFF_CONCURRENT=1", "STORYDIFF_CHILD_DB="+dbPath, "STORYDIFF_CHILD_CORPUS="+b)
	var childOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &childOut, &childOut
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	svc := openService(t, dbPath)
	defer svc.Close()
	sum, err := svc.Import(context.Background(), []string{a}, app.ImportOptions{BatchSize: 10}, nil)
	if err != nil {
		t.Fatalf("import in this process: %v", err)
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("import in the other process: %v\n%s", err, childOut.String())
	}
	if sum.Added != 300 {
		t.Errorf("this process added %d, want 300", sum.Added)
	}
	page, err := svc.ListArticles(context.Background(), core.ListQuery{Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	if page.Total != 600 {
		t.Errorf("archive holds %d articles, want 600", page.Total)
	}
	// This process's index must notice the other's articles.
	an, err := svc.Analyze(context.Background(), app.AnalyzeOptions{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if an.Articles != 600 {
		t.Errorf("analysis sees %d articles, want 600", an.Articles)
	}
	if problems, err := svc.Check(context.Background()); err != nil || len(problems) > 0 {
		t.Errorf("check: %v %v", problems, err)
	}
}

func TestConcurrentChild(t *testing.T) {
	db := os.Getenv("STORYDIFF_CHILD_DB")
	if db == "" || os.Getenv("STORYDIFF_KILL_CHILD") == "" {
		t.Skip("run by TestTwoProcessesImportAtOnce")
	}
	svc := openService(t, db)
	defer svc.Close()
	sum, err := svc.Import(context.Background(), []string{os.Getenv("STORYDIFF_CHILD_CORPUS")}, app.ImportOptions{BatchSize: 10}, nil)
	if err != nil {
		t.Fatalf("child import: %v", err)
	}
	if sum.Added != 300 {
		t.Fatalf("child added %d, want 300", sum.Added)
	}
}
