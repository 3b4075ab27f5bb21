package app_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/storydiff/storydiff/app"
)

func sampleUI(t *testing.T) (*app.UI, *app.SampleArchive) {
	t.Helper()
	ctx := context.Background()
	home, err := app.Open(ctx, filepath.Join(t.TempDir(), "archive.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { home.Close() })
	ui := app.NewUI(home)
	smp, err := ui.OpenSample(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return ui, smp
}

// The thread of the sample: every version, the republished copy linked to
// the seed it copies as a duplicate and by its passages, links pointing from
// the earlier version, and none claiming an order between undated versions.
func TestReuseGraphOfTheSampleThread(t *testing.T) {
	ui, smp := sampleUI(t)
	g, err := ui.Reuse(context.Background(), app.ReuseRequest{Thread: smp.Thread})
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Articles) != 6 {
		t.Fatalf("%d articles, want the sample's 6", len(g.Articles))
	}
	byID := map[int64]app.ReuseArticle{}
	for _, a := range g.Articles {
		byID[a.ID] = a
		if a.Event == 0 {
			t.Errorf("article %d has no event in a thread's graph", a.ID)
		}
	}
	kinds := map[string]int{}
	for _, l := range g.Links {
		kinds[l.Kind]++
		from, to := byID[l.From], byID[l.To]
		if l.Ordered != (from.Published != nil && to.Published != nil) {
			t.Errorf("link %d->%d ordered=%v, but dated %v and %v", l.From, l.To, l.Ordered, from.Published != nil, to.Published != nil)
		}
		if l.Ordered && to.Published.Before(*from.Published) {
			t.Errorf("link %d->%d points back in time", l.From, l.To)
		}
		if l.Words <= 0 {
			t.Errorf("link %+v shares no words", l)
		}
		t.Logf("%s %d->%d ordered=%v words=%d %.60q", l.Kind, l.From, l.To, l.Ordered, l.Words, l.Text)
	}
	a, b := smp.Duplicate[0], smp.Duplicate[1]
	var dupLinked, passageLinked bool
	for _, l := range g.Links {
		if (l.From == a && l.To == b) || (l.From == b && l.To == a) {
			dupLinked = dupLinked || l.Kind == app.LinkDuplicate
			passageLinked = passageLinked || l.Kind == app.LinkPassage
		}
	}
	if !dupLinked || !passageLinked {
		t.Errorf("the republished copy %d-%d: duplicate %v, passage %v; want both", a, b, dupLinked, passageLinked)
	}
	if kinds[app.LinkPassage] < 2 {
		t.Errorf("links %v, want shared passages between the seeds too", kinds)
	}
}

func TestReuseGraphWantsOneSet(t *testing.T) {
	ui, smp := sampleUI(t)
	for _, req := range []app.ReuseRequest{{}, {Event: smp.Event, Thread: smp.Thread}, {Event: -1}} {
		if _, err := ui.Reuse(context.Background(), req); err == nil {
			t.Errorf("Reuse(%+v) gave no error", req)
		}
	}
	g, err := ui.Reuse(context.Background(), app.ReuseRequest{Query: "Austin"})
	if err != nil || len(g.Articles) == 0 {
		t.Fatalf("search graph: %v, %v", g, err)
	}
}
