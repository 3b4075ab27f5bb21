package align

import "slices"

// Between related versions one outlet may tell in a sentence what another
// spreads over a few: 003's "Belousov pointed to the increasing danger of
// an escalation" against 004's "Belousov had warned the US ... an
// escalation of tensions between Moscow and Washington", two sentences
// apart in one paragraph. Against any one of them the sentence shares a
// single word; against the window of them it shares the statement. A
// sentence left unpaired is linked to a window of two or three unpaired
// sentences of one paragraph of the other text (see windowEvident) when
// the window shares with it uncommon evidence of two kinds, a name found
// in few sentences and a lower-case word rare in everyday English (or its
// stem), that no one sentence of the window shares alone, and the window
// read as one is at least windowScore similar. On the ten pairs of seed
// articles the one link this adds is that one (0.17); the pairs that
// pass the rule on evidence and fail the score reach 0.10.
const (
	windowScore = 0.15
	// windowRarity is the least background weight (see background) of a
	// word counted as evidence: "escalation" (0.96) passes, "negotiations"
	// (0.88), "conflict" or "communication" not.
	windowRarity = 0.9
	// windowWordSentences is the most sentences of the two texts such a
	// word may be found in ("counterpart", in seven, says little).
	windowWordSentences = 4
)

// windowLinks links unpaired sentences of A to windows of unpaired
// sentences of B, and unpaired sentences of B to windows of A, best first.
// loneA and loneB mark the unpaired sentences; those linked are cleared.
func windowLinks(sa, sb side, loneA, loneB []bool) []bead {
	var cands []bead
	try := func(s, o side, lone, oLone []bool, flip bool) {
		idx := itemIndex(o, oLone)
		seen := make([]int, len(oLone)) // the last sentence each was proposed for, plus one
		for i := range lone {
			if !lone[i] || s.bags[i].head {
				continue
			}
			// A window's first and last sentences share an item with the
			// sentence: only those sharing one can start or end it.
			var near []int
			x := s.bags[i]
			for _, k := range itemKeys(s, x) {
				for _, j := range idx[k] {
					if seen[j] != i+1 {
						seen[j] = i + 1
						near = append(near, j)
					}
				}
			}
			slices.Sort(near)
			for _, j := range near {
				for n := 2; n <= 3; n++ {
					w := window(o, oLone, j, n)
					if w == nil || seen[w[n-1]] != i+1 {
						continue
					}
					y := joinOf(o, w)
					if !windowEvident(s, o, x, w, y) {
						continue
					}
					if flip {
						if sim := similarity(y, x); sim >= windowScore {
							cands = append(cands, bead{a: w, b: []int{i}, sim: sim})
						}
					} else if sim := similarity(x, y); sim >= windowScore {
						cands = append(cands, bead{a: []int{i}, b: w, sim: sim})
					}
				}
			}
		}
	}
	try(sa, sb, loneA, loneB, false)
	try(sb, sa, loneB, loneA, true)
	slices.SortStableFunc(cands, func(x, y bead) int {
		switch {
		case x.sim > y.sim:
			return -1
		case x.sim < y.sim:
			return 1
		}
		return 0
	})
	out := greedy(cands)
	for _, c := range out {
		for _, i := range c.a {
			loneA[i] = false
		}
		for _, j := range c.b {
			loneB[j] = false
		}
	}
	return out
}

// window is the n sentences of s from j when all are unpaired, in one
// paragraph and none a headline or caption; nil otherwise.
func window(s side, lone []bool, j, n int) []int {
	if j+n > len(lone) {
		return nil
	}
	w := make([]int, n)
	for k := range w {
		if !lone[j+k] || s.bags[j+k].head || s.sents[j+k].Paragraph != s.sents[j].Paragraph {
			return nil
		}
		w[k] = j + k
	}
	return w
}

// itemKeys are the keys under which itemIndex files a sentence: its terms
// that may be items of evidence (see sharedItems), and its light stems
// (offset so as not to meet a term id) that may be.
func itemKeys(s side, x bag) []uint64 {
	var out []uint64
	for _, t := range x.ids {
		if s.rare[t] {
			out = append(out, uint64(t))
		}
	}
	for _, h := range x.stems {
		if s.rareStem[h] {
			out = append(out, h|1<<63)
		}
	}
	return out
}

