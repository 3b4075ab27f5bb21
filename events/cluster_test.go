package events

import (
	"slices"
	"testing"
)

func TestChainDoesNotBecomeOneEvent(t *testing.T) {
	links := []Link{lk(1, 2, 0.95, 0.9), lk(2, 3, 0.95, 0.9), lk(3, 4, 0.95, 0.9)}
	a := newArchive()
	for id := int64(1); id <= 4; id++ {
		a.add(t, id, day(0), links)
	}
	a.checkConsistent(t)
	for _, p := range [][2]int64{{1, 3}, {1, 4}, {2, 4}} {
		if a.eventOf(p[0]) == a.eventOf(p[1]) {
			t.Errorf("%d and %d share an event through a chain: %v", p[0], p[1], a.partition())
		}
	}
	r := Build(DefaultConfig(), []Article{{ID: 1}, {ID: 2}, {ID: 3}, {ID: 4}}, links, nil)
	if got, want := partitionOf(r.Events), a.partition(); !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("Build %v, one by one %v", got, want)
	}
}

func TestCliqueBecomesOneEvent(t *testing.T) {
	var links []Link
	for i := int64(1); i <= 6; i++ {
		for j := i + 1; j <= 6; j++ {
			links = append(links, lk(i, j, 0.8, 0.8))
		}
	}
	r := Build(DefaultConfig(), arts(1, 6), links, nil)
	if len(r.Events) != 1 || len(r.Events[0].Members) != 6 {
		t.Fatalf("six versions linked to each other: %v", partitionOf(r.Events))
	}
}

func arts(from, to int64) []Article {
	var out []Article
	for id := from; id <= to; id++ {
		out = append(out, Article{ID: id})
	}
	return out
}

func TestTemplateClusterDoesNotMerge(t *testing.T) {
	// Dividend notices of different companies: every pair weakly linked.
	var links []Link
	for i := int64(1); i <= 40; i++ {
		for j := i + 1; j <= 40; j++ {
			links = append(links, lk(i, j, 0.25, 0.1))
		}
	}
	r := Build(DefaultConfig(), arts(1, 40), links, nil)
	if len(r.Events) != 40 {
		t.Fatalf("a template made %d events of 40 articles", len(r.Events))
	}
	if len(r.Threads) != 0 {
		t.Fatalf("a template made threads %v", r.Threads)
	}
}

func TestOneStrongLinkDoesNotJoinALargeEvent(t *testing.T) {
	var links []Link
	for i := int64(1); i <= 5; i++ {
		for j := i + 1; j <= 5; j++ {
			links = append(links, lk(i, j, 0.9, 0.9))
		}
	}
	links = append(links, lk(5, 6, 0.99, 0.9))
	r := Build(DefaultConfig(), arts(1, 6), links, nil)
	if got := partitionOf(r.Events); len(got) != 2 || len(got[0]) != 5 {
		t.Fatalf("article 6 linked to one of five members: %v", got)
	}
}

func TestDatesFarApartNeverShareAnEvent(t *testing.T) {
	a := newArchive()
	links := []Link{lk(1, 2, 0.99, 0.9), lk(1, 3, 0.99, 0.9), lk(2, 3, 0.99, 0.9), lk(3, 4, 0.99, 0.9), lk(1, 4, 0.99, 0.9), lk(2, 4, 0.99, 0.9)}
	a.add(t, 1, day(0), links)
	a.add(t, 2, day(200), links)
	a.add(t, 3, nil, links) // undated: not limited by dates
	a.add(t, 4, day(3), links)
	if a.eventOf(1) == a.eventOf(2) {
		t.Fatal("articles 200 days apart share an event")
	}
	if a.eventOf(3) != a.eventOf(1) || a.eventOf(4) != a.eventOf(1) {
		t.Fatalf("undated 3 and dated 4 should join 1: %v", a.partition())
	}
}

func TestEventCannotCreepThroughTime(t *testing.T) {
	// Each article is within the window of the one before, but the event
	// would then span a month.
	var links []Link
	for i := int64(1); i <= 6; i++ {
		for j := i + 1; j <= 6; j++ {
			links = append(links, lk(i, j, 0.9, 0.9))
		}
	}
	a := newArchive()
	for id := int64(1); id <= 6; id++ {
		a.add(t, id, day(int(id-1)*6), links)
	}
	for _, e := range a.Events {
		if e.First != nil && e.Last.Sub(*e.First) > DefaultConfig().MaxSpan {
			t.Fatalf("event %d spans %v", e.ID, e.Last.Sub(*e.First))
		}
	}
	if len(a.Events) < 2 {
		t.Fatal("a month of daily links became one event")
	}
}

