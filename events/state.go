package events

import (
	"slices"
	"time"
)

// State is the clustering of the part of the archive an operation touches:
// what it read from its Source, and what it changed. Reads are cached, so a
// State can serve a batch of operations; Changes lists only what changed
// since the last one.
type State struct {
	cfg  Config
	src  Source
	next IDs

	arts    map[int64]*Article // nil value: not stored
	links   map[int64][]Link   // complete links of an article, once read
	extra   map[int64][]Link   // links added to an article not yet read
	evs     map[int64]*Event   // nil value: no such event
	ths     map[int64]*Thread  // nil value: no such thread
	cons    map[int64][]Constraint
	noLoad  bool // Build: the source holds no clustering, only links
	dirtyE  map[int64]bool
	dirtyT  map[int64]bool
	dirtyA  map[int64]bool
	redirE  []Redirect
	redirT  []Redirect
	addC    []Constraint
	dropC   []Constraint
	tempSeq int64 // temporary (negative) event ids while re-clustering
	since   IDs   // the next ids when the current operation began
}

// NewState returns a State over src whose next unused ids are next (both at
// least 1).
func NewState(cfg Config, src Source, next IDs) *State {
	next.Event = max(next.Event, 1)
	next.Thread = max(next.Thread, 1)
	return &State{
		cfg: cfg, src: src, next: next, since: next,
		arts: map[int64]*Article{}, links: map[int64][]Link{}, extra: map[int64][]Link{},
		evs: map[int64]*Event{}, ths: map[int64]*Thread{}, cons: map[int64][]Constraint{},
		dirtyE: map[int64]bool{}, dirtyT: map[int64]bool{}, dirtyA: map[int64]bool{},
	}
}

func (s *State) article(id int64) *Article {
	a, ok := s.arts[id]
	if ok {
		return a
	}
	if !s.noLoad {
		if v, found := s.src.Article(id); found {
			a = &v
		}
	}
	s.arts[id] = a
	return a
}

func (s *State) event(id int64) *Event {
	e, ok := s.evs[id]
	if ok {
		return e
	}
	if !s.noLoad && id > 0 {
		if v, found := s.src.Event(id); found {
			v.Members = slices.Clone(v.Members)
			e = &v
		}
	}
	s.evs[id] = e
	return e
}

func (s *State) thread(id int64) *Thread {
	t, ok := s.ths[id]
	if ok {
		return t
	}
	if !s.noLoad && id > 0 {
		if v, found := s.src.Thread(id); found {
			v.Events = slices.Clone(v.Events)
			t = &v
		}
	}
	s.ths[id] = t
	return t
}

// linksOf returns every known link of id: the stored ones and those added
// since, each pair once.
func (s *State) linksOf(id int64) []Link {
	if ls, ok := s.links[id]; ok {
		return ls
	}
	ls := slices.Clone(s.src.Links(id))
	for _, x := range s.extra[id] {
		if !hasPair(ls, x) {
			ls = append(ls, x)
		}
	}
	delete(s.extra, id)
	s.links[id] = ls
	return ls
}

func hasPair(ls []Link, x Link) bool {
	for _, l := range ls {
		if (l.A == x.A && l.B == x.B) || (l.A == x.B && l.B == x.A) {
			return true
		}
	}
	return false
}

func (s *State) constraints(id int64) []Constraint {
	if cs, ok := s.cons[id]; ok {
		return cs
	}
	cs := slices.Clone(s.src.Constraints(id))
	s.cons[id] = cs
	return cs
}

// addConstraint adds c unless it holds already. The State tracks the net
// change against its Source, so that dropping and re-adding one constraint
// in one operation writes nothing.
func (s *State) addConstraint(c Constraint) {
	if c.Kind == Pin {
		if a := s.article(c.A); a != nil && !a.Pinned {
			a.Pinned = true
			s.dirtyA[a.ID] = true
		}
	}
	if slices.Contains(s.constraints(c.A), c) {
		return
	}
	for _, id := range ends(c) {
		s.cons[id] = append(s.constraints(id), c)
	}
	if i := slices.Index(s.dropC, c); i >= 0 {
		s.dropC = slices.Delete(s.dropC, i, i+1)
	} else {
		s.addC = append(s.addC, c)
	}
}

