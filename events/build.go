package events

import (
	"slices"
	"time"
)

// Result is a whole clustering: every event and thread, every article with
// its event, and the next unused ids.
type Result struct {
	Events   []Event
	Threads  []Thread
	Articles []Article
	Next     IDs
}

// Build clusters a whole archive from scratch: it adds the articles one by
// one in id order, each with its links, exactly as AddArticle would, so
// that a first analysis and an archive grown one import at a time give the
// same partition. Constraints are honoured as each article arrives. Only
// ID and Published of articles are read. Build is deterministic.
func Build(cfg Config, articles []Article, links []Link, cons []Constraint) Result {
	src := NewMemSource()
	for _, c := range cons {
		src.AddConstraint(c)
	}
	s := NewState(cfg, src, IDs{})
	// Every link is known up front: index them once, complete, rather
	// than merging each article's links into its neighbours' as it comes.
	s.noLoad = true
	for _, l := range links {
		s.links[l.A] = append(s.links[l.A], l)
		s.links[l.B] = append(s.links[l.B], l)
	}
	order := slices.Clone(articles)
	slices.SortFunc(order, func(a, b Article) int { return cmpID(a.ID, b.ID) })
	for _, a := range order {
		if got := s.arts[a.ID]; got != nil {
			continue
		}
		var pub *time.Time
		if a.Published != nil {
			v := *a.Published
			pub = &v
		}
		if s.links[a.ID] == nil {
			s.links[a.ID] = []Link{}
		}
		s.addArticle(a.ID, pub, s.links[a.ID])
	}
	return s.Snapshot()
}

func cmpID(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Snapshot returns every event, thread and article the State holds (for a
// State over a partial Source, only what it has read or made).
func (s *State) Snapshot() Result {
	r := Result{Next: s.next}
	for _, id := range sortedKeysT(s.evs) {
		if e := s.evs[id]; e != nil {
			r.Events = append(r.Events, cloneEvent(e))
		}
	}
	for _, id := range sortedKeysT(s.ths) {
		if t := s.ths[id]; t != nil {
			r.Threads = append(r.Threads, Thread{ID: t.ID, Events: slices.Clone(t.Events)})
		}
	}
	for _, id := range sortedKeysT(s.arts) {
		if a := s.arts[id]; a != nil {
			r.Articles = append(r.Articles, *a)
		}
	}
	return r
}
