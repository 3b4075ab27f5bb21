package align

import (
	"cmp"
	"slices"
)

// similarPairs lists the pairs of sentences ia of A and ib of B that are
// at least minScore similar, most similar first. Only sentences sharing a
// word that is not everywhere are compared: a word found in more than
// commonLimit of the sentences (the, said) proposes no pair on its own.
func similarPairs(sa, sb side, ia, ib []int, minScore float64) []bead {
	if len(ia) == 0 || len(ib) == 0 {
		return nil
	}
	index := map[int32][]int{} // term -> positions in ia
	for k, i := range ia {
		for _, t := range sa.bags[i].ids {
			index[t] = append(index[t], k)
		}
	}
	common := commonLimit(len(ia))
	var out []bead
	seen := make([]int, len(ia)) // the last B position compared with each A
	for k := range seen {
		seen[k] = -1
	}
	for kb, j := range ib {
		for _, t := range sb.bags[j].ids {
			if len(index[t]) > common {
				continue
			}
			for _, ka := range index[t] {
				if seen[ka] == kb {
					continue
				}
				seen[ka] = kb
				i := ia[ka]
				x, y := sa.bags[i], sb.bags[j]
				sh, n := overlap(x, y)
				if s := simAtLeast(sh, n, x, y, minScore); s >= minScore {
					out = append(out, bead{a: []int{i}, b: []int{j}, sim: s, bare: !sa.evident(sa.bags[i], sb.bags[j])})
				}
			}
		}
	}
	slices.SortFunc(out, func(x, y bead) int {
		if c := cmp.Compare(y.sim, x.sim); c != 0 {
			return c
		}
		if c := cmp.Compare(x.b[0], y.b[0]); c != 0 {
			return c
		}
		return cmp.Compare(x.a[0], y.a[0])
	})
	return out
}

// commonLimit is how many of n sentences a word may occur in and still
// propose pairs: a fifth of them, but never more than maxPostings, so that
// on long texts the words found everywhere do not make every pair a
// candidate (the cost would grow with the product of the sentence counts).
func commonLimit(n int) int {
	return max(8, min(maxPostings, n/5))
}

const maxPostings = 40

// greedy keeps the beads (best first) whose sentences no earlier bead
// took.
func greedy(beads []bead) []bead {
	usedA, usedB := map[int]bool{}, map[int]bool{}
	var out []bead
	for _, c := range beads {
		if slices.ContainsFunc(c.a, func(i int) bool { return usedA[i] }) || slices.ContainsFunc(c.b, func(j int) bool { return usedB[j] }) {
			continue
		}
		for _, i := range c.a {
			usedA[i] = true
		}
		for _, j := range c.b {
			usedB[j] = true
		}
		out = append(out, c)
	}
	return out
}

// pairMoved pairs sentences of A and B left unpaired in place, whatever
// their order, when they are at least minScore similar (and, between
// related versions, share evidence): a sentence moved elsewhere, perhaps
// reworded on the way.
func pairMoved(sa, sb side, ia, ib []int, minScore float64) []bead {
	var cands []bead
	for _, p := range similarPairs(sa, sb, ia, ib, minScore) {
		if !p.bare {
			cands = append(cands, p)
		}
	}
	return greedy(cands)
}

func joinOf(s side, idx []int) bag {
	bs := make([]bag, len(idx))
	for k, i := range idx {
		bs[k] = s.bags[i]
	}
	return join(bs)
}

// attach widens linked beads by an unpaired neighbour in the same
// paragraph (the sentence just before or after on one side) that shares two
// words or more with the bead's other side, as long as the whole stays at
// least minScore similar: another
// outlet often says in one sentence what the first said in two ("Austin
// last spoke to his counterpart on March 15, 2023. At that time, Shoigu
// was still minister."), and the second half alone shares too little to be
// linked by its own similarity. loneA and loneB mark the unpaired
// sentences; those attached are cleared. A bead grows on one side only,
// to at most three sentences.
func attach(sa, sb side, seq, moves []bead, loneA, loneB []bool, minScore float64) {
	for _, bs := range [][]bead{seq, moves} {
		for k := range bs {
			c := &bs[k]
			if len(c.a) == 0 || len(c.b) == 0 {
				continue
			}
			if !grow(sa, sb, &c.a, c.b, loneA, minScore, &c.sim, false) {
				grow(sb, sa, &c.b, c.a, loneB, minScore, &c.sim, true)
			}
		}
	}
}

// grow widens group (sentences of s) by unpaired neighbours sharing
// evidence with other (sentences of o); flipped says s is B. It reports
// whether the group grew.
func grow(s, o side, group *[]int, other []int, lone []bool, minScore float64, sim *float64, flipped bool) bool {
	grew := false
	ob := joinOf(o, other)
	for len(*group) < 3 {
		first, last := (*group)[0], (*group)[len(*group)-1]
		best, bestSim, bestGroup := -1, 0.0, []int(nil)
		for _, n := range []int{first - 1, last + 1} {
			if n < 0 || n >= len(lone) || !lone[n] || s.sents[n].Paragraph != s.sents[first].Paragraph || s.bags[n].head ||
				s.sharedWords(s.bags[n], ob) < 2 {
				continue
			}
			g := append([]int{n}, *group...)
			if n > last {
				g = append(slices.Clone(*group), n)
			}
			x := joinOf(s, g)
			sm := similarity(x, ob)
			if flipped {
				sm = similarity(ob, x)
			}
			if sm >= minScore && sm > bestSim {
				best, bestSim, bestGroup = n, sm, g
			}
		}
		if best < 0 {
			return grew
		}
		lone[best] = false
		*group, *sim, grew = bestGroup, bestSim, true
	}
	return grew
}
