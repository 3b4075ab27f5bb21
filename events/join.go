package events

import (
	"slices"
	"time"
)

// qualified returns the events x may join by analysis, best first. x's
// score for an event of n members is the mean of its q = min(n, Quorum)
// strongest links into it (a member without a link counts 0), and it must
// be linked with P >= LinkMin to need(n) members: so one strong link to one
// member of a large event is not enough, which is what stops chaining.
func (s *State) qualified(x int64, t *time.Time, in func(int64) bool, cannot map[int64]bool) []int64 {
	// At most K links: a slice searched linearly beats a map here.
	type cand struct {
		id     int64
		p      []float32
		score  float32
		linked int
		first  int64
	}
	var cs []cand
	for _, l := range s.linksOf(x) {
		y := l.other(x)
		if !in(y) || l.Event <= 0 {
			continue
		}
		b := s.article(y)
		if b == nil || b.Event == 0 || b.Pinned || cannot[b.Event] {
			continue
		}
		i := slices.IndexFunc(cs, func(c cand) bool { return c.id == b.Event })
		if i < 0 {
			i = len(cs)
			cs = append(cs, cand{id: b.Event})
		}
		cs[i].p = append(cs[i].p, l.Event)
	}
	ok := cs[:0]
	for _, c := range cs {
		e := s.event(c.id)
		if e == nil || !s.within(t, e) || slices.Min(c.p) < s.cfg.Veto {
			continue
		}
		var pass bool
		if c.score, c.linked, pass = s.strength(c.p, len(e.Members)); pass {
			c.first = e.Members[0]
			ok = append(ok, c)
		}
	}
	// Ties go to more linked members, then to the event with the smallest
	// member: not to the id, which differs between a rebuild and a local
	// re-clustering, so that both choose alike.
	slices.SortFunc(ok, func(a, b cand) int {
		switch {
		case a.score != b.score:
			return cmpDesc(a.score, b.score)
		case a.linked != b.linked:
			return b.linked - a.linked
		}
		return cmpID(a.first, b.first)
	})
	out := make([]int64, len(ok))
	for i, c := range ok {
		out[i] = c.id
	}
	return out
}

// strength scores the P of an article's links into an event of n members
// (p is reordered) and says whether they pass the join rule.
func (s *State) strength(p []float32, n int) (score float32, linked int, pass bool) {
	slices.SortFunc(p, cmpDesc)
	q := min(n, s.cfg.Quorum)
	var sum float32
	for i, v := range p {
		if i < q {
			sum += v
		}
		if v >= s.cfg.LinkMin {
			linked++
		}
	}
	score = sum / float32(q)
	return score, linked, linked >= need(n, s.quorum(n)) && score >= s.cfg.Join
}

// absorbMax bounds the events absorb considers merging, since it reads
// the links of each of their members.
const absorbMax = 16

// mergeable repairs fragmentation after an article joined event eid: an
// event f that formed early, before the links that tie it to the rest
// arrived, is merged when the article qualified for f too and need(m) of
// f's m members now qualify for eid on their own links. It is the join rule
// applied to each member, so a single link still chains nothing.
func (s *State) mergeable(eid, fid int64, in func(int64) bool) bool {
	e, f := s.evs[eid], s.event(fid)
	if e == nil || f == nil || len(f.Members) > absorbMax {
		return false
	}
	if f.First != nil && e.First != nil && (!s.within(f.First, e) || !s.within(f.Last, e)) {
		return false
	}
	passed := 0
	for _, m := range f.Members {
		a := s.article(m)
		if a == nil || a.Pinned {
			return false // a corrected event is changed only by corrections
		}
		for _, c := range s.constraints(m) {
			if c.Kind == CannotLink {
				if b := s.article(c.A + c.B - m); b != nil && b.Event == eid {
					return false
				}
			}
		}
		var p []float32
		for _, l := range s.linksOf(m) {
			y := l.other(m)
			if !in(y) || l.Event <= 0 {
				continue
			}
			if b := s.article(y); b != nil && b.Event == eid && !b.Pinned {
				p = append(p, l.Event)
			}
		}
		if _, _, ok := s.strength(p, len(e.Members)); ok {
			passed++
		}
	}
	return passed >= need(len(f.Members), s.quorum(len(f.Members)))
}

// quorum is the most members an article must be linked to in an event of
// n: Quorum, and one more for every QuorumGrowth members. Without the
// growth three strong links let an article into an event of any size, and
// a pool of undated reports on one topic (a year of a country's politics)
// grew into one event of 181 articles; with it an event of 100 asks for 13
// of the article's 32 links.
func (s *State) quorum(n int) int {
	if s.cfg.QuorumGrowth <= 0 {
		return s.cfg.Quorum
	}
	q := s.cfg.Quorum + n/s.cfg.QuorumGrowth
	if s.cfg.QuorumMax > 0 {
		q = min(q, s.cfg.QuorumMax)
	}
	return q
}
