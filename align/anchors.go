package align

import "cmp"

// pair is sentence a of A and sentence b of B; exact when their normalised
// texts are the same.
type pair struct {
	a, b  int
	sim   float64
	exact bool
}

// anchors decides which sentences stay in order. Candidates are the
// sentences whose normalised text occurs exactly once in each version, and
// the pairs of sentences each the other's best match (at least moveScore
// similar). Of those, the chain in the same order in both that holds the
// most matching words stays in place. It returns the exact pairs on the
// chain, which split the texts into stretches aligned one by one, and the
// candidates off the chain of at least minMove words: sentences that moved.
// Reworded pairs on the chain are not fixed, so that the dynamic programme
// may still find them split or merged. Short candidates off the chain are
// dropped, since a dateline or "He said." out of order says little.
func anchors(sa, sb side, moveScore float64, minMove int) (fixed, moved []pair) {
	cand := candidates(sa, sb, moveScore)
	weight := func(p pair) float64 {
		return p.sim * float64(max(1, min(sa.sents[p.a].Words, sb.sents[p.b].Words)))
	}
	on := heaviestChain(cand, weight, len(sb.sents))
	for k, p := range cand {
		switch {
		case on[k] && p.exact:
			fixed = append(fixed, p)
		case !on[k] && min(sa.sents[p.a].Words, sb.sents[p.b].Words) >= minMove:
			moved = append(moved, p)
		}
	}
	return fixed, moved
}

// candidates lists the exact unique pairs and the mutual best similar
// pairs, ascending in A.
func candidates(sa, sb side, moveScore float64) []pair {
	count := func(s side) map[string]int {
		m := make(map[string]int, len(s.norm))
		for _, k := range s.norm {
			m[k]++
		}
		return m
	}
	ca, cb := count(sa), count(sb)
	where := make(map[string]int, len(sb.norm))
	for j, k := range sb.norm {
		if cb[k] == 1 {
			where[k] = j
		}
	}
	byA := make([]pair, len(sa.sents))
	takenB := make([]bool, len(sb.sents))
	for i := range byA {
		byA[i].b = -1
		if k := sa.norm[i]; k != "" && ca[k] == 1 {
			if j, ok := where[k]; ok {
				byA[i] = pair{a: i, b: j, sim: 1, exact: true}
				takenB[j] = true
			}
		}
	}
	// Mutual best matches among the rest: the pairs are sorted most similar
	// first, so a pair is mutual best when neither sentence was seen before.
	var ia, ib []int
	for i, p := range byA {
		if p.b < 0 {
			ia = append(ia, i)
		}
	}
	for j, t := range takenB {
		if !t {
			ib = append(ib, j)
		}
	}
	seenA, seenB := map[int]bool{}, map[int]bool{}
	for _, s := range similarPairs(sa, sb, ia, ib, moveScore) {
		if s.bare {
			continue
		}
		i, j := s.a[0], s.b[0]
		if !seenA[i] && !seenB[j] {
			byA[i] = pair{a: i, b: j, sim: s.sim}
		}
		seenA[i], seenB[j] = true, true
	}
	var out []pair
	for _, p := range byA {
		if p.b >= 0 {
			out = append(out, p)
		}
	}
	return out
}

// heaviestChain marks the subsequence of cand (ascending in a) that is also
// ascending in b and has the greatest total weight. A Fenwick tree over b
// keeps it O(k log n).
func heaviestChain(cand []pair, weight func(pair) float64, n int) []bool {
	type best struct {
		sum float64
		at  int
	}
	better := func(x, y best) bool { return cmp.Compare(x.sum, y.sum) > 0 }
	tree := make([]best, n+1)
	for i := range tree {
		tree[i].at = -1
	}
	query := func(b int) best { // the best chain ending at some b' < b
		r := best{0, -1}
		for i := b; i > 0; i -= i & -i {
			if better(tree[i], r) {
				r = tree[i]
			}
		}
		return r
	}
	update := func(b int, v best) {
		for i := b + 1; i <= n; i += i & -i {
			if better(v, tree[i]) {
				tree[i] = v
			}
		}
	}
	prev := make([]int, len(cand))
	top := best{0, -1}
	for k, p := range cand {
		q := query(p.b)
		prev[k] = q.at
		v := best{q.sum + weight(p), k}
		update(p.b, v)
		if better(v, top) {
			top = v
		}
	}
	on := make([]bool, len(cand))
	for k := top.at; k >= 0; k = prev[k] {
		on[k] = true
	}
	return on
}
