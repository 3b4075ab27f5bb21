package events

// generated makes an archive of n articles in events of size consecutive
// ids, dated a day per event, with per links inside each event, events in
// threads of four. It is built directly, not clustered, so that a million
// articles cost seconds.
func generated(n, size, per int) (*MemSource, IDs) {
	m := NewMemSource()
	var ev, th int64
	for id := int64(1); id <= int64(n); id++ {
		if (id-1)%int64(size) == 0 {
			ev++
			pub := epoch.AddDate(0, 0, int(ev%3000))
			e := Event{ID: ev, First: &pub, Last: &pub}
			if (ev-1)%4 == 0 {
				th++
				m.Threads[th] = Thread{ID: th}
			}
			e.Thread = th
			t := m.Threads[th]
			t.Events = append(t.Events, ev)
			m.Threads[th] = t
			m.Events[ev] = e
		}
		e := m.Events[ev]
		e.Members = append(e.Members, id)
		m.Events[ev] = e
		m.Articles[id] = Article{ID: id, Published: e.First, Event: ev}
	}
	for _, e := range m.Events {
		for i, a := range e.Members {
			for j := 1; j <= per && j < len(e.Members); j++ {
				b := e.Members[(i+j)%len(e.Members)]
				if a < b {
					m.AddLinks([]Link{lk(a, b, 0.9, 0.9)})
				}
			}
		}
	}
	return m, IDs{Event: ev + 1, Thread: th + 1}
}

// newLinks gives article id k links into the generated archive of n: four
// strong ones into one event (dated like the new article), the rest weak
// and spread out.
func newLinks(id int64, n, k int) []Link {
	var out []Link
	for i := range k {
		var to int64
		p := float32(0.2)
		if i < 4 {
			to, p = int64(1+i), 0.9 // event 1, dated epoch+1 day
		} else {
			to = int64(1 + (i*7919)%n)
		}
		out = append(out, lk(to, id, p, 0.4))
	}
	return out
}