// itemIndex maps each item key to the unpaired sentences of s holding it.
func itemIndex(s side, lone []bool) map[uint64][]int {
	idx := map[uint64][]int{}
	for j := range lone {
		if lone[j] {
			for _, k := range itemKeys(s, s.bags[j]) {
				idx[k] = append(idx[k], j)
			}
		}
	}
	return idx
}

// windowEvident reports whether the sentence x (of s) and the window w (of
// o, whose sentences read as one are y) share uncommon evidence of two
// kinds, a name and a lower-case word or its stem, that no sentence of the
// window holds both of (the main alignment judged that pair alone), with
// the window's first and last sentences sharing an item each (a longer
// window would take in sentences that add nothing), and no numbers that
// differ: "since February 18" and "on March 15, 2023" are two calls.
func windowEvident(s, o side, x bag, w []int, y bag) bool {
	places, words := sharedItems(s, x, y)
	if places == 0 || len(words) == 0 || s.numbersDiffer(x, y) {
		return false
	}
	for k, j := range w {
		p, ws := sharedItems(s, x, o.bags[j])
		if p > 0 && len(ws) > 0 {
			return false // the main alignment judged that pair alone
		}
		if (k == 0 || k == len(w)-1) && p+len(ws) == 0 {
			return false
		}
	}
	return true
}

// numbersDiffer reports whether both bags hold numbers and share none.
func (s side) numbersDiffer(x, y bag) bool {
	var nx, ny, both bool
	for _, t := range x.ids {
		if s.number[t] {
			nx = true
			both = both || has(y.ids, t)
		}
	}
	for _, t := range y.ids {
		ny = ny || s.number[t]
	}
	return nx && ny && !both
}

// sharedItems counts the places of the sentence x holding names it shares
// with y (capitalised in both, in few sentences; a name with its title is
// one place), and lists the lower-case words found in few sentences and
// rare in everyday English that the two share, or whose light stems match,
// each once.
func sharedItems(s side, x, y bag) (places int, words []uint64) {
	var at []int32
	i, j := 0, 0
	for i < len(x.ids) && j < len(y.ids) {
		switch {
		case x.ids[i] < y.ids[j]:
			i++
		case y.ids[j] < x.ids[i]:
			j++
		default:
			t := x.ids[i]
			kx, nx := slices.BinarySearch(x.named, t)
			ny := has(y.named, t)
			switch {
			case !s.rare[t]:
			case nx && ny:
				at = append(at, x.namedAt[kx])
			case !nx && !ny && s.termStem[t] != 0:
				words = append(words, s.termStem[t])
			case !nx && !ny:
				words = append(words, uint64(t))
			}
			i++
			j++
		}
	}
	i, j = 0, 0
	for i < len(x.stems) && j < len(y.stems) {
		switch {
		case x.stems[i] < y.stems[j]:
			i++
		case y.stems[j] < x.stems[i]:
			j++
		default:
			if s.rareStem[x.stems[i]] {
				words = append(words, x.stems[i])
			}
			i++
			j++
		}
	}
	slices.Sort(words)
	slices.Sort(at)
	for k := range at {
		if k == 0 || at[k]-at[k-1] > 2 {
			places++
		}
	}
	return places, slices.Compact(words)
}

// inOrder reports whether bead c keeps the order of the linked beads of
// seq: every one of them stands before c in both texts or after it in
// both.
func inOrder(seq []bead, c bead) bool {
	for _, s := range seq {
		if len(s.a) == 0 || len(s.b) == 0 {
			continue
		}
		beforeA, beforeB := s.a[len(s.a)-1] < c.a[0], s.b[len(s.b)-1] < c.b[0]
		afterA, afterB := s.a[0] > c.a[len(c.a)-1], s.b[0] > c.b[len(c.b)-1]
		if !(beforeA && beforeB) && !(afterA && afterB) {
			return false
		}
	}
	return true
}
