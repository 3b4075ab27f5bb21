package app

import (
	"context"
	"slices"

	"github.com/storydiff/storydiff/events"
	"github.com/storydiff/storydiff/store"
)

// clusterAll clusters the archive from scratch with events.Build and stores
// the result, keeping the ids of the events and threads it can (see
// keepIDs), so that a full analysis does not renumber what researchers cite.
func (s *Service) clusterAll(ctx context.Context, ids []int64, links []store.Link) error {
	dates, err := s.db.PublishedDates(ctx)
	if err != nil {
		return err
	}
	arts := make([]events.Article, len(ids))
	for i, id := range ids {
		arts[i] = events.Article{ID: id}
		if t, ok := dates[id]; ok {
			arts[i].Published = &t
		}
	}
	cons, err := s.db.AllConstraints(ctx)
	if err != nil {
		return err
	}
	return s.storeClustering(ctx, events.Build(eventConfig, arts, toEventLinks(links), toEventConstraints(cons)))
}

// storeClustering stores a clustering made from scratch, keeping the ids of
// the events and threads it can.
func (s *Service) storeClustering(ctx context.Context, res events.Result) error {
	oldEvent, err := s.db.Memberships(ctx)
	if err != nil {
		return err
	}
	oldThread, err := s.db.EventThreads(ctx)
	if err != nil {
		return err
	}
	nextE, nextT, err := s.db.NextIDs(ctx)
	if err != nil {
		return err
	}
	groups := make([][]int64, len(res.Events))
	for i, e := range res.Events {
		groups[i] = e.Members
	}
	eventIDs, eventRedirects, nextE := keepIDs(groups, oldEvent, nextE)
	final := map[int64]int64{} // Build's event id -> stored id
	for i, e := range res.Events {
		final[e.ID] = eventIDs[i]
	}
	// An old event's id now leads to the event holding its smallest
	// member, whether it kept the id or was redirected.
	oldToFinal := map[int64]int64{}
	for _, id := range eventIDs {
		oldToFinal[id] = id
	}
	for _, r := range eventRedirects {
		oldToFinal[r.From] = r.To
	}
	oldThreadOfFinal := map[int64]int64{}
	for oe, ot := range oldThread {
		if fe, ok := oldToFinal[oe]; ok {
			oldThreadOfFinal[fe] = ot
		}
	}
	tgroups := make([][]int64, len(res.Threads))
	for i, t := range res.Threads {
		for _, e := range t.Events {
			tgroups[i] = append(tgroups[i], final[e])
		}
		slices.Sort(tgroups[i])
	}
	threadIDs, threadRedirects, nextT := keepIDs(tgroups, oldThreadOfFinal, nextT)
	finalT := map[int64]int64{}
	for i, t := range res.Threads {
		finalT[t.ID] = threadIDs[i]
	}

	ch := store.ClusterChanges{EventRedirects: eventRedirects, ThreadRedirects: threadRedirects, NextEvent: nextE, NextThread: nextT}
	for i, e := range res.Events {
		ch.Events = append(ch.Events, store.EventRow{ID: eventIDs[i], Members: e.Members, First: e.First, Last: e.Last, Thread: finalT[e.Thread]})
	}
	for i := range res.Threads {
		ch.Threads = append(ch.Threads, store.ThreadRow{ID: threadIDs[i], Events: tgroups[i]})
	}
	_, err = s.db.ApplyClustering(ctx, ch, true, nil)
	return err
}

// keepIDs numbers new groups of items (each sorted) so that stored ids
// survive a clustering from scratch, by the rule events.State.Apply uses:
// an old group's id goes to the new group holding its smallest item; a new
// group claimed by several old ids keeps the smallest and the others are
// redirected to it; a group claimed by none gets the next unused id. old
// maps each item to its old group.
func keepIDs(groups [][]int64, old map[int64]int64, next int64) (ids []int64, redirects []store.Redirect, _ int64) {
	anchor := map[int64]int64{} // old group -> its smallest item
	for item, g := range old {
		if a, ok := anchor[g]; !ok || item < a {
			anchor[g] = item
		}
	}
	where := map[int64]int{} // item -> new group
	for i, g := range groups {
		for _, item := range g {
			where[item] = i
		}
	}
	claims := make([][]int64, len(groups))
	for g, item := range anchor {
		if i, ok := where[item]; ok {
			claims[i] = append(claims[i], g)
		}
	}
	next = max(next, 1)
	ids = make([]int64, len(groups))
	for i := range groups {
		c := claims[i]
		if len(c) == 0 {
			ids[i] = next
			next++
			continue
		}
		slices.Sort(c)
		ids[i] = c[0]
		for _, from := range c[1:] {
			redirects = append(redirects, store.Redirect{From: from, To: c[0]})
		}
	}
	return ids, redirects, next
}
