package app_test

import (
	"context"
	"io"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/storydiff/storydiff/app"
	"github.com/storydiff/storydiff/core"
	"github.com/storydiff/storydiff/internal/testfs"
)

// doneEvents keeps the "job:done" events, as the desktop window gets them.
type doneEvents struct {
	mu   sync.Mutex
	done []app.JobDone
}

func (e *doneEvents) Emit(event string, data any) {
	if d, ok := data.(app.JobDone); ok && event == "job:done" {
		e.mu.Lock()
		e.done = append(e.done, d)
		e.mu.Unlock()
	}
}

func (e *doneEvents) wait(t *testing.T, id string) app.JobDone {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		e.mu.Lock()
		for _, d := range e.done {
			if d.JobID == id {
				e.mu.Unlock()
				return d
			}
		}
		e.mu.Unlock()
	}
	t.Fatalf("job %s did not end within 10 s", id)
	return app.JobDone{}
}

func TestReadOnlyArchiveService(t *testing.T) {
	testfs.RunInNamespace(t, "TestReadOnlyArchiveServiceHelper")
}

// TestReadOnlyArchiveServiceHelper drives the service as the desktop window
// does, on an analysed archive on a read-only mount: reading works, and the
// import and analysis jobs and the verdicts end with the read-only error.
func TestReadOnlyArchiveServiceHelper(t *testing.T) {
	dir := testfs.MountTmpfs(t, "16m")
	ctx := context.Background()
	dbPath := filepath.Join(dir, "archive.db")
	svc := openService(t, dbPath)
	if _, err := svc.Import(ctx, []string{"../testdata/seeds"}, app.ImportOptions{}, nil); err != nil {
		t.Fatal(err)
	}
	svc.Close()
	testfs.Remount(t, dir, "ro")

	svc = openService(t, dbPath)
	defer svc.Close()
	events := &doneEvents{}
	svc.SetEmitter(events)

	reads := []struct {
		name string
		read func() error
	}{
		{"article", func() error { _, err := svc.GetArticle(ctx, "1"); return err }},
		{"search", func() error { _, err := svc.Search(ctx, "ceasefire", core.SearchOptions{Limit: 10}); return err }},
		{"facets", func() error { _, err := svc.Facets(ctx); return err }},
		{"compare", func() error { _, err := svc.Compare(ctx, "3", "4", app.CompareOptions{}); return err }},
		{"duplicate groups", func() error { _, err := svc.DuplicateGroups(ctx, -1); return err }},
		{"stories", func() error { _, err := svc.Stories(ctx, 0); return err }},
		{"report", func() error {
			return svc.Report(ctx, app.ReportRequest{Kind: "pair", Refs: []string{"3", "4"}, Format: "md"}, io.Discard)
		}},
	}
	for _, r := range reads {
		if err := r.read(); err != nil {
			t.Errorf("%s on a read-only archive: %v", r.name, err)
		}
	}

	writes := []struct {
		name  string
		write func() (code, message string)
	}{
		// An import is refused before it starts a job: listing a large
		// folder first would take minutes for nothing.
		{"import", func() (string, string) {
			_, err := svc.StartImport([]string{"../testdata/seeds"}, app.ImportOptions{})
			return core.ErrorCode(err), core.ErrorMessage(err)
		}},
		{"analysis job", func() (string, string) {
			d := events.wait(t, svc.StartAnalyze(app.AnalyzeOptions{}))
			return d.Code, d.Error
		}},
		{"judge", func() (string, string) {
			err := svc.Judge(ctx, "3", "4", "duplicate", true, "")
			return core.ErrorCode(err), core.ErrorMessage(err)
		}},
	}
	for _, w := range writes {
		code, msg := w.write()
		if code != core.EREADONLY || !strings.Contains(msg, dbPath) || !strings.Contains(msg, "read-only") {
			t.Errorf("%s on a read-only archive: code %q, message %q; want %q naming %s", w.name, code, msg, core.EREADONLY, dbPath)
		}
	}
}
