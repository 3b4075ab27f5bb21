package app_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/storydiff/storydiff/app"
	"github.com/storydiff/storydiff/core"
)

func init() { app.SetSampleArticles(os.DirFS("../testdata/seeds")) }

// The first run opens a sample beside the user's empty archive, with a
// repeated passage, an event of several versions, a thread and a duplicate,
// and never writes into the user's archive.
func TestOpenSampleShowsFindingsWithoutTouchingTheUsersArchive(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	home, err := app.Open(ctx, filepath.Join(dir, "archive.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer home.Close()
	ui := app.NewUI(home)

	info, err := ui.Archive(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if info.Sample || info.Articles != 0 || info.SampleReady {
		t.Fatalf("before: %+v, want the user's empty archive and no sample yet", info)
	}

	smp, err := ui.OpenSample(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(dir, "storydiff-sample", "sample.db"); smp.Path != want {
		t.Errorf("sample at %s, want %s", smp.Path, want)
	}
	if smp.Count != 6 {
		t.Errorf("sample holds %d articles, want the 5 seeds and the republished copy", smp.Count)
	}
	if smp.Repeated == 0 || smp.Event == 0 || smp.Thread == 0 || smp.Duplicate[0] == 0 {
		t.Errorf("the sample guide misses a finding: %+v", smp)
	}
	ev, err := ui.Event(ctx, smp.Event)
	if err != nil {
		t.Fatal(err)
	}
	if len(ev.Articles) < 2 {
		t.Errorf("the sample's first event has %d versions, want several", len(ev.Articles))
	}

	page, err := ui.ListArticles(ctx, app.ListRequest{})
	if err != nil {
		t.Fatal(err)
	}
	if page.Total != 6 {
		t.Errorf("the interface lists %d articles after opening the sample, want 6", page.Total)
	}
	if p, err := home.ListArticles(ctx, core.ListQuery{Limit: 1}); err != nil || p.Total != 0 {
		t.Fatalf("the user's archive holds %v articles (%v), want none", p, err)
	}

	// Opening it again imports nothing more.
	if again, err := ui.OpenSample(ctx); err != nil || again.Count != 6 {
		t.Fatalf("second open: %+v, %v", again, err)
	}
	back, err := ui.LeaveSample(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if back.Sample || back.Articles != 0 || !back.SampleReady || back.Path != home.DBPath() {
		t.Errorf("after leaving: %+v, want the user's empty archive with the sample ready", back)
	}
}

// The sample archive itself offers no sample of its own.
func TestTheSampleArchiveHasNoSample(t *testing.T) {
	ctx := context.Background()
	svc, err := app.Open(ctx, app.SamplePath(filepath.Join(t.TempDir(), "archive.db")))
	if err != nil {
		t.Fatal(err)
	}
	defer svc.Close()
	if _, _, err := svc.OpenSample(ctx); core.ErrorCode(err) != core.EINVALID {
		t.Errorf("OpenSample on the sample: %v, want an invalid-request error", err)
	}
}
