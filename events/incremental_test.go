package events

import (
	"math/rand/v2"
	"slices"
	"testing"
	"time"
)

func TestIDsStableAcrossAdditions(t *testing.T) {
	var links []Link
	for i := int64(1); i <= 8; i++ {
		for j := i + 1; j <= 8; j++ {
			links = append(links, lk(i, j, 0.9, 0.9))
		}
	}
	links = append(links, lk(20, 21, 0.9, 0.9))
	a := newArchive()
	a.add(t, 1, day(0), links)
	ev := a.eventOf(1)
	for id := int64(2); id <= 8; id++ {
		ch := a.add(t, id, day(1), links)
		if a.eventOf(id) != ev {
			t.Fatalf("article %d: event %d, want %d", id, a.eventOf(id), ev)
		}
		if len(ch.CreatedEvents) != 0 || len(ch.EventRedirects)+len(ch.RemovedEvents) != 0 {
			t.Fatalf("an addition removed events: %+v", ch)
		}
	}
	if ch := a.add(t, 20, day(50), links); !slices.Equal(ch.CreatedEvents, []int64{a.eventOf(20)}) {
		t.Fatalf("a new event not reported as created: %+v", ch)
	}
	a.add(t, 21, day(50), links)
	if other := a.eventOf(20); other == ev || a.eventOf(21) != other {
		t.Fatalf("a second event: %v", a.partition())
	}
	if a.eventOf(1) != ev {
		t.Fatal("the first event's id changed")
	}
}

func TestThreadRedirectWhenEventsOfTwoThreadsMerge(t *testing.T) {
	// Two threads, each of two events a year apart; a merge correction on
	// one event of each merges the threads too.
	links := []Link{lk(1, 2, 0.1, 0.8), lk(3, 4, 0.1, 0.8)}
	a := newArchive()
	for id := int64(1); id <= 4; id++ {
		a.add(t, id, day(int(id)*400), links)
	}
	if len(a.Threads) != 2 {
		t.Fatalf("threads %v", a.Threads)
	}
	t1, t2 := a.Events[a.eventOf(1)].Thread, a.Events[a.eventOf(3)].Thread
	ch := a.apply(t, Correction{Kind: MergeEvents, Event: a.eventOf(2), Other: a.eventOf(3)})
	a.checkConsistent(t)
	if !slices.Contains(ch.ThreadRedirects, Redirect{From: max(t1, t2), To: min(t1, t2)}) {
		t.Fatalf("thread redirects %v", ch.ThreadRedirects)
	}
	if len(a.Threads) != 1 || len(a.Threads[min(t1, t2)].Events) != 3 {
		t.Fatalf("threads after merge %v", a.Threads)
	}
}

// randomGraph makes n articles in groups of versions (dated within days),
// strongly linked inside a group with some links missing, weakly and
// randomly across groups, at most k links kept per article.
func randomGraph(r *rand.Rand, n, k int) ([]Article, []Link) {
	var as []Article
	group := map[int64]int{}
	for id := int64(1); id <= int64(n); id++ {
		g := r.IntN(n/4 + 1)
		group[id] = g
		var pub *time.Time
		if r.IntN(10) > 0 {
			pub = day(g*20 + r.IntN(3))
		}
		as = append(as, Article{ID: id, Published: pub})
	}
	var links []Link
	count := map[int64]int{}
	for i := int64(1); i <= int64(n); i++ {
		for j := i + 1; j <= int64(n); j++ {
			var l Link
			switch {
			case group[i] == group[j] && r.IntN(5) > 0:
				l = lk(i, j, 0.5+r.Float32()/2, 0.8)
			case r.IntN(8) == 0:
				l = lk(i, j, r.Float32()*0.6, r.Float32())
			default:
				continue
			}
			if count[i] < k && count[j] < k {
				count[i]++
				count[j]++
				links = append(links, l)
			}
		}
	}
	return as, links
}

func TestBuildEqualsOneByOne(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for round := range 20 {
		as, links := randomGraph(r, 40, 8)
		b := Build(DefaultConfig(), as, links, nil)
		a := newArchive()
		for _, x := range as {
			a.add(t, x.ID, x.Published, links)
		}
		a.checkConsistent(t)
		if got, want := partitionOf(b.Events), a.partition(); !slices.EqualFunc(got, want, slices.Equal) {
			t.Fatalf("round %d: Build %v, one by one %v", round, got, want)
		}
		for _, e := range b.Events {
			if e.First != nil && e.Last.Sub(*e.First) > DefaultConfig().MaxSpan {
				t.Fatalf("round %d: event %v spans too long", round, e)
			}
			if got := a.Events[e.ID]; !slices.Equal(got.Members, e.Members) || got.Thread != e.Thread {
				t.Fatalf("round %d: event %d differs: %v and %v", round, e.ID, got, e)
			}
		}
	}
}

