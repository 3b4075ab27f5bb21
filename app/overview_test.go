package app_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/storydiff/storydiff/app"
)

func TestOverviewOfTheSample(t *testing.T) {
	ui, _ := sampleUI(t)
	ctx := context.Background()
	o, err := ui.Overview(ctx, app.OverviewRequest{Period: "month"})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%+v", o)
	if o.Articles != 6 || o.Matching != 6 {
		t.Errorf("articles %d, matching %d; want 6 and 6", o.Articles, o.Matching)
	}
	// Seeds 002 (October 2022) and 004 (July 2024) are dated; the rest are not.
	// Every month between, so bars stand where their time is.
	if len(o.Periods) != 22 || o.Periods[0] != "2022-10-01" || o.Periods[21] != "2024-07-01" || o.Undated != 4 {
		t.Errorf("periods %v, undated %d; want 2022-10-01 to 2024-07-01, 4 undated", o.Periods, o.Undated)
	}
	if o.Series[0].Counts[0] != 1 || o.Series[0].Counts[1] != 0 || o.Series[0].Counts[21] != 1 {
		t.Errorf("counts %v, want 1 in the first and last month and none between", o.Series[0].Counts)
	}
	sum := 0
	for _, s := range o.Series {
		for _, c := range s.Counts {
			sum += c
		}
	}
	if sum != 2 {
		t.Errorf("the series count %d dated articles, want 2", sum)
	}
	if o.Duplicated != 2 || len(o.DuplicateGroups) != 1 || o.DuplicateGroups[0].Size != 2 {
		t.Errorf("duplicates: %d articles in %+v; want one group of the copy and its seed", o.Duplicated, o.DuplicateGroups)
	}
	events := 0
	for _, b := range o.Events {
		events += b.Size * b.Count
	}
	if events != 6 {
		t.Errorf("the events hold %d articles, want all 6", events)
	}
	if o.Text.Body == 0 || o.Text.Repeat == 0 {
		t.Errorf("text shares %+v: want body and the repeated passage of seed 001", o.Text)
	}

	wk, err := ui.Overview(ctx, app.OverviewRequest{Period: "week"})
	if err != nil {
		t.Fatal(err)
	}
	// From the week of Monday 17 October 2022 to that of 22 July 2024.
	if n := len(wk.Periods); n != 93 || wk.Periods[0] != "2022-10-17" || wk.Periods[n-1] != "2024-07-22" {
		t.Errorf("weeks %d from %s to %s", n, wk.Periods[0], wk.Periods[n-1])
	}

	w, err := ui.Overview(ctx, app.OverviewRequest{Period: "week", Split: "language", Language: "no-such"})
	if err != nil {
		t.Fatal(err)
	}
	if w.Matching != 0 || len(w.Periods) != 0 || w.Articles != 6 {
		t.Errorf("filtered to no language: %+v", w)
	}
	if _, err := ui.Overview(ctx, app.OverviewRequest{Period: "day"}); err == nil {
		t.Error("a period of a day was accepted")
	}
}

// The overview is kept between calls, and made again once an import or a
// verdict changed what it counts.
func TestOverviewFollowsImportsAndVerdicts(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	svc, err := app.Open(ctx, filepath.Join(dir, "archive.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer svc.Close()
	if _, err := svc.Import(ctx, []string{"../testdata/seeds"}, app.ImportOptions{}, nil); err != nil {
		t.Fatal(err)
	}
	o, err := svc.Overview(ctx, app.OverviewRequest{})
	if err != nil || o.Articles != 5 || o.Duplicated != 0 {
		t.Fatalf("seeds: %+v, %v", o, err)
	}
	seed, err := os.ReadFile("../testdata/seeds/000_e445162bcb1b35cb.txt")
	if err != nil {
		t.Fatal(err)
	}
	copyPath := filepath.Join(dir, "copy.txt")
	if err := os.WriteFile(copyPath, append([]byte("Republished: "), seed...), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Import(ctx, []string{copyPath}, app.ImportOptions{}, nil); err != nil {
		t.Fatal(err)
	}
	o, err = svc.Overview(ctx, app.OverviewRequest{})
	if err != nil || o.Articles != 6 || o.Duplicated != 2 {
		t.Fatalf("after importing a copy: %d articles, %d duplicated (%v); want 6 and 2", o.Articles, o.Duplicated, err)
	}
	if err := svc.Judge(ctx, "1", "6", "duplicate", false, "not a copy"); err != nil {
		t.Fatal(err)
	}
	o, err = svc.Overview(ctx, app.OverviewRequest{})
	if err != nil || o.Duplicated != 0 {
		t.Fatalf("after a verdict: %d duplicated (%v), want 0", o.Duplicated, err)
	}
}
