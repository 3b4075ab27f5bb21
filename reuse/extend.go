package reuse

import (
	"cmp"
	"slices"
	"sort"
)

// extend merges seeds into passages and keeps those that pass the filter.
// A candidate that fails is clustered again from its own seeds with half
// the gap: two true passages a few words apart, or one passage with chance
// seeds around it, are then told apart instead of lost together.
func extend(seeds []span, wa, wb []word, opt Options) []span {
	sortSpans(seeds)
	var out []span
	var try func(seeds []span, gap int)
	try = func(seeds []span, gap int) {
		for _, c := range cluster(seeds, gap) {
			if kept, strays := straighten(c.seeds, 2*opt.MaxGap); len(strays) > 0 {
				try(kept, gap)
				try(strays, gap)
				continue
			}
			s := grow(c.span, wa, wb)
			ok := func(s span) bool { return accept(s, wa, wb, opt) }
			if ok(s) {
				out = append(out, trim(s, wa, wb, ok))
				continue
			}
			// Too short or too thin: perhaps the rest of it lies just
			// beyond the seeds, in words too common to seed. Only a short
			// candidate with a few matches already is worth the search;
			// a long thin one is split by the smaller gap below.
			if short(s, 4*opt.MaxGap) && enoughMatches(s, wa, wb, 3) {
				if wide := widen(s, wa, wb, opt.MaxGap*3/2, ok); wide != s {
					out = append(out, trim(wide, wa, wb, ok))
					continue
				}
			}
			if gap >= 2 && len(c.seeds) > 1 {
				try(c.seeds, gap/2)
			}
		}
	}
	try(seeds, opt.MaxGap)
	return mergeOverlaps(out)
}

func short(s span, n int) bool { return s.a1-s.a0 < n && s.b1-s.b0 < n }

func enoughMatches(s span, wa, wb []word, n int) bool {
	m, _ := commonStems(wa[s.a0:s.a1+1], wb[s.b0:s.b1+1], true)
	return m >= n
}

func sortSpans(s []span) {
	slices.SortFunc(s, func(x, y span) int {
		return cmp.Or(cmp.Compare(x.a0, y.a0), cmp.Compare(x.b0, y.b0), cmp.Compare(x.a1, y.a1), cmp.Compare(x.b1, y.b1))
	})
}

type group struct {
	span
	seeds []span
}

// cluster links seeds (sorted by a0) lying within gap words of each other in
// both texts, in any order inside b: a reordered sentence still makes one
// passage. Clusters left more than gap words behind in a are closed.
func cluster(seeds []span, gap int) []group {
	var open, done []*group
	for _, s := range seeds {
		var into *group
		w := 0
		for _, c := range open {
			if s.a0 > c.a1+gap {
				done = append(done, c)
				continue
			}
			if s.b0 <= c.b1+gap && s.b1 >= c.b0-gap {
				if into == nil {
					into = c
				} else {
					into.add(c.span)
					into.seeds = append(into.seeds, c.seeds...)
					continue // c is merged away
				}
			}
			open[w] = c
			w++
		}
		open = open[:w]
		if into == nil {
			into = &group{span: s}
			open = append(open, into)
		}
		into.add(s)
		into.seeds = append(into.seeds, s)
	}
	done = append(done, open...)
	out := make([]group, len(done))
	for i, c := range done {
		out[i] = *c
		sortSpans(out[i].seeds)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].a0 != out[j].a0 {
			return out[i].a0 < out[j].a0
		}
		return out[i].b0 < out[j].b0
	})
	return out
}

func (g *group) add(s span) {
	g.a0, g.a1 = min(g.a0, s.a0), max(g.a1, s.a1)
	g.b0, g.b1 = min(g.b0, s.b0), max(g.b1, s.b1)
}

// grow extends a passage over identical words at both ends, so that it
// starts and ends where the copies stop agreeing ("for the first time"
// before a seed made of content words).
func grow(s span, wa, wb []word) span {
	for s.a0 > 0 && s.b0 > 0 && wa[s.a0-1].key == wb[s.b0-1].key {
		s.a0--
		s.b0--
	}
	for s.a1+1 < len(wa) && s.b1+1 < len(wb) && wa[s.a1+1].key == wb[s.b1+1].key {
		s.a1++
		s.b1++
	}
	return s
}

// accept is the filter: long enough on both sides, enough content words in
// common, and dense: enough of the informative words of each copy found in
// the other, and enough of them rare.
func accept(s span, wa, wb []word, opt Options) bool {
	xa, xb := wa[s.a0:s.a1+1], wb[s.b0:s.b1+1]
	if len(xa) < opt.MinWords || len(xb) < opt.MinWords {
		return false
	}
	m, evidence := commonStems(xa, xb, true)
	if m < opt.MinMatches || evidence < opt.MinEvidence {
		return false
	}
	ca, cb := informativeWords(xa), informativeWords(xb)
	longer := float64(max(ca, cb))
	// The weighted share guards long loose passages: words met a few
	// times in each text match by chance in any long enough stretch.
	return float64(m) >= opt.MinDensity*longer && evidence >= opt.MinDensity/2*longer
}

// mergeOverlaps joins passages found from different seeds at different
// gaps when one lies mostly inside the other in both texts. Passages that
// only touch stay apart: the weaker may be an echo (see dropEchoes), and
// joining would stretch the stronger over it.
func mergeOverlaps(ps []span) []span {
	sortSpans(ps)
	var out []span
	for _, p := range ps {
		merged := false
		for k := range out {
			o := &out[k]
			inP := mostlyInside(o.a0, o.a1, p.a0, p.a1) && mostlyInside(o.b0, o.b1, p.b0, p.b1)
			inO := mostlyInside(p.a0, p.a1, o.a0, o.a1) && mostlyInside(p.b0, p.b1, o.b0, o.b1)
			if inP || inO {
				o.a0, o.a1 = min(o.a0, p.a0), max(o.a1, p.a1)
				o.b0, o.b1 = min(o.b0, p.b0), max(o.b1, p.b1)
				merged = true
				break
			}
		}
		if !merged {
			out = append(out, p)
		}
	}
	return out
}
