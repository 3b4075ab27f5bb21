package app

import (
	"cmp"
	"context"
	"slices"
	"time"

	"github.com/storydiff/storydiff/core"
	"github.com/storydiff/storydiff/store"
)

// This file is the service's contract for events and threads: listing and
// reading them. Explanations are in explain.go, corrections in correct.go.

// Events returns a page of events, the largest first, optionally only those
// whose label or member titles match q.
func (s *Service) Events(ctx context.Context, q string, pg Page) ([]core.Event, error) {
	if err := pg.Check(); err != nil {
		return nil, err
	}
	ids, err := s.db.EventIDs(ctx, q, pg.Offset, pg.Limit)
	if err != nil {
		return nil, err
	}
	return s.eventsByID(ctx, ids)
}

// Event returns one event; an id that an event merge retired leads to the
// event it was merged into.
func (s *Service) Event(ctx context.Context, id int64) (*core.Event, error) {
	rid, err := s.db.ResolveEvent(ctx, id)
	if err != nil {
		return nil, err
	}
	if rid == 0 {
		return nil, core.Errorf(core.ENOTFOUND, "no event %d in the archive", id)
	}
	evs, err := s.eventsByID(ctx, []int64{rid})
	if err != nil {
		return nil, err
	}
	if len(evs) == 0 {
		return nil, core.Errorf(core.ENOTFOUND, "no event %d in the archive", id)
	}
	return &evs[0], nil
}

// EventOf returns the event an article (ref) belongs to, nil if none.
func (s *Service) EventOf(ctx context.Context, ref string) (*core.Event, error) {
	id, err := s.db.ResolveRef(ctx, ref)
	if err != nil {
		return nil, err
	}
	eid, err := s.db.EventOfArticle(ctx, id)
	if err != nil || eid == 0 {
		return nil, err
	}
	return s.Event(ctx, eid)
}

// Threads returns a page of threads, the largest first, optionally only
// those whose label matches q.
func (s *Service) Threads(ctx context.Context, q string, pg Page) ([]core.Thread, error) {
	if err := pg.Check(); err != nil {
		return nil, err
	}
	ids, err := s.db.ThreadIDs(ctx, q, pg.Offset, pg.Limit)
	if err != nil {
		return nil, err
	}
	heads, err := s.db.ThreadHeads(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make([]core.Thread, 0, len(heads))
	for _, h := range heads {
		out = append(out, core.Thread{ID: h.ID, Label: h.Label, Events: orNone(h.Events), Articles: orNone(h.Articles)})
	}
	return out, nil
}

func orNone(ids []int64) []int64 {
	if ids == nil {
		return []int64{}
	}
	return ids
}

// Thread returns one thread with its events (following retired ids).
func (s *Service) Thread(ctx context.Context, id int64) (*core.ThreadView, error) {
	rid, err := s.db.ResolveThread(ctx, id)
	if err != nil {
		return nil, err
	}
	heads, err := s.db.ThreadHeads(ctx, []int64{rid})
	if err != nil {
		return nil, err
	}
	if rid == 0 || len(heads) == 0 {
		return nil, core.Errorf(core.ENOTFOUND, "no thread %d in the archive", id)
	}
	h := heads[0]
	evs, err := s.eventsByID(ctx, h.Events)
	if err != nil {
		return nil, err
	}
	// The thread's events in the order they happened.
	slices.SortStableFunc(evs, func(a, b core.Event) int { return compareEarliest(a, b) })
	return &core.ThreadView{Thread: core.Thread{ID: h.ID, Label: h.Label, Events: orNone(h.Events), Articles: orNone(h.Articles)}, Events: evs}, nil
}

func compareEarliest(a, b core.Event) int {
	ta, tb := earliestDate(a), earliestDate(b)
	switch {
	case ta == nil && tb == nil:
	case ta == nil:
		return 1
	case tb == nil:
		return -1
	case ta.Before(*tb):
		return -1
	case tb.Before(*ta):
		return 1
	}
	return int(a.ID - b.ID)
}

// earliestDate is the date of the event's first version, nil if undated.
func earliestDate(e core.Event) *time.Time {
	for _, a := range e.Articles {
		if a.Earliest {
			return a.Published
		}
	}
	return nil
}

// eventsByID returns the stored events ids with their articles' summaries,
// in the order of ids; each event's articles in date order (undated last).
func (s *Service) eventsByID(ctx context.Context, ids []int64) ([]core.Event, error) {
	heads, err := s.db.EventHeads(ctx, ids)
	if err != nil {
		return nil, err
	}
	return s.eventViews(ctx, heads)
}

func (s *Service) eventViews(ctx context.Context, heads []store.EventHead) ([]core.Event, error) {
	var members []int64
	for _, h := range heads {
		members = append(members, h.Members...)
	}
	arts, err := s.db.Summaries(ctx, members)
	if err != nil {
		return nil, err
	}
	byID := make(map[int64]core.Article, len(arts))
	var undated []int64
	for _, a := range arts {
		byID[a.ID] = a
		if a.Published == nil {
			undated = append(undated, a.ID)
		}
	}
	estimated, err := s.estimatesOf(ctx, undated)
	if err != nil {
		return nil, err
	}
	out := make([]core.Event, 0, len(heads))
	for _, h := range heads {
		e := core.Event{ID: h.ID, Label: h.Label, Earliest: h.Earliest, Thread: h.Thread, Articles: make([]core.EventArticle, 0, len(h.Members))}
		for _, id := range h.Members {
			if a, ok := byID[id]; ok {
				e.Articles = append(e.Articles, core.EventArticle{ID: a.ID, Published: a.Published, Title: a.Title,
					Outlet: a.Outlet, Language: a.Language, Pinned: h.Pinned[a.ID], Estimated: estimated[a.ID]})
			}
		}
		slices.SortStableFunc(e.Articles, compareVersions)
		markEarliest(&e)
		out = append(out, e)
	}
	return out, s.fillEventCuration(ctx, out)
}

// compareVersions orders an event's versions: by date, undated ones after
// every dated one, then by id.
func compareVersions(a, b core.EventArticle) int {
	switch {
	case a.Published == nil && b.Published == nil:
	case a.Published == nil:
		return 1
	case b.Published == nil:
		return -1
	case a.Published.Before(*b.Published):
		return -1
	case b.Published.Before(*a.Published):
		return 1
	}
	return cmp.Compare(a.ID, b.ID)
}

// markEarliest marks the version that reported the event first, from the
// versions' dates as they are now, on articles sorted by compareVersions:
// the first dated one. An undated version is never the earliest of an
// event any of whose versions is dated, since nothing says it came first.
// When none is dated, the first imported (the smallest id) leads, as the
// one the others are compared with.
func markEarliest(e *core.Event) {
	if len(e.Articles) == 0 {
		return
	}
	first := 0
	if e.Articles[0].Published == nil {
		for i, a := range e.Articles {
			if a.ID < e.Articles[first].ID {
				first = i
			}
		}
	}
	e.Articles[first].Earliest = true
	e.Earliest = e.Articles[first].ID
}

// ResolveArticle returns the id of the article ref names (an id, a path or
// a hash prefix).
func (s *Service) ResolveArticle(ctx context.Context, ref string) (int64, error) {
	return s.db.ResolveRef(ctx, ref)
}