func (s *State) dropConstraint(c Constraint) {
	if !slices.Contains(s.constraints(c.A), c) {
		return
	}
	for _, id := range ends(c) {
		s.cons[id] = slices.DeleteFunc(s.constraints(id), func(x Constraint) bool { return x == c })
	}
	if i := slices.Index(s.addC, c); i >= 0 {
		s.addC = slices.Delete(s.addC, i, i+1)
	} else {
		s.dropC = append(s.dropC, c)
	}
	if c.Kind == Pin {
		if a := s.article(c.A); a != nil && a.Pinned {
			a.Pinned = false
			s.dirtyA[a.ID] = true
		}
	}
}

// ends returns the articles c names.
func ends(c Constraint) []int64 {
	if c.B == 0 || c.B == c.A {
		return []int64{c.A}
	}
	return []int64{c.A, c.B}
}

func (s *State) newEventID() int64 {
	id := s.next.Event
	s.next.Event++
	return id
}

func (s *State) newThreadID() int64 {
	id := s.next.Thread
	s.next.Thread++
	return id
}

// within reports whether date t may join an event spanning [first, last]:
// undated articles and events without dated members are not limited.
func (s *State) within(t *time.Time, e *Event) bool {
	if t == nil || e.First == nil {
		return true
	}
	lo, hi := *e.First, *e.Last
	if t.Before(lo.Add(-s.cfg.Window)) || t.After(hi.Add(s.cfg.Window)) {
		return false
	}
	if t.Before(lo) {
		lo = *t
	}
	if t.After(hi) {
		hi = *t
	}
	return hi.Sub(lo) <= s.cfg.MaxSpan
}

// widen extends e's span to cover t.
func widen(e *Event, t *time.Time) {
	if t == nil {
		return
	}
	if e.First == nil || t.Before(*e.First) {
		v := *t
		e.First = &v
	}
	if e.Last == nil || t.After(*e.Last) {
		v := *t
		e.Last = &v
	}
}

// finish collects what changed since the last call.
func (s *State) finish() Changes {
	ch := Changes{Next: s.next, AddConstraints: s.addC, DropConstraints: s.dropC}
	gone := map[int64]bool{}
	for _, r := range s.redirE {
		gone[r.From] = true
	}
	for _, id := range sortedKeys(s.dirtyE) {
		if e := s.evs[id]; e != nil {
			ch.Events = append(ch.Events, cloneEvent(e))
			if id >= s.since.Event {
				ch.CreatedEvents = append(ch.CreatedEvents, id)
			}
		} else if !gone[id] && id > 0 {
			ch.RemovedEvents = append(ch.RemovedEvents, id)
		}
	}
	gone = map[int64]bool{}
	for _, r := range s.redirT {
		gone[r.From] = true
	}
	for _, id := range sortedKeys(s.dirtyT) {
		if t := s.ths[id]; t != nil {
			ch.Threads = append(ch.Threads, Thread{ID: t.ID, Events: slices.Clone(t.Events)})
			if id >= s.since.Thread {
				ch.CreatedThreads = append(ch.CreatedThreads, id)
			}
		} else if !gone[id] {
			ch.RemovedThreads = append(ch.RemovedThreads, id)
		}
	}
	for _, id := range sortedKeys(s.dirtyA) {
		if a := s.arts[id]; a != nil {
			ch.Articles = append(ch.Articles, *a)
		}
	}
	ch.EventRedirects, ch.ThreadRedirects = s.redirE, s.redirT
	s.redirE, s.redirT, s.addC, s.dropC = nil, nil, nil, nil
	s.since = s.next
	s.dirtyE, s.dirtyT, s.dirtyA = map[int64]bool{}, map[int64]bool{}, map[int64]bool{}
	return ch
}

func cloneEvent(e *Event) Event {
	v := *e
	v.Members = slices.Clone(e.Members)
	return v
}

func sortedKeys(m map[int64]bool) []int64 {
	out := make([]int64, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
