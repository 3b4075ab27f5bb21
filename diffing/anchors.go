package diffing

import "strings"

// uniqueAnchors picks, among the lines that occur exactly once in each text
// (after trimming trailing white space), the ones to keep in place: the
// chain in the same order in both that holds the most text (a weighted
// longest increasing subsequence, as patience diff does with counts). Myers
// alone keeps the most lines, and when a paragraph moved it may as well
// keep the moved one in place and report the others as moved; weighing by
// length keeps the long paragraphs in place and reports fewer, shorter
// moves, and lines too short to be moves weigh a hundred times their
// length, since out of place they would show as deleted and inserted. The
// anchors are returned as one-line blocks in order.
func (e *engine) uniqueAnchors(ta, tb []pos) []block {
	type seen struct{ a, b, na, nb int }
	lines := map[string]*seen{}
	key := func(s string, t []pos, k int) string {
		return strings.TrimRight(s[t[k].b:t[k+1].b], " \t\r\n")
	}
	for k := 0; k+1 < len(ta); k++ {
		if kk := key(e.a, ta, k); kk != "" {
			if l := lines[kk]; l != nil {
				l.na++
			} else {
				lines[kk] = &seen{a: k, na: 1}
			}
		}
	}
	type cand struct{ a, b, w int }
	var cands []cand
	for k := 0; k+1 < len(tb); k++ {
		if l := lines[key(e.b, tb, k)]; l != nil {
			l.nb++
			l.b = k
		}
	}
	for k := 0; k+1 < len(ta); k++ {
		if l := lines[key(e.a, ta, k)]; l != nil && l.na == 1 && l.nb == 1 && l.a == k {
			w := ta[k+1].r - ta[k].r
			if e.opts.MinMoveWords < 0 || countWords(e.a[ta[k].b:ta[k+1].b]) < e.minMove {
				// Too short to be reported as moved: out of place it would
				// read as deleted and inserted, which costs a reader more.
				w *= 100
			}
			cands = append(cands, cand{a: k, b: l.b, w: w})
		}
	}
	if len(cands) == 0 {
		return nil
	}
	// best[i] is the heaviest chain ending at cands[i]; a Fenwick tree over
	// B positions gives the heaviest chain ending before a given position.
	n := len(tb)
	tree := make([]int, n+1) // index into cands+1 of the best chain end, 0 none
	weight := make([]int, len(cands))
	prev := make([]int, len(cands))
	query := func(j int) int { // best chain end among B positions < j
		best := 0
		for ; j > 0; j -= j & -j {
			if c := tree[j]; c > 0 && (best == 0 || weight[c-1] > weight[best-1]) {
				best = c
			}
		}
		return best
	}
	update := func(j, c int) {
		for j++; j <= n; j += j & -j {
			if t := tree[j]; t == 0 || weight[c-1] > weight[t-1] {
				tree[j] = c
			}
		}
	}
	end := 0
	for i, c := range cands { // cands are in A order
		p := query(c.b)
		weight[i] = c.w
		prev[i] = p
		if p > 0 {
			weight[i] += weight[p-1]
		}
		update(c.b, i+1)
		if end == 0 || weight[i] > weight[end-1] {
			end = i + 1
		}
	}
	var out []block
	for c := end; c > 0; c = prev[c-1] {
		out = append(out, block{a: cands[c-1].a, b: cands[c-1].b, n: 1})
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out
}
