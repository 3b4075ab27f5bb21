package events

import (
	"slices"
	"testing"
)

// base: event {1,2,3} and event {4,5,6,7} (7 undated), a week apart
// in dates but weakly linked across.
func base(t *testing.T) (*archive, []Article, []Link) {
	var links []Link
	clique := func(ids ...int64) {
		for i, x := range ids {
			for _, y := range ids[i+1:] {
				links = append(links, lk(x, y, 0.9, 0.9))
			}
		}
	}
	clique(1, 2, 3)
	clique(4, 5, 6, 7)
	for _, x := range []int64{1, 2, 3} {
		for _, y := range []int64{4, 5, 6} {
			links = append(links, lk(x, y, 0.2, 0.5))
		}
	}
	as := []Article{{ID: 1, Published: day(0)}, {ID: 2, Published: day(1)}, {ID: 3, Published: day(2)},
		{ID: 4, Published: day(3)}, {ID: 5, Published: day(4)}, {ID: 6, Published: day(4)}, {ID: 7}}
	a := newArchive()
	for _, x := range as {
		a.add(t, x.ID, x.Published, links)
	}
	if want := [][]int64{{1, 2, 3}, {4, 5, 6, 7}}; !slices.EqualFunc(a.partition(), want, slices.Equal) {
		t.Fatalf("base clustering %v, want %v", a.partition(), want)
	}
	return a, as, links
}

// rebuildAgrees checks that a Build from scratch with the archive's stored
// constraints honours them too, and gives the same partition.
func rebuildAgrees(t *testing.T, a *archive, as []Article, links []Link) {
	t.Helper()
	a.checkConsistent(t)
	a.honoured(t)
	r := Build(DefaultConfig(), as, links, a.constraints())
	resultHonoured(t, r, a.constraints())
	if got, want := partitionOf(r.Events), a.partition(); !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("rebuild %v, incremental %v", got, want)
	}
}

func TestSameEvent(t *testing.T) {
	a, as, links := base(t)
	a.apply(t, Correction{Kind: SameEvent, A: 3, B: 5})
	if a.eventOf(3) != a.eventOf(5) {
		t.Fatalf("3 and 5 judged the same: %v", a.partition())
	}
	rebuildAgrees(t, a, as, links)
}

func TestNotSameEvent(t *testing.T) {
	a, as, links := base(t)
	ev := a.eventOf(4)
	a.apply(t, Correction{Kind: NotSameEvent, A: 4, B: 6})
	if a.eventOf(4) == a.eventOf(6) {
		t.Fatalf("4 and 6 judged different: %v", a.partition())
	}
	if a.eventOf(4) != ev {
		t.Errorf("the part holding the earliest member 4 lost id %d", ev)
	}
	rebuildAgrees(t, a, as, links)
	// A later "same" verdict on the pair replaces the "not same".
	a.apply(t, Correction{Kind: SameEvent, A: 4, B: 6})
	if a.eventOf(4) != a.eventOf(6) {
		t.Fatalf("4 and 6 judged the same again: %v", a.partition())
	}
	rebuildAgrees(t, a, as, links)
}

func TestRemoveFromEventStaysOut(t *testing.T) {
	a, as, links := base(t)
	a.apply(t, Correction{Kind: RemoveFromEvent, A: 5})
	if got := a.Events[a.eventOf(5)].Members; !slices.Equal(got, []int64{5}) {
		t.Fatalf("5 removed, its event holds %v", got)
	}
	rebuildAgrees(t, a, as, links)
	// A new version linked strongly to 5 and its old event joins the old
	// event, never 5.
	more := append(slices.Clone(links), lk(5, 8, 0.99, 0.9), lk(4, 8, 0.9, 0.9), lk(6, 8, 0.9, 0.9), lk(7, 8, 0.9, 0.9))
	a.add(t, 8, day(4), more)
	as = append(as, Article{ID: 8, Published: day(4)})
	if a.eventOf(8) == a.eventOf(5) || a.eventOf(8) != a.eventOf(4) {
		t.Fatalf("8 should join 4's event, not 5: %v", a.partition())
	}
	rebuildAgrees(t, a, as, more)
}

func TestMoveToEventPins(t *testing.T) {
	a, as, links := base(t)
	target := a.eventOf(1)
	a.apply(t, Correction{Kind: MoveToEvent, A: 6, Event: target})
	if a.eventOf(6) != target {
		t.Fatalf("6 moved to %d, is in %d", target, a.eventOf(6))
	}
	if !a.Articles[6].Pinned {
		t.Error("a moved article is pinned")
	}
	rebuildAgrees(t, a, as, links)
}