// seeds: five articles on one running story (three different calls, 2022
// to 2024): {1, 2} one event, {3} another, {4, 5} a third, one thread.
func seeds() ([]Article, []Link) {
	as := []Article{{ID: 1, Published: day(0)}, {ID: 2, Published: day(1)}, {ID: 3, Published: day(380)}, {ID: 4, Published: day(760)}, {ID: 5, Published: day(762)}}
	links := []Link{lk(1, 2, 0.9, 0.9), lk(4, 5, 0.85, 0.9)}
	// Across events: the same topic (thread score), and words enough for a
	// fairly high P, which the dates must overrule.
	for _, p := range [][2]int64{{1, 3}, {2, 3}, {1, 4}, {2, 4}, {3, 4}, {1, 5}, {2, 5}, {3, 5}} {
		links = append(links, lk(p[0], p[1], 0.6, 0.6))
	}
	return as, links
}

func TestSeedsGiveThreeEventsOneThread(t *testing.T) {
	as, links := seeds()
	check := func(name string, evs []Event, threads []Thread) {
		want := [][]int64{{1, 2}, {3}, {4, 5}}
		if got := partitionOf(evs); !slices.EqualFunc(got, want, slices.Equal) {
			t.Fatalf("%s: events %v, want %v", name, got, want)
		}
		if len(threads) != 1 || len(threads[0].Events) != 3 {
			t.Fatalf("%s: threads %v, want one of three events", name, threads)
		}
	}
	r := Build(DefaultConfig(), as, links, nil)
	check("Build", r.Events, r.Threads)
	a := newArchive()
	for _, x := range as {
		a.add(t, x.ID, x.Published, links)
	}
	a.checkConsistent(t)
	var evs []Event
	for _, e := range a.Events {
		evs = append(evs, e)
	}
	var ths []Thread
	for _, th := range a.Threads {
		ths = append(ths, th)
	}
	check("one by one", evs, ths)
}

func TestThreadNeedsSeveralEventsNotOne(t *testing.T) {
	// Events 1..4 (one article each, a year apart) all on one thread; a
	// fifth linked by thread score to only one of them stays off it.
	var links []Link
	for i := int64(1); i <= 4; i++ {
		for j := i + 1; j <= 4; j++ {
			links = append(links, lk(i, j, 0.1, 0.7))
		}
	}
	links = append(links, lk(4, 5, 0.1, 0.9))
	var as []Article
	for id := int64(1); id <= 5; id++ {
		as = append(as, Article{ID: id, Published: day(int(id) * 365)})
	}
	r := Build(DefaultConfig(), as, links, nil)
	if len(r.Threads) != 1 || !slices.Equal(r.Threads[0].Events, []int64{1, 2, 3, 4}) {
		t.Fatalf("threads %v, want one of events 1-4", r.Threads)
	}
}

func TestThreadSizeIsBounded(t *testing.T) {
	cfg := DefaultConfig()
	cfg.MaxThreadEvents = 5
	var links []Link
	for i := int64(1); i <= 12; i++ {
		for j := i + 1; j <= 12; j++ {
			links = append(links, lk(i, j, 0.1, 0.8))
		}
	}
	var as []Article
	for id := int64(1); id <= 12; id++ {
		as = append(as, Article{ID: id, Published: day(int(id) * 100)})
	}
	r := Build(cfg, as, links, nil)
	for _, th := range r.Threads {
		if len(th.Events) > cfg.MaxThreadEvents {
			t.Fatalf("thread %d has %d events", th.ID, len(th.Events))
		}
	}
}