// TestRandomCorrections applies random corrections to random graphs and
// checks after each that the incremental state and a rebuild both honour
// every stored constraint.
func TestRandomCorrections(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	skipped := 0
	defer func() { t.Logf("%d steps had contradictory constraints", skipped) }()
	for round := range 10 {
		as, links := randomGraph(r, 30, 8)
		a := newArchive()
		for _, x := range as {
			a.add(t, x.ID, x.Published, links)
		}
		for step := range 15 {
			x, y := int64(1+r.IntN(30)), int64(1+r.IntN(30))
			if x == y {
				continue
			}
			var c Correction
			switch r.IntN(6) {
			case 0:
				c = Correction{Kind: SameEvent, A: x, B: y}
			case 1:
				c = Correction{Kind: NotSameEvent, A: x, B: y}
			case 2:
				c = Correction{Kind: RemoveFromEvent, A: x}
			case 3:
				c = Correction{Kind: MoveToEvent, A: x, Event: a.eventOf(y)}
			case 4:
				if a.eventOf(x) == a.eventOf(y) {
					continue
				}
				c = Correction{Kind: MergeEvents, Event: a.eventOf(x), Other: a.eventOf(y)}
			case 5:
				m := a.Events[a.eventOf(x)].Members
				c = Correction{Kind: SplitEvent, Event: a.eventOf(x), Parts: [][]int64{m[:len(m)/2]}}
			}
			before := a.partition()
			a.apply(t, c)
			a.checkConsistent(t)
			if t.Failed() {
				t.Fatalf("round %d step %d: %+v", round, step, c)
			}
			cons := a.constraints()
			if contradictory(cons) {
				skipped++
			} else {
				a.honoured(t)
				resultHonoured(t, Build(DefaultConfig(), as, links, cons), cons)
			}
			if t.Failed() {
				t.Fatalf("round %d step %d: %+v\nbefore %v\nafter %v\nconstraints %v", round, step, c, before, a.partition(), cons)
			}
		}
	}
}

// contradictory reports whether must-links join two articles that a
// cannot-link or a pin keeps apart, where the must-links win by design.
func contradictory(cons []Constraint) bool {
	u := map[int64]int64{}
	var find func(int64) int64
	find = func(x int64) int64 {
		if p, ok := u[x]; ok && p != x {
			return find(p)
		}
		return x
	}
	for _, c := range cons {
		if c.Kind == MustLink {
			u[find(c.A)] = find(c.B)
		}
	}
	for _, c := range cons {
		if c.Kind == CannotLink && find(c.A) == find(c.B) {
			return true
		}
	}
	return false
}

// countingSource counts the reads an operation makes.
type countingSource struct {
	Source
	calls int
}

func (c *countingSource) Article(id int64) (Article, bool) { c.calls++; return c.Source.Article(id) }
func (c *countingSource) Links(id int64) []Link            { c.calls++; return c.Source.Links(id) }
func (c *countingSource) Event(id int64) (Event, bool)     { c.calls++; return c.Source.Event(id) }
func (c *countingSource) Thread(id int64) (Thread, bool)   { c.calls++; return c.Source.Thread(id) }
func (c *countingSource) Constraints(id int64) []Constraint {
	c.calls++
	return c.Source.Constraints(id)
}

func TestAddArticleReadsOnlyItsNeighbourhood(t *testing.T) {
	const k = 32
	var calls []int
	for _, n := range []int{20_000, 200_000} {
		src, next := generated(n, 5, 4)
		links := newLinks(int64(n+1), n, k)
		cs := &countingSource{Source: src}
		ch := NewState(DefaultConfig(), cs, next).AddArticle(int64(n+1), day(0), links)
		if len(ch.Events) == 0 {
			t.Fatal("the new article is in no event")
		}
		calls = append(calls, cs.calls)
	}
	// Reads depend on the K links (their articles, events and threads, and
	// the links of one event's members), never on the archive's size.
	t.Logf("reads for one article with %d links: %v", k, calls)
	if calls[0] != calls[1] {
		t.Fatalf("reads grew with the archive: %v", calls)
	}
	if calls[0] > 4*k+16 {
		t.Fatalf("%d reads for %d links", calls[0], k)
	}
}
