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
				if s := similarity(sa.bags[i], sb.bags[j]); s >= minScore {
					out = append(out, bead{a: []int{i}, b: []int{j}, sim: s})
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

// greedy keeps the pairs (most similar first) whose sentences no earlier
// pair took.
func greedy(pairs []bead) []bead {
	usedA, usedB := map[int]bool{}, map[int]bool{}
	var out []bead
	for _, c := range pairs {
		if usedA[c.a[0]] || usedB[c.b[0]] {
			continue
		}
		usedA[c.a[0]], usedB[c.b[0]] = true, true
		out = append(out, c)
	}
	return out
}

// pairMoved pairs sentences of A and B left unpaired in place, whatever
// their order, when they are at least minScore similar: a sentence moved
// elsewhere, perhaps reworded on the way.
func pairMoved(sa, sb side, ia, ib []int, minScore float64) []bead {
	return greedy(similarPairs(sa, sb, ia, ib, minScore))
}
