package app_test

import (
	"context"
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
	if len(o.Periods) != 2 || o.Periods[0] != "2022-10-01" || o.Periods[1] != "2024-07-01" || o.Undated != 4 {
		t.Errorf("periods %v, undated %d; want 2022-10-01 and 2024-07-01, 4 undated", o.Periods, o.Undated)
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
