package events

import "slices"

// threadEvent looks for a thread for event eid, which is on none. The
// event joins thread H when its members link (thread score >= ThreadMin) to
// need(|H|) events of H, and H has room; else it pairs with the unthreaded
// event it links to most strongly. Requiring links to several events of a
// thread, not to one, is what keeps a topic from chaining into one thread.
func (s *State) threadEvent(eid int64) {
	e := s.evs[eid]
	members := e.Members
	if len(members) > s.cfg.ThreadScan {
		members = members[:s.cfg.ThreadScan]
	}
	to := map[int64]float32{} // linked event -> strongest thread score
	for _, m := range members {
		for _, l := range s.linksOf(m) {
			if l.Thread < s.cfg.ThreadMin {
				continue
			}
			b := s.article(l.other(m))
			if b == nil || b.Event == 0 || b.Event == eid {
				continue
			}
			to[b.Event] = max(to[b.Event], l.Thread)
		}
	}
	type tally struct {
		n   int
		sum float32
	}
	byThread := map[int64]*tally{}
	var loneID int64
	var lone float32
	for _, f := range sortedKeys32(to) {
		ev := s.event(f)
		if ev == nil {
			continue
		}
		if ev.Thread == 0 {
			if to[f] > lone {
				loneID, lone = f, to[f]
			}
			continue
		}
		t := byThread[ev.Thread]
		if t == nil {
			t = &tally{}
			byThread[ev.Thread] = t
		}
		t.n++
		t.sum += to[f]
	}
	var bestT int64
	var best tally
	for _, tid := range sortedKeysT(byThread) {
		th := s.thread(tid)
		if th == nil || len(th.Events) >= s.cfg.MaxThreadEvents {
			continue
		}
		t := byThread[tid]
		if t.n < need(len(th.Events), s.cfg.ThreadQuorum) {
			continue
		}
		if t.n > best.n || (t.n == best.n && t.sum > best.sum) {
			bestT, best = tid, *t
		}
	}
	switch {
	case bestT != 0:
		s.joinThread(eid, bestT)
	case loneID != 0:
		tid := s.newThreadID()
		s.ths[tid] = &Thread{ID: tid}
		s.joinThread(loneID, tid)
		s.joinThread(eid, tid)
	}
}

func sortedKeys32(m map[int64]float32) []int64 {
	out := make([]int64, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

func sortedKeysT[V any](m map[int64]V) []int64 {
	out := make([]int64, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

func (s *State) joinThread(eid, tid int64) {
	t := s.thread(tid)
	i, found := slices.BinarySearch(t.Events, eid)
	if !found {
		t.Events = slices.Insert(t.Events, i, eid)
	}
	s.evs[eid].Thread = tid
	s.dirtyT[tid] = true
	s.dirtyE[eid] = true
}

// leaveThread takes eid out of thread tid; a thread left with one event is
// removed, as a thread relates two or more events.
func (s *State) leaveThread(eid, tid int64) {
	t := s.thread(tid)
	if e := s.evs[eid]; e != nil {
		e.Thread = 0
		s.dirtyE[eid] = true
	}
	if t == nil {
		return
	}
	if i, found := slices.BinarySearch(t.Events, eid); found {
		t.Events = slices.Delete(t.Events, i, i+1)
	}
	s.dirtyT[tid] = true
	if len(t.Events) < 2 {
		for _, o := range t.Events {
			if e := s.event(o); e != nil {
				e.Thread = 0
				s.dirtyE[o] = true
			}
		}
		s.ths[tid] = nil
	}
}

// mergeThreads merges threads a and b: the smaller id survives and the
// other is redirected to it.
func (s *State) mergeThreads(a, b int64) int64 {
	into, from := min(a, b), max(a, b)
	tf := s.thread(from)
	for _, eid := range tf.Events {
		if e := s.event(eid); e != nil {
			s.joinThread(eid, into)
		}
	}
	s.ths[from] = nil
	s.dirtyT[from] = true
	s.redirT = append(s.redirT, Redirect{From: from, To: into})
	return into
}
