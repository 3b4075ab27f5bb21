package events

import (
	"slices"
	"testing"
	"time"
)

var epoch = time.Date(2022, 3, 1, 9, 0, 0, 0, time.UTC)

func day(n int) *time.Time {
	t := epoch.AddDate(0, 0, n)
	return &t
}

func lk(a, b int64, p, t float32) Link { return Link{A: a, B: b, Event: p, Thread: t} }

// archive is a MemSource with the state operations committed into it, as
// the store would do.
type archive struct {
	*MemSource
	next IDs
}

func newArchive() *archive { return &archive{MemSource: NewMemSource()} }

func (a *archive) state() *State { return NewState(DefaultConfig(), a, a.next) }

func (a *archive) commit(ch Changes) Changes {
	a.Commit(ch)
	a.next = ch.Next
	return ch
}

// add adds one article with the links among ls that name it and an
// article already present, as an import would.
func (a *archive) add(t *testing.T, id int64, pub *time.Time, ls []Link) Changes {
	t.Helper()
	var mine []Link
	for _, l := range ls {
		if (l.A == id || l.B == id) && a.has(l.other(id)) {
			mine = append(mine, l)
		}
	}
	ch := a.state().AddArticle(id, pub, mine)
	a.AddLinks(mine)
	return a.commit(ch)
}

func (a *archive) has(id int64) bool { _, ok := a.Articles[id]; return ok }

func (a *archive) apply(t *testing.T, c Correction) Changes {
	t.Helper()
	ch, err := a.state().Apply(c)
	if err != nil {
		t.Fatal(err)
	}
	return a.commit(ch)
}

func (a *archive) eventOf(id int64) int64 { return a.Articles[id].Event }

func (a *archive) constraints() []Constraint {
	var out []Constraint
	for _, cs := range a.ConsOf {
		for _, c := range cs {
			if !slices.Contains(out, c) {
				out = append(out, c)
			}
		}
	}
	slices.SortFunc(out, func(x, y Constraint) int {
		if x.A != y.A {
			return cmpID(x.A, y.A)
		}
		if x.B != y.B {
			return cmpID(x.B, y.B)
		}
		return int(x.Kind) - int(y.Kind)
	})
	return out
}

// partition returns the clustering as sorted member lists, ids aside.
func partitionOf(evs []Event) [][]int64 {
	var out [][]int64
	for _, e := range evs {
		out = append(out, slices.Clone(e.Members))
	}
	slices.SortFunc(out, func(a, b []int64) int { return cmpID(a[0], b[0]) })
	return out
}

func (a *archive) partition() [][]int64 {
	var evs []Event
	for _, e := range a.Events {
		evs = append(evs, e)
	}
	return partitionOf(evs)
}

// checkConsistent fails unless the archive's articles, events and threads
// agree with each other.
func (a *archive) checkConsistent(t *testing.T) {
	t.Helper()
	for id, art := range a.Articles {
		e, ok := a.Events[art.Event]
		if !ok || !slices.Contains(e.Members, id) {
			t.Fatalf("article %d says event %d, which does not hold it", id, art.Event)
		}
	}
	for id, e := range a.Events {
		for _, m := range e.Members {
			if a.Articles[m].Event != id {
				t.Fatalf("event %d holds %d, which says event %d", id, m, a.Articles[m].Event)
			}
		}
		if e.Thread != 0 && !slices.Contains(a.Threads[e.Thread].Events, id) {
			t.Fatalf("event %d says thread %d, which does not hold it", id, e.Thread)
		}
	}
	for id, th := range a.Threads {
		if len(th.Events) < 2 {
			t.Fatalf("thread %d has %d events", id, len(th.Events))
		}
		for _, e := range th.Events {
			if a.Events[e].Thread != id {
				t.Fatalf("thread %d holds event %d, which says %d", id, e, a.Events[e].Thread)
			}
		}
	}
}

// honoured fails unless every constraint holds in the assignment eventOf:
// must-links together, cannot-links apart (unless must-links join them), a
// pinned article with no must-link alone.
func honoured(t *testing.T, cons []Constraint, eventOf func(int64) int64, members func(int64) []int64) {
	t.Helper()
	must := map[int64]bool{}
	for _, c := range cons {
		if c.Kind == MustLink {
			must[c.A], must[c.B] = true, true
			if eventOf(c.A) != eventOf(c.B) {
				t.Errorf("must-link %d-%d: events %d and %d", c.A, c.B, eventOf(c.A), eventOf(c.B))
			}
		}
	}
	for _, c := range cons {
		switch c.Kind {
		case CannotLink:
			if eventOf(c.A) == eventOf(c.B) {
				t.Errorf("cannot-link %d-%d: both in event %d", c.A, c.B, eventOf(c.A))
			}
		case Pin:
			if !must[c.A] && len(members(eventOf(c.A))) != 1 {
				t.Errorf("pinned %d alone, but event %d holds %v", c.A, eventOf(c.A), members(eventOf(c.A)))
			}
		}
	}
}

func (a *archive) honoured(t *testing.T) {
	t.Helper()
	honoured(t, a.constraints(), a.eventOf, func(e int64) []int64 { return a.Events[e].Members })
}

func resultHonoured(t *testing.T, r Result, cons []Constraint) {
	t.Helper()
	of := map[int64]int64{}
	mem := map[int64][]int64{}
	for _, e := range r.Events {
		mem[e.ID] = e.Members
		for _, m := range e.Members {
			of[m] = e.ID
		}
	}
	honoured(t, cons, func(id int64) int64 { return of[id] }, func(e int64) []int64 { return mem[e] })
}
