package app

import (
	"context"

	"github.com/storydiff/storydiff/events"
	"github.com/storydiff/storydiff/store"
)

// sqlSource serves the stored clustering to events.State one article, event
// or thread at a time. The Source interface has no errors: the first one is
// kept, and the caller checks it before writing anything back.
type sqlSource struct {
	ctx context.Context
	db  *store.DB
	err error
}

func (s *sqlSource) fail(err error) {
	if err != nil && s.err == nil {
		s.err = err
	}
}

func (s *sqlSource) Article(id int64) (events.Article, bool) {
	a, ok, err := s.db.Placed(s.ctx, id)
	s.fail(err)
	if !ok || a.Event == 0 {
		// An article no event holds yet is not part of the clustering.
		return events.Article{}, false
	}
	return events.Article{ID: a.ID, Published: a.Published, Event: a.Event, Pinned: a.Pinned}, true
}

func (s *sqlSource) Links(id int64) []events.Link {
	ls, err := s.db.LinksOf(s.ctx, id)
	s.fail(err)
	return toEventLinks(ls)
}

func (s *sqlSource) Event(id int64) (events.Event, bool) {
	e, ok, err := s.db.EventRowOf(s.ctx, id)
	s.fail(err)
	if !ok {
		return events.Event{}, false
	}
	return events.Event{ID: e.ID, Members: e.Members, First: e.First, Last: e.Last, Thread: e.Thread}, true
}

func (s *sqlSource) Thread(id int64) (events.Thread, bool) {
	t, ok, err := s.db.ThreadRowOf(s.ctx, id)
	s.fail(err)
	if !ok {
		return events.Thread{}, false
	}
	return events.Thread{ID: t.ID, Events: t.Events}, true
}

func (s *sqlSource) Constraints(id int64) []events.Constraint {
	cs, err := s.db.ConstraintsOf(s.ctx, id)
	s.fail(err)
	return toEventConstraints(cs)
}

func toEventLinks(ls []store.Link) []events.Link {
	out := make([]events.Link, len(ls))
	for i, l := range ls {
		out[i] = events.Link{A: l.A, B: l.B, Event: l.Event, Thread: l.Thread}
	}
	return out
}

func toEventConstraints(cs []store.Constraint) []events.Constraint {
	out := make([]events.Constraint, len(cs))
	for i, c := range cs {
		out[i] = events.Constraint{Kind: events.ConstraintKind(c.Kind), A: c.A, B: c.B}
	}
	return out
}

func toStoreConstraints(cs []events.Constraint) []store.Constraint {
	out := make([]store.Constraint, len(cs))
	for i, c := range cs {
		out[i] = store.Constraint{Kind: uint8(c.Kind), A: c.A, B: c.B}
	}
	return out
}

func toStoreRedirects(rs []events.Redirect) []store.Redirect {
	out := make([]store.Redirect, len(rs))
	for i, r := range rs {
		out[i] = store.Redirect{From: r.From, To: r.To}
	}
	return out
}

// clusterChanges turns what an events operation changed into what the store
// writes back.
func clusterChanges(ch events.Changes) store.ClusterChanges {
	out := store.ClusterChanges{
		RemovedEvents:   ch.RemovedEvents,
		EventRedirects:  toStoreRedirects(ch.EventRedirects),
		RemovedThreads:  ch.RemovedThreads,
		ThreadRedirects: toStoreRedirects(ch.ThreadRedirects),
		AddConstraints:  toStoreConstraints(ch.AddConstraints),
		DropConstraints: toStoreConstraints(ch.DropConstraints),
		NextEvent:       ch.Next.Event,
		NextThread:      ch.Next.Thread,
		Pins:            map[int64]bool{},
	}
	for _, e := range ch.Events {
		out.Events = append(out.Events, store.EventRow{ID: e.ID, Members: e.Members, First: e.First, Last: e.Last, Thread: e.Thread})
	}
	for _, t := range ch.Threads {
		out.Threads = append(out.Threads, store.ThreadRow{ID: t.ID, Events: t.Events})
	}
	for _, a := range ch.Articles {
		out.Pins[a.ID] = a.Pinned
	}
	return out
}

// mergeChanges appends b to a: successive operations of one batch, written
// in one transaction. Later states of an event or thread replace earlier
// ones; an id retired later is dropped from what was written before.
func mergeChanges(a, b store.ClusterChanges) store.ClusterChanges {
	gone := map[int64]bool{}
	for _, id := range b.RemovedEvents {
		gone[id] = true
	}
	for _, r := range b.EventRedirects {
		gone[r.From] = true
	}
	changed := map[int64]bool{}
	for _, e := range b.Events {
		changed[e.ID] = true
	}
	evs := a.Events[:0:0]
	for _, e := range a.Events {
		if !gone[e.ID] && !changed[e.ID] {
			evs = append(evs, e)
		}
	}
	a.Events = append(evs, b.Events...)
	goneT := map[int64]bool{}
	for _, id := range b.RemovedThreads {
		goneT[id] = true
	}
	for _, r := range b.ThreadRedirects {
		goneT[r.From] = true
	}
	changedT := map[int64]bool{}
	for _, t := range b.Threads {
		changedT[t.ID] = true
	}
	ths := a.Threads[:0:0]
	for _, t := range a.Threads {
		if !goneT[t.ID] && !changedT[t.ID] {
			ths = append(ths, t)
		}
	}
	a.Threads = append(ths, b.Threads...)
	a.RemovedEvents = append(a.RemovedEvents, b.RemovedEvents...)
	a.EventRedirects = append(a.EventRedirects, b.EventRedirects...)
	a.RemovedThreads = append(a.RemovedThreads, b.RemovedThreads...)
	a.ThreadRedirects = append(a.ThreadRedirects, b.ThreadRedirects...)
	a.AddConstraints = append(a.AddConstraints, b.AddConstraints...)
	a.DropConstraints = append(a.DropConstraints, b.DropConstraints...)
	if a.Pins == nil {
		a.Pins = map[int64]bool{}
	}
	for id, p := range b.Pins {
		a.Pins[id] = p
	}
	a.NextEvent, a.NextThread = max(a.NextEvent, b.NextEvent), max(a.NextThread, b.NextThread)
	return a
}
