package app

import (
	"cmp"
	"container/heap"
	"context"
	"fmt"
	"maps"
	"math"
	"slices"
	"time"

	"github.com/storydiff/storydiff/core"
	"github.com/storydiff/storydiff/evidence"
	"github.com/storydiff/storydiff/store"
)

// Undated articles get an estimated date (never in place of a stated one):
// the days their text gives without a year (evidence.Profile.Yearless) are
// read in the year of their anchor, a dated version of their own event: a
// link whose event and thread scores, both made without estimates (so an
// estimate never depends on itself), reach evidence.EventThreshold and
// evidence.ThreadThreshold. The likeliest version anchors first (event
// score, then thread score). An undated version anchored directly passes
// its anchor one version further and no more: passed along chains, a year
// reached reports of another era (in an archive of 1987 wire stories and
// undated 2005 reports, 1,106 reports read their days in 1987 through
// chains of links of topic, and 128 through one wrong same-event link and
// a chain of versions). An anchor must also agree with what the article
// recounts: not before its latest full date (evidence.Profile.Bound), with
// the month of grace the time evidence allows, nor years before the years
// it names (evidence.Timing.EraAllows: undated 2005 reports on an election
// or a budget, linked to 1987 wire stories of another election or budget,
// read their days in 1987).

// anchorGrace is the most days an article's latest recounted full date may
// lie after its anchor's date, as the time evidence lets a bound lie.
const anchorGrace = 30

// dating holds what the estimates read and make: each article's timing,
// estimates set, and each undated article's anchor.
type dating struct {
	timings map[int64]evidence.Timing
	anchors map[int64]store.DateEstimate
}

// open says whether id is an undated article without an anchor yet.
func (d *dating) open(id int64) bool {
	t, ok := d.timings[id]
	_, anchored := d.anchors[id]
	return ok && t.Day == 0 && !anchored
}

// dated says whether id is an article with a stated date.
func (d *dating) dated(id int64) bool {
	return d.timings[id].Day != 0
}

// place anchors the undated article v to the dated article a of day day,
// if v's recounted dates allow it, and sets its estimate.
func (d *dating) place(v, a int64, day int32) bool {
	t := d.timings[v]
	if t.Bound != 0 && t.Bound > day+anchorGrace || !t.EraAllows(day) {
		return false
	}
	e := store.DateEstimate{Article: v, AnchorArticle: a, AnchorDay: day}
	if s, ok := t.EstimateIn(day); ok {
		e.Lo, e.Hi = s.Lo, s.Hi
		t.Estimate = s
		d.timings[v] = t
	}
	d.anchors[v] = e
	return true
}

// anchorEdge offers the anchor of u to the undated article v over a link
// of event score event (as scored without estimates) and thread score
// thread.
type anchorEdge struct {
	event, thread float32
	u, v          int64
}

// before orders offers: the likeliest versions of one event first, then the
// strongest thread score, then by ids, so that anchors do not depend on the
// order links were read in.
func (e anchorEdge) before(f anchorEdge) bool {
	if e.event != f.event {
		return e.event > f.event
	}
	if e.thread != f.thread {
		return e.thread > f.thread
	}
	if e.v != f.v {
		return e.v < f.v
	}
	return e.u < f.u
}

type edgeHeap []anchorEdge

