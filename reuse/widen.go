package reuse

// widen grows a passage over informative words (content words not common
// in either text) just beyond its ends that the other copy also holds, in its span or within gap words of it: a
// rewording moves words across a passage's edge ("war in Ukraine" before
// the quote in one text, after it in the other), and the seeds, made of
// words not common in either text, stop short of them. The filter still
// judges each step, and the widest passage it accepts is kept (s itself when
// none is).
func widen(s span, wa, wb []word, gap int, ok func(span) bool) span {
	inA, inB := stemsOf(wa[s.a0:s.a1+1]), stemsOf(wb[s.b0:s.b1+1])
	best, start := s, s
	// Growth stops a few gaps beyond where it started: it is meant to
	// reach words just past a passage's edge, and each step is judged anew.
	far := func(s span) bool {
		return (start.a0-s.a0)+(s.a1-start.a1) > 4*gap || (start.b0-s.b0)+(s.b1-start.b1) > 4*gap
	}
	for changed := true; changed && !far(s); {
		if s != best && ok(s) {
			best = s
		}
		changed = false
		// a's ends, checked against b's span and its margins.
		if i, j, ok := reach(wa, s.a1, +1, gap, wb, s.b0, s.b1, inB); ok {
			addRange(inA, wa, s.a1+1, i)
			s.a1 = i
			s = coverB(s, j, wb, inB)
			changed = true
		}
		if i, j, ok := reach(wa, s.a0, -1, gap, wb, s.b0, s.b1, inB); ok {
			addRange(inA, wa, i, s.a0-1)
			s.a0 = i
			s = coverB(s, j, wb, inB)
			changed = true
		}
		if j, i, ok := reach(wb, s.b1, +1, gap, wa, s.a0, s.a1, inA); ok {
			addRange(inB, wb, s.b1+1, j)
			s.b1 = j
			s = coverA(s, i, wa, inA)
			changed = true
		}
		if j, i, ok := reach(wb, s.b0, -1, gap, wa, s.a0, s.a1, inA); ok {
			addRange(inB, wb, j, s.b0-1)
			s.b0 = j
			s = coverA(s, i, wa, inA)
			changed = true
		}
	}
	return best
}

// reach looks up to gap words from edge in direction dir of x for a
// content word also found in y: inside y's span [y0, y1] (the set inY) or
// in its margins of gap words. It returns the word's place in x and in y
// (-1 when inside the span).
func reach(x []word, edge, dir, gap int, y []word, y0, y1 int, inY map[uint64]int) (int, int, bool) {
	for k := 1; k <= gap; k++ {
		i := edge + dir*k
		if i < 0 || i >= len(x) {
			return 0, 0, false
		}
		if x[i].stop || x[i].common {
			continue
		}
		st := x[i].stem
		if inY[st] > 0 {
			return i, -1, true
		}
		for j := max(0, y0-gap); j < y0; j++ {
			if !y[j].stop && !y[j].common && y[j].stem == st {
				return i, j, true
			}
		}
		for j := y1 + 1; j <= min(len(y)-1, y1+gap); j++ {
			if !y[j].stop && !y[j].common && y[j].stem == st {
				return i, j, true
			}
		}
	}
	return 0, 0, false
}

func coverB(s span, j int, wb []word, inB map[uint64]int) span {
	switch {
	case j < 0:
	case j < s.b0:
		addRange(inB, wb, j, s.b0-1)
		s.b0 = j
	case j > s.b1:
		addRange(inB, wb, s.b1+1, j)
		s.b1 = j
	}
	return s
}

func coverA(s span, i int, wa []word, inA map[uint64]int) span {
	switch {
	case i < 0:
	case i < s.a0:
		addRange(inA, wa, i, s.a0-1)
		s.a0 = i
	case i > s.a1:
		addRange(inA, wa, s.a1+1, i)
		s.a1 = i
	}
	return s
}

func stemsOf(ws []word) map[uint64]int {
	m := make(map[uint64]int, len(ws))
	for _, w := range ws {
		if informative(w) {
			m[w.stem]++
		}
	}
	return m
}

func addRange(m map[uint64]int, ws []word, lo, hi int) {
	for _, w := range ws[lo : hi+1] {
		if informative(w) {
			m[w.stem]++
		}
	}
}
