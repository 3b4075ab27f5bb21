package app_test

import (
	"bytes"
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/storydiff/storydiff/app"
	"github.com/storydiff/storydiff/core"
)

func eventOf(t *testing.T, svc *app.Service, id int64) *core.Event {
	t.Helper()
	e, err := svc.EventOf(context.Background(), ref(id))
	if err != nil || e == nil {
		t.Fatalf("event of %d: %v %v", id, e, err)
	}
	return e
}

// Every kind of correction holds at once, is listed, and a full analysis
// afterwards keeps it: analysis never overrides a researcher.
func TestCorrectionsHoldAndAnalysisKeepsThem(t *testing.T) {
	ctx := context.Background()
	svc := openService(t, filepath.Join(t.TempDir(), "a.db"))
	defer svc.Close()
	ids := importSeeds(t, svc, "000", "001", "002", "003", "004")
	want := func(when string, sets ...string) {
		t.Helper()
		if got := eventSets(t, svc, ids); !slices.Equal(got, sets) {
			t.Fatalf("%s: events %v, want %v", when, got, sets)
		}
	}
	correct := func(c core.Correction) []core.Event {
		t.Helper()
		evs, err := svc.Correct(ctx, c)
		if err != nil {
			t.Fatalf("%+v: %v", c, err)
		}
		return evs
	}
	// Put all five in one event first, whatever analysis made of them.
	for _, n := range []string{"001", "002", "003", "004"} {
		correct(core.Correction{Kind: core.CorrectSame, A: ids["000"], B: ids[n]})
	}
	want("same", "000,001,002,003,004")
	all := eventOf(t, svc, ids["000"]).ID

	evs := correct(core.Correction{Kind: core.CorrectSplit, Event: all,
		Parts: [][]int64{{ids["000"], ids["001"]}, {ids["002"]}}})
	if len(evs) != 3 {
		t.Errorf("a split into three returned %d events", len(evs))
	}
	want("split", "000,001", "002", "003,004")
	if got := eventOf(t, svc, ids["000"]).ID; got != all {
		t.Errorf("the part holding the earliest member has id %d, want the event's id %d", got, all)
	}

	correct(core.Correction{Kind: core.CorrectNotSame, A: ids["003"], B: ids["004"]})
	want("not same", "000,001", "002", "003", "004")

	correct(core.Correction{Kind: core.CorrectMove, A: ids["003"], Event: eventOf(t, svc, ids["002"]).ID})
	want("move", "000,001", "002,003", "004")

	correct(core.Correction{Kind: core.CorrectRemove, A: ids["001"]})
	want("remove", "000", "001", "002,003", "004")

	a, b := eventOf(t, svc, ids["000"]).ID, eventOf(t, svc, ids["004"]).ID
	correct(core.Correction{Kind: core.CorrectMerge, Event: a, Other: b, Note: "one call"})
	want("merge", "000,004", "001", "002,003")
	survivor, retired := min(a, b), max(a, b)
	e, err := svc.Event(ctx, retired)
	if err != nil || e.ID != survivor {
		t.Errorf("the merged-away id %d leads to %v (%v), want event %d", retired, e, err, survivor)
	}

	if _, err := svc.Analyze(ctx, app.AnalyzeOptions{Full: true}, nil); err != nil {
		t.Fatal(err)
	}
	want("after a full analysis", "000,004", "001", "002,003")
	if got := eventOf(t, svc, ids["000"]).ID; got != survivor {
		t.Errorf("a full analysis renumbered event %d to %d", survivor, got)
	}

	cs, err := svc.Corrections(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for _, c := range cs {
		kinds = append(kinds, c.Kind)
	}
	if wantKinds := []string{"same", "same", "same", "same", "split", "not_same", "move", "remove", "merge"}; !slices.Equal(kinds, wantKinds) {
		t.Errorf("corrections %v, want %v", kinds, wantKinds)
	}
	if cs[len(cs)-1].Note != "one call" || cs[len(cs)-1].CreatedAt.IsZero() {
		t.Errorf("the last correction lost its note or time: %+v", cs[len(cs)-1])
	}

	// Reports list the corrections: the story report those naming its
	// event or articles, the archive report all of them. The merged-away id
	// still names the story.
	var story, archive bytes.Buffer
	if err := svc.Report(ctx, app.ReportRequest{Kind: "story", StoryID: retired, Format: "md"}, &story); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"one event", "merged", "one call", "split into"} {
		if !strings.Contains(story.String(), want) {
			t.Errorf("the story report does not list %q among its corrections", want)
		}
	}
	if strings.Contains(story.String(), "moved to event") {
		t.Errorf("the story report of 000 and 004 lists the move of 003, which is not in it")
	}
	if err := svc.Report(ctx, app.ReportRequest{Kind: "archive", Format: "md"}, &archive); err != nil {
		t.Fatal(err)
	}
	section := archive.String()
	if i := strings.Index(section, "## Corrections of events"); i >= 0 {
		section = section[i:]
		section = section[:strings.Index(section[3:], "## ")+3]
	}
	if got := strings.Count(section, "\n| ") - 1; got != len(cs) { // a row per correction, after the header
		t.Errorf("the archive report lists %d corrections, want %d:\n%s", got, len(cs), section)
	}
}

// Corrections that name nothing, or the wrong things, are refused with an
// error naming the problem, and change nothing.
func TestBadCorrectionsAreRefused(t *testing.T) {
	ctx := context.Background()
	svc := openService(t, filepath.Join(t.TempDir(), "a.db"))
	defer svc.Close()
	ids := importSeeds(t, svc, "000", "001")
	for _, c := range []core.Correction{
		{Kind: "maybe", A: ids["000"], B: ids["001"]},
		{Kind: core.CorrectSame, A: ids["000"]},
		{Kind: core.CorrectSame, A: ids["000"], B: ids["000"]},
		{Kind: core.CorrectMove, A: ids["000"]},
		{Kind: core.CorrectMove, A: ids["000"], Event: 999},
		{Kind: core.CorrectMerge, Event: 1, Other: 1},
		{Kind: core.CorrectSplit, Event: 1},
		{Kind: core.CorrectRemove, A: 999},
	} {
		if _, err := svc.Correct(ctx, c); err == nil || core.ErrorCode(err) == core.EINTERNAL {
			t.Errorf("%+v: error %v, want one naming the problem", c, err)
		}
	}
	if cs, _ := svc.Corrections(ctx); len(cs) != 0 {
		t.Errorf("refused corrections were stored: %+v", cs)
	}
}

// An event keeps its id as later imports add versions to it or leave it
// alone, and the story of a report stays reachable.
func TestEventIDsStayAcrossImports(t *testing.T) {
	ctx := context.Background()
	svc := openService(t, filepath.Join(t.TempDir(), "a.db"))
	defer svc.Close()
	ids := importSeeds(t, svc, "000", "001")
	before := eventOf(t, svc, ids["000"])
	importSeeds(t, svc, "002", "003", "004")
	after := eventOf(t, svc, ids["000"])
	if after.ID != before.ID {
		t.Errorf("event of 000 was %d, is %d after an import", before.ID, after.ID)
	}
	sts, err := svc.Stories(ctx, before.ID)
	if err != nil || len(sts) != 1 || sts[0].ID != after.ID {
		t.Errorf("story %d after an import: %+v %v", before.ID, sts, err)
	}
}
