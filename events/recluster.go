package events

import "slices"

// recluster places again every member of the events holding arts (closed
// over must-links, so that a must-linked partner's event is re-clustered
// too) by the same rule as Build, in id order, among themselves only. Ids
// are then kept stable: each old event's id goes to the new event holding
// its earliest (smallest) member; when one new event holds the earliest
// members of several old events, the smallest id survives and the others
// are redirected to it; new events that hold none get new ids.
func (s *State) recluster(arts []int64) {
	olds := s.touchedEvents(arts)
	type old struct {
		id, earliest, thread int64
		members              []int64
	}
	var prev []old
	scope := map[int64]bool{}
	for _, id := range olds {
		e := s.evs[id]
		prev = append(prev, old{id, e.Members[0], e.Thread, e.Members})
		for _, m := range e.Members {
			scope[m] = true
		}
	}
	for _, a := range arts {
		scope[a] = true
	}
	all := sortedKeys(scope)
	for _, m := range all {
		s.article(m).Event = 0
	}
	for _, p := range prev {
		s.evs[p.id] = nil
		delete(s.dirtyE, p.id)
	}
	for _, m := range all {
		if s.arts[m].Event == 0 {
			s.place(m, scope)
		}
	}

	// Give the new events their ids.
	final := map[int64]int64{} // temporary id -> kept id
	for _, p := range prev {
		g := s.arts[p.earliest].Event
		if final[g] == 0 {
			final[g] = p.id
		} else {
			s.redirE = append(s.redirE, Redirect{From: p.id, To: final[g]})
		}
		s.dirtyE[p.id] = true
	}
	var groups []int64
	seen := map[int64]bool{}
	for _, m := range all {
		if g := s.arts[m].Event; !seen[g] {
			seen[g] = true
			groups = append(groups, g)
		}
	}
	for _, g := range groups {
		if final[g] == 0 {
			final[g] = s.newEventID()
		}
		e := s.evs[g]
		delete(s.evs, g)
		delete(s.dirtyE, g)
		e.ID = final[g]
		s.evs[e.ID] = e
		s.dirtyE[e.ID] = true
		for _, m := range e.Members {
			s.arts[m].Event = e.ID
			s.dirtyA[m] = true
		}
	}

	// Threads: a new event stays on the thread of the old events it took
	// over (merging their threads if several), a split-off part on the
	// thread of the old event most of its members came from; an article
	// removed to stand alone leaves the thread and is threaded afresh.
	from := map[int64]int64{} // article -> old event
	for _, p := range prev {
		for _, m := range p.members {
			from[m] = p.id
		}
	}
	threadOf := map[int64]int64{}
	for _, p := range prev {
		threadOf[p.id] = p.thread
	}
	alias := map[int64]int64{}
	resolve := func(t int64) int64 {
		for alias[t] != 0 {
			t = alias[t]
		}
		return t
	}
	touchedT := map[int64]bool{}
	for _, p := range prev {
		if p.thread != 0 {
			touchedT[p.thread] = true
			t := s.thread(p.thread)
			if i, found := slices.BinarySearch(t.Events, p.id); found {
				t.Events = slices.Delete(t.Events, i, i+1)
			}
			s.dirtyT[p.thread] = true
		}
	}
	var unthreaded []int64
	for _, g := range groups {
		e := s.evs[final[g]]
		var want []int64
		for _, p := range prev {
			if s.arts[p.earliest].Event == e.ID && p.thread != 0 {
				want = append(want, p.thread)
			}
		}
		if len(want) == 0 && !(len(e.Members) == 1 && s.arts[e.Members[0]].Pinned) {
			count := map[int64]int{}
			var top int64
			for _, m := range e.Members {
				o := from[m]
				count[o]++
				if top == 0 || count[o] > count[top] || (count[o] == count[top] && o < top) {
					top = o
				}
			}
			if t := threadOf[top]; t != 0 {
				want = append(want, t)
			}
		}
		for i := range want {
			want[i] = resolve(want[i])
		}
		slices.Sort(want)
		want = slices.Compact(want)
		if len(want) == 0 {
			unthreaded = append(unthreaded, e.ID)
			continue
		}
		into := s.thread(want[0])
		for _, w := range want[1:] {
			tw := s.thread(w)
			for _, eid := range tw.Events {
				s.event(eid).Thread = into.ID
				s.dirtyE[eid] = true
				into.Events = append(into.Events, eid)
			}
			slices.Sort(into.Events)
			s.ths[w] = nil
			s.dirtyT[w] = true
			alias[w] = into.ID
			s.redirT = append(s.redirT, Redirect{From: w, To: into.ID})
		}
		s.joinThread(e.ID, into.ID)
	}
	for _, tid := range sortedKeys(touchedT) {
		if t := s.ths[tid]; t != nil && len(t.Events) < 2 {
			for _, eid := range t.Events {
				s.event(eid).Thread = 0
				s.dirtyE[eid] = true
			}
			s.ths[tid] = nil
		}
	}
	for _, eid := range unthreaded {
		if e := s.evs[eid]; e != nil && e.Thread == 0 {
			s.threadEvent(eid)
		}
	}
}

// touchedEvents returns the events holding arts, with every event holding
// a must-link partner of one of their members, sorted.
func (s *State) touchedEvents(arts []int64) []int64 {
	seen := map[int64]bool{}
	var queue []int64
	add := func(a int64) {
		art := s.article(a)
		if art != nil && art.Event != 0 && !seen[art.Event] && s.event(art.Event) != nil {
			seen[art.Event] = true
			queue = append(queue, art.Event)
		}
	}
	for _, a := range arts {
		add(a)
	}
	for i := 0; i < len(queue); i++ {
		for _, m := range s.evs[queue[i]].Members {
			for _, c := range s.constraints(m) {
				if c.Kind == MustLink {
					add(c.A + c.B - m)
				}
			}
		}
	}
	slices.Sort(queue)
	return queue
}