func (h edgeHeap) Len() int           { return len(h) }
func (h edgeHeap) Less(i, j int) bool { return h[i].before(h[j]) }
func (h edgeHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *edgeHeap) Push(x any)        { *h = append(*h, x.(anchorEdge)) }
func (h *edgeHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// estimateDates anchors the undated articles of timings, from the dated
// articles outwards, best offer first (see anchorEdge.before), sets their
// estimates in timings and returns them, in article order. A dated article
// offers its own day over a thread link; an anchored undated one passes
// its anchor on only to versions of its own event, so that a year does not
// travel along a topic into reports of another era.
func estimateDates(timings map[int64]evidence.Timing, links []store.Link) []store.DateEstimate {
	d := &dating{timings: timings, anchors: map[int64]store.DateEstimate{}}
	adj := map[int64][]store.Link{}
	for _, l := range links {
		if anchoring(l) {
			adj[l.A] = append(adj[l.A], l)
			adj[l.B] = append(adj[l.B], l)
		}
	}
	h := &edgeHeap{}
	offer := func(u int64) {
		for _, l := range adj[u] {
			if v := l.A + l.B - u; d.open(v) {
				heap.Push(h, anchorEdge{l.Event, l.Thread, u, v})
			}
		}
	}
	ids := make([]int64, 0, len(timings))
	for id, t := range timings {
		if t.Day != 0 {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	for _, id := range ids {
		offer(id)
	}
	for h.Len() > 0 {
		e := heap.Pop(h).(anchorEdge)
		if !d.open(e.v) {
			continue
		}
		if a, day, ok := d.offered(e); ok && d.place(e.v, a, day) {
			if d.dated(e.u) {
				offer(e.v) // relayed through an undated version, it goes no further
			}
		}
	}
	out := make([]store.DateEstimate, 0, len(d.anchors))
	for _, e := range d.anchors {
		out = append(out, e)
	}
	slices.SortFunc(out, func(p, q store.DateEstimate) int { return cmp.Compare(p.Article, q.Article) })
	return out
}

// estimateNew anchors the new article x through its links ls, when it is
// undated and not anchored yet, and then the undated articles it links to
// that have no anchor yet through x, by the rules of estimateDates: the
// neighbourhood's part of what it does for the whole archive. It returns
// the estimates made.
func (d *dating) estimateNew(x int64, ls []store.Link) []store.DateEstimate {
	var offers []anchorEdge
	for _, l := range ls {
		if anchoring(l) {
			offers = append(offers, anchorEdge{l.Event, l.Thread, l.A + l.B - x, x})
		}
	}
	slices.SortFunc(offers, func(e, f anchorEdge) int {
		if e.before(f) {
			return -1
		}
		if f.before(e) {
			return 1
		}
		return 0
	})
	var made []store.DateEstimate
	for _, e := range offers {
		if !d.open(x) {
			break
		}
		if a, day, ok := d.offered(e); ok && d.place(x, a, day) {
			made = append(made, d.anchors[x])
			if !d.dated(e.u) {
				return made // relayed: x passes its anchor no further
			}
		}
	}
	for _, e := range offers {
		back := anchorEdge{e.event, e.thread, x, e.u}
		if a, day, ok := d.offered(back); ok && d.open(back.v) && d.place(back.v, a, day) {
			made = append(made, d.anchors[back.v])
		}
	}
	return made
}

// offered returns the anchor e offers: u's own day when u is dated, u's
// anchor when u is anchored.
func (d *dating) offered(e anchorEdge) (int64, int32, bool) {
	if d.dated(e.u) {
		return e.u, d.timings[e.u].Day, true
	}
	if a, ok := d.anchors[e.u]; ok {
		return a.AnchorArticle, a.AnchorDay, true
	}
	return 0, 0, false
}

// anchoring says whether l may carry an anchor: a link between versions of
// one event (as scored without estimates) of one running topic.
func anchoring(l store.Link) bool {
	return l.Event >= evidence.EventThreshold && l.Thread >= evidence.ThreadThreshold
}

// weighLinks moves each link's event score by what the estimates of its
// articles add to its time evidence (the scores were made without them),
// and drops a link that no longer reaches the bounds a link is kept by.
func weighLinks(links []store.Link, timings map[int64]evidence.Timing) []store.Link {
	out := links[:0]
	for _, l := range links {
		ta, tb := timings[l.A], timings[l.B]
		if !ta.Estimate.IsZero() || !tb.Estimate.IsZero() {
			ra, rb := ta, tb
			ra.Estimate, rb.Estimate = evidence.Span{}, evidence.Span{}
			if shift := evidence.TimeWeight(ta, tb) - evidence.TimeWeight(ra, rb); shift != 0 {
				p := min(max(float64(l.Event), 1e-6), 1-1e-6)
				l.Event = float32(1 / (1 + math.Exp(-(math.Log(p/(1-p)) + shift))))
			}
			if l.Event < minLinkEvent && l.Thread < minLinkThread {
				continue
			}
		}
		out = append(out, l)
	}
	return out
}

// readTimings adds to d the timings and stored anchors of the articles ls
// link to that d does not hold yet. The profiles of held (nil for none)
// are used as they are; the others are read.
func (s *Service) readTimings(ctx context.Context, d *dating, ls []store.Link, held map[int64]*evidence.Profile) error {
	var ids []int64
	for _, l := range ls {
		for _, id := range []int64{l.A, l.B} {
			if _, ok := d.timings[id]; !ok && !slices.Contains(ids, id) {
				ids = append(ids, id)
			}
		}
	}
	if len(ids) == 0 {
		return nil
	}
	var missing []int64
	for _, id := range ids {
		if held[id] == nil {
			missing = append(missing, id)
		}
	}
	profs, err := s.loadProfiles(ctx, missing)
	if err != nil {
		return err
	}
	for _, id := range ids {
		if p := held[id]; p != nil {
			profs[id] = p
		}
	}
	stored, err := s.db.DateEstimates(ctx, ids)
	if err != nil {
		return err
	}
	for _, id := range ids {
		p := profs[id]
		if p == nil {
			continue
		}
		t := p.Timing()
		if e, ok := stored[id]; ok {
			d.anchors[id] = e
			if e.Lo != 0 {
				t.Estimate = evidence.Span{Lo: e.Lo, Hi: e.Hi}
			}
		}
		d.timings[id] = t
	}
	return nil
}

// setEstimates sets the stored estimates of profs' articles, for scoring
// as analysis weighed their links.
func (s *Service) setEstimates(ctx context.Context, profs map[int64]*evidence.Profile) error {
	es, err := s.db.DateEstimates(ctx, slices.Collect(maps.Keys(profs)))
	if err != nil {
		return err
	}
	for id, e := range es {
		if p := profs[id]; p != nil && e.Lo != 0 {
			p.Estimate = evidence.Span{Lo: e.Lo, Hi: e.Hi}
		}
	}
	return nil
}

// estimateStoredDates estimates the dates of the archive's undated articles
// from their stored profiles and links and stores them in place of earlier
// ones.
func (s *Service) estimateStoredDates(ctx context.Context, links []store.Link) error {
	timings := map[int64]evidence.Timing{}
	if err := s.db.EachProfile(ctx, evidence.ProfileVersion, func(id int64, data []byte) error {
		p := &evidence.Profile{}
		if err := p.UnmarshalBinary(data); err != nil {
			return fmt.Errorf("profile of article %d: %w", id, err)
		}
		timings[id] = p.Timing()
		return nil
	}); err != nil {
		return err
	}
	return s.db.SaveDateEstimates(ctx, estimateDates(timings, links), true)
}

// estimatesOf returns the estimated dates of the undated articles ids, to
// show beside them.
func (s *Service) estimatesOf(ctx context.Context, ids []int64) (map[int64]*core.DateEstimate, error) {
	out := map[int64]*core.DateEstimate{}
	if len(ids) == 0 {
		return out, nil
	}
	es, err := s.db.DateEstimates(ctx, ids)
	if err != nil {
		return nil, err
	}
	for id, e := range es {
		if e.Lo != 0 {
			out[id] = &core.DateEstimate{From: dayString(e.Lo), To: dayString(e.Hi), Anchor: e.AnchorArticle}
		}
	}
	return out, nil
}

// dayString writes a day as evidence.Profile.Day counts it.
func dayString(day int32) string {
	return time.Unix(int64(day-1)*86400, 0).UTC().Format("2006-01-02")
}
