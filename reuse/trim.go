package reuse

// maxTrimCells bounds the alignment trim: two copies of 2,000 words each.
// Longer passages are kept as found.
const maxTrimCells = 4_000_000

// trim narrows a passage to the best local alignment of its two copies
// (Smith-Waterman over stems: match +2, other word or gap -1). Seeds can
// reach across the passage's edge to words of the copied paragraph that
// the surrounding text also uses ("Straw", "Auschwitz" in the headline
// above it); the alignment keeps the stretch where the copies run in step.
// The trimmed passage must still pass the filter, or s is kept.
func trim(s span, wa, wb []word, ok func(span) bool) span {
	xa, xb := wa[s.a0:s.a1+1], wb[s.b0:s.b1+1]
	if len(xa)*len(xb) > maxTrimCells {
		return s
	}
	const match, miss, gap = 2, -1, -1
	n := len(xb)
	type cell struct {
		score  int32
		si, sj int32 // where the path through this cell began
	}
	prev, cur := make([]cell, n+1), make([]cell, n+1)
	var best cell
	bi, bj := 0, 0
	for i := 1; i <= len(xa); i++ {
		cur[0] = cell{}
		for j := 1; j <= n; j++ {
			d := prev[j-1]
			v := cell{d.score + miss, d.si, d.sj}
			if xa[i-1].stem == xb[j-1].stem {
				v.score = d.score + match
			}
			if d.score == 0 {
				v.si, v.sj = int32(i-1), int32(j-1)
			}
			if up := prev[j]; up.score+gap > v.score {
				v = cell{up.score + gap, up.si, up.sj}
			}
			if left := cur[j-1]; left.score+gap > v.score {
				v = cell{left.score + gap, left.si, left.sj}
			}
			if v.score <= 0 {
				v = cell{}
			}
			cur[j] = v
			if v.score > best.score {
				best, bi, bj = v, i, j
			}
		}
		prev, cur = cur, prev
	}
	if best.score == 0 {
		return s
	}
	t := span{s.a0 + int(best.si), s.a0 + bi - 1, s.b0 + int(best.sj), s.b0 + bj - 1}
	if t != s && ok(t) {
		return t
	}
	return s
}