func TestEarlyFragmentIsAbsorbed(t *testing.T) {
	// 1 and 2 are versions of one event whose link was not kept; 3 joins
	// 1, and when 4 arrives linked to all three, 2 is linked strongly
	// enough to the whole event to be merged into it.
	links := []Link{lk(1, 3, 0.9, 0.9), lk(2, 3, 0.9, 0.9), lk(1, 4, 0.9, 0.9), lk(2, 4, 0.9, 0.9), lk(3, 4, 0.9, 0.9)}
	a := newArchive()
	var redirects []Redirect
	for id := int64(1); id <= 4; id++ {
		redirects = append(redirects, a.add(t, id, day(0), links).EventRedirects...)
	}
	a.checkConsistent(t)
	if got := a.partition(); len(got) != 1 {
		t.Fatalf("one event expected: %v", got)
	}
	if len(redirects) != 1 || redirects[0].To != a.eventOf(1) {
		t.Fatalf("the absorbed event redirects to the older one: %v", redirects)
	}
	r := Build(DefaultConfig(), arts(1, 4), links, nil)
	if len(r.Events) != 1 {
		t.Fatalf("Build: %v", partitionOf(r.Events))
	}
}

// One member the score holds to be another event keeps an article out,
// however strongly the others hold it: two reports of one call joined by
// a third that recounts a date long after one of them.
func TestMemberStronglyAgainstKeepsArticleOut(t *testing.T) {
	links := []Link{lk(1, 2, 0.9, 0.9), lk(1, 3, 0.95, 0.9), lk(2, 3, 0.9, 0.9), lk(1, 4, 0.97, 0.9), lk(2, 4, 0.7, 0.9), lk(3, 4, 0.04, 0.9)}
	r := Build(DefaultConfig(), arts(1, 4), links, nil)
	got := partitionOf(r.Events)
	if len(got) != 2 || !slices.Equal(got[0], []int64{1, 2, 3}) {
		t.Fatalf("article 4, held to be another event by 3: %v", got)
	}
	// Just above the veto the mean of its links decides, and lets it in.
	links[5].Event = DefaultConfig().Veto + 0.01
	r = Build(DefaultConfig(), arts(1, 4), links, nil)
	if got := partitionOf(r.Events); len(got) != 1 {
		t.Fatalf("a weak but not contrary link kept article 4 out: %v", got)
	}
}

// The larger an event, the more of it an article must be linked to: three
// strong links take an article into an event of five, not into one of
// forty, which asks for Quorum + 40/QuorumGrowth.
func TestLargeEventAsksForMoreLinks(t *testing.T) {
	cfg := DefaultConfig()
	clique := func(n int64) []Link {
		var links []Link
		for i := int64(1); i <= n; i++ {
			for j := i + 1; j <= n; j++ {
				links = append(links, lk(i, j, 0.9, 0.9))
			}
		}
		return links
	}
	joins := func(n int64, linkedTo int) bool {
		links := clique(n)
		for m := int64(1); m <= int64(linkedTo); m++ {
			links = append(links, lk(m, n+1, 0.95, 0.9))
		}
		r := Build(cfg, arts(1, n+1), links, nil)
		return len(r.Events) == 1
	}
	if !joins(5, 3) {
		t.Error("three strong links did not take an article into an event of five")
	}
	need := cfg.Quorum + 40/cfg.QuorumGrowth
	if joins(40, need-1) {
		t.Errorf("%d strong links took an article into an event of forty", need-1)
	}
	if !joins(40, need) {
		t.Errorf("%d strong links did not take an article into an event of forty", need)
	}
}

// The grown quorum is capped at QuorumMax, so that an event of many
// versions stays reachable with the links an article keeps: an event of a
// hundred asks for QuorumMax links, not Quorum + 100/QuorumGrowth (more
// than the 32 an article keeps).
func TestQuorumIsCapped(t *testing.T) {
	cfg := DefaultConfig()
	if cfg.QuorumMax <= 0 || cfg.Quorum+100/cfg.QuorumGrowth <= cfg.QuorumMax {
		t.Fatalf("the default quorum is not capped for an event of a hundred: %+v", cfg)
	}
	var links []Link
	for i := int64(1); i <= 100; i++ {
		for j := i + 1; j <= 100; j++ {
			links = append(links, lk(i, j, 0.9, 0.9))
		}
	}
	joins := func(linkedTo int) bool {
		ls := slices.Clone(links)
		for m := int64(1); m <= int64(linkedTo); m++ {
			ls = append(ls, lk(m, 101, 0.95, 0.9))
		}
		return len(Build(cfg, arts(1, 101), ls, nil).Events) == 1
	}
	if joins(cfg.QuorumMax - 1) {
		t.Errorf("%d strong links took an article into an event of a hundred", cfg.QuorumMax-1)
	}
	if !joins(cfg.QuorumMax) {
		t.Errorf("%d strong links did not take an article into an event of a hundred", cfg.QuorumMax)
	}
}