func TestMergeEventsRedirects(t *testing.T) {
	a, as, links := base(t)
	e1, e2 := a.eventOf(1), a.eventOf(4)
	ch := a.apply(t, Correction{Kind: MergeEvents, Event: e2, Other: e1})
	survivor, gone := min(e1, e2), max(e1, e2)
	if !slices.Contains(ch.EventRedirects, Redirect{From: gone, To: survivor}) {
		t.Fatalf("redirects %v, want %d -> %d", ch.EventRedirects, gone, survivor)
	}
	if _, ok := a.Events[gone]; ok {
		t.Fatalf("merged event %d still stored", gone)
	}
	if got := a.Events[survivor].Members; len(got) != 7 {
		t.Fatalf("merged event holds %v", got)
	}
	rebuildAgrees(t, a, as, links)
}

func TestSplitEventKeepsIDForEarliestPart(t *testing.T) {
	a, as, links := base(t)
	ev := a.eventOf(4)
	ch := a.apply(t, Correction{Kind: SplitEvent, Event: ev, Parts: [][]int64{{6, 7}, {4}}})
	if a.eventOf(4) != ev {
		t.Fatalf("the part holding the earliest member 4 has id %d, want %d", a.eventOf(4), ev)
	}
	if a.eventOf(6) != a.eventOf(7) || a.eventOf(6) == ev || a.eventOf(5) == ev || a.eventOf(5) == a.eventOf(6) {
		t.Fatalf("split into {4} {6,7} and the rest {5}: %v", a.partition())
	}
	if len(ch.EventRedirects) != 0 {
		t.Errorf("a split redirects nothing: %v", ch.EventRedirects)
	}
	for _, id := range []int64{a.eventOf(5), a.eventOf(6)} {
		if id < ch.Next.Event-2 {
			t.Errorf("split-off part has old id %d", id)
		}
	}
	rebuildAgrees(t, a, as, links)
	// Splitting keeps the parts on the topic's thread.
	if e := a.Events[ev]; e.Thread != 0 && a.Events[a.eventOf(6)].Thread != e.Thread {
		t.Errorf("split-off part left thread %d", e.Thread)
	}
}

func TestEveryCorrectionInSequence(t *testing.T) {
	a, as, links := base(t)
	seq := []func() Correction{
		func() Correction { return Correction{Kind: SameEvent, A: 1, B: 4} },
		func() Correction { return Correction{Kind: NotSameEvent, A: 2, B: 3} },
		func() Correction { return Correction{Kind: RemoveFromEvent, A: 7} },
		func() Correction { return Correction{Kind: MoveToEvent, A: 5, Event: a.eventOf(2)} },
		func() Correction { return Correction{Kind: MergeEvents, Event: a.eventOf(3), Other: a.eventOf(6)} },
		func() Correction {
			return Correction{Kind: SplitEvent, Event: a.eventOf(1), Parts: [][]int64{{a.Events[a.eventOf(1)].Members[0]}}}
		},
	}
	for i, f := range seq {
		c := f()
		if _, err := a.state().Apply(c); err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
		a.apply(t, c)
		a.checkConsistent(t)
		a.honoured(t)
		r := Build(DefaultConfig(), as, links, a.constraints())
		resultHonoured(t, r, a.constraints())
	}
}

func TestMustLinksMergeEventsInBuild(t *testing.T) {
	links := []Link{lk(1, 2, 0.9, 0.9), lk(3, 4, 0.9, 0.9)}
	cons := []Constraint{pair(MustLink, 1, 5), pair(MustLink, 3, 5)}
	r := Build(DefaultConfig(), arts(1, 5), links, cons)
	if len(r.Events) != 1 || r.Events[0].ID != 1 {
		t.Fatalf("5 must-linked to both events: %v", r.Events)
	}
}

func TestUnknownIsAnError(t *testing.T) {
	a, _, _ := base(t)
	for _, c := range []Correction{{Kind: SameEvent, A: 1, B: 99}, {Kind: MergeEvents, Event: 1, Other: 99}, {Kind: SplitEvent, Event: a.eventOf(1), Parts: [][]int64{{4}}}} {
		if _, err := a.state().Apply(c); err == nil {
			t.Errorf("%+v: no error", c)
		}
	}
}
