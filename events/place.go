package events

import (
	"slices"
	"time"
)

// AddArticle places a new article with its links (at most K, each naming
// id as A or B) and returns what changed. It reads only the articles id is
// linked or constrained to, their events and threads: the neighbourhood.
// An article already present is left where it is.
func (s *State) AddArticle(id int64, published *time.Time, links []Link) Changes {
	if a := s.article(id); a != nil && a.Event != 0 {
		return s.finish()
	}
	s.addArticle(id, published, links)
	return s.finish()
}

func (s *State) addArticle(id int64, published *time.Time, links []Link) {
	a := &Article{ID: id, Published: published}
	for _, c := range s.constraints(id) {
		if c.Kind == Pin && c.A == id {
			a.Pinned = true
		}
	}
	s.arts[id] = a
	s.links[id] = links
	for _, l := range links {
		if s.noLoad {
			break // Build: every article's links are complete already
		}
		y := l.other(id)
		if ls, ok := s.links[y]; ok {
			if !hasPair(ls, l) {
				s.links[y] = append(ls, l)
			}
		} else {
			s.extra[y] = append(s.extra[y], l)
		}
	}
	e := s.place(id, nil)
	if s.evs[e].Thread == 0 {
		s.threadEvent(e)
	}
}

// place puts article x (present, unplaced) into an event and returns its
// id. Must-links decide first and win over everything; otherwise, unless x
// is pinned, x joins the event it is most strongly linked to as a whole;
// otherwise it starts its own event. With a scope (re-clustering) only the
// articles in it are considered and new events get temporary ids.
func (s *State) place(x int64, scope map[int64]bool) int64 {
	a := s.arts[x]
	in := func(y int64) bool { return scope == nil || scope[y] }
	var must []int64
	cannot := map[int64]bool{}
	for _, c := range s.constraints(x) {
		if c.Kind == Pin {
			continue
		}
		y := c.A
		if y == x {
			y = c.B
		}
		if !in(y) {
			continue
		}
		b := s.article(y)
		if b == nil || b.Event == 0 {
			continue
		}
		if c.Kind == MustLink {
			if !slices.Contains(must, b.Event) {
				must = append(must, b.Event)
			}
		} else {
			cannot[b.Event] = true
		}
	}
	var target int64
	var also []int64 // other events x qualified for, to absorb
	if len(must) > 0 {
		slices.Sort(must)
		target = must[0]
		if scope != nil {
			target = must[len(must)-1] // temporary ids are negative: any will do
		}
		for _, e := range must {
			if e != target {
				target = s.mergeEvents(target, e)
			}
		}
	} else if !a.Pinned {
		if q := s.qualified(x, a.Published, in, cannot); len(q) > 0 {
			target, also = q[0], q[1:]
		}
	}
	if target == 0 {
		if scope != nil {
			s.tempSeq--
			target = s.tempSeq
		} else {
			target = s.newEventID()
		}
		s.evs[target] = &Event{ID: target}
	}
	s.addMember(target, a)
	for _, f := range also {
		if s.mergeable(target, f, in) {
			target = s.mergeEvents(target, f)
		}
	}
	return target
}

func cmpDesc(a, b float32) int {
	switch {
	case a > b:
		return -1
	case a < b:
		return 1
	}
	return 0
}

func (s *State) addMember(eid int64, a *Article) {
	e := s.evs[eid]
	i, _ := slices.BinarySearch(e.Members, a.ID)
	e.Members = slices.Insert(e.Members, i, a.ID)
	widen(e, a.Published)
	a.Event = eid
	s.dirtyE[eid] = true
	s.dirtyA[a.ID] = true
}

// mergeEvents merges events a and b and returns the survivor: the older
// (smaller) id, the other redirected to it. Their threads merge likewise.
func (s *State) mergeEvents(a, b int64) int64 {
	into, from := a, b
	if a > 0 && b > 0 && b < a {
		into, from = b, a
	}
	ei, ef := s.event(into), s.event(from)
	for _, m := range ef.Members {
		art := s.article(m)
		s.addMember(into, art)
	}
	switch ti, tf := ei.Thread, ef.Thread; {
	case tf == 0:
	case ti == 0:
		s.joinThread(into, tf)
		s.leaveThread(from, tf)
	case ti == tf:
		s.leaveThread(from, tf)
	default:
		s.leaveThread(from, s.mergeThreads(ti, tf))
	}
	s.evs[from] = nil
	s.dirtyE[from] = true
	if into > 0 && from > 0 {
		s.redirE = append(s.redirE, Redirect{From: from, To: into})
	}
	return into
}
