// Package seqdiff finds the equal runs of two sequences of token ids with
// the algorithm of github.com/sergi/go-diff's DiffMainRunes (Myers' middle
// snake bisection with its prefix, suffix, containment and half-match
// shortcuts, then its merge cleanup), step for step, so that it gives the
// same runs. It works on the ids and on index ranges only: go-diff turns
// every piece into a string and back as it recurses and merges, which cost
// a word diff of a long article more than the comparison itself.
//
// Equality with go-diff (v1.4.0) is checked by seqdiff_test.go on random
// sequences, with and without a time bound.
package seqdiff

import "time"

// Block is a run of N equal tokens, from A in the first sequence and from B
// in the second. N may be 0 where go-diff leaves an empty equality.
type Block struct{ A, B, N int }

// op kinds, as go-diff's Diff.Type.
const (
	opEqual int8 = iota
	opDelete
	opInsert
)

// op is one of go-diff's Diffs as index ranges: a Delete's text is
// a[a0:a1] (and b0 == b1 is where it stands in b), an Insert's b[b0:b1],
// an Equal's both.
type op struct {
	kind           int8
	a0, a1, b0, b1 int
}

func (o op) size() int {
	if o.kind == opInsert {
		return o.b1 - o.b0
	}
	return o.a1 - o.a0
}

// Matcher holds the scratch space of one comparison at a time; its zero
// value is ready. It is not safe for concurrent use.
type Matcher struct {
	a, b     []int32
	deadline time.Time
	v        []int32 // bisect's two diagonal arrays, reused
}

// Match returns the equal blocks of a and b in order, as go-diff's
// DiffMainRunes(a, b, false) gives them with DiffTimeout set to the time
// left before deadline: a zero deadline means no bound (and, as in go-diff,
// no half-match shortcut, which can give a diff that is not minimal). When
// the deadline passes, the rest is compared coarsely, as go-diff does.
func (m *Matcher) Match(a, b []int32, deadline time.Time) []Block {
	m.a, m.b, m.deadline = a, b, deadline
	ops := m.main(nil, 0, len(a), 0, len(b))
	var out []Block
	i, j := 0, 0
	for _, o := range ops {
		n := o.size()
		switch o.kind {
		case opEqual:
			out = append(out, Block{i, j, n})
			i += n
			j += n
		case opDelete:
			i += n
		case opInsert:
			j += n
		}
	}
	m.a, m.b = nil, nil
	return out
}

// main is diffMainRunes on a[a0:a1] and b[b0:b1]: it appends that range's
// ops, merged, to out.
func (m *Matcher) main(out []op, a0, a1, b0, b1 int) []op {
	if m.equal(a0, a1, b0, b1) {
		if a1 > a0 {
			out = append(out, op{opEqual, a0, a1, b0, b1})
		}
		return out
	}
	start := len(out)
	p := m.prefix(a0, a1, b0, b1)
	if p > 0 {
		out = append(out, op{opEqual, a0, a0 + p, b0, b0 + p})
	}
	a0, b0 = a0+p, b0+p
	s := m.suffix(a0, a1, b0, b1)
	out = m.compute(out, a0, a1-s, b0, b1-s)
	if s > 0 {
		out = append(out, op{opEqual, a1 - s, a1, b1 - s, b1})
	}
	merged := m.cleanupMerge(out[start:], a1, b1)
	return append(out[:start], merged...)
}

// compute is diffCompute: the texts have no common prefix or suffix.
func (m *Matcher) compute(out []op, a0, a1, b0, b1 int) []op {
	la, lb := a1-a0, b1-b0
	if la == 0 {
		return append(out, op{opInsert, a0, a0, b0, b1})
	}
	if lb == 0 {
		return append(out, op{opDelete, a0, a1, b0, b0})
	}
	if la > lb {
		// The shorter text inside the longer one.
		if i := index(m.a[a0:a1], m.b[b0:b1]); i >= 0 {
			return append(out,
				op{opDelete, a0, a0 + i, b0, b0},
				op{opEqual, a0 + i, a0 + i + lb, b0, b1},
				op{opDelete, a0 + i + lb, a1, b1, b1})
		}
	} else if i := index(m.b[b0:b1], m.a[a0:a1]); i >= 0 {
		return append(out,
			op{opInsert, a0, a0, b0, b0 + i},
			op{opEqual, a0, a1, b0 + i, b0 + i + la},
			op{opInsert, a1, a1, b0 + i + la, b1})
	}
	if min(la, lb) == 1 {
		// One token, and it is not in the other text.
		return append(out, op{opDelete, a0, a1, b0, b0}, op{opInsert, a1, a1, b0, b1})
	}
	if hm, ok := m.halfMatch(a0, a1, b0, b1); ok {
		out = m.main(out, a0, hm.a0, b0, hm.b0)
		out = append(out, op{opEqual, hm.a0, hm.a1, hm.b0, hm.b1})
		return m.main(out, hm.a1, a1, hm.b1, b1)
	}
	return m.bisect(out, a0, a1, b0, b1)
}

// span is a common run found by halfMatch: a[a0:a1] == b[b0:b1].
type span struct{ a0, a1, b0, b1 int }

// halfMatch is diffHalfMatch: a run the texts share that is at least half
// as long as the longer, found from a seed in its second or third quarter.
// go-diff only looks for one under a time bound.
func (m *Matcher) halfMatch(a0, a1, b0, b1 int) (span, bool) {
	if m.deadline.IsZero() {
		return span{}, false
	}
	la, lb := a1-a0, b1-b0
	// Long and short, as go-diff picks them: a is the long one only when
	// strictly longer.
	long, short := m.a[a0:a1], m.b[b0:b1]
	if la <= lb {
		long, short = short, long
	}
	if len(long) < 4 || len(short)*2 < len(long) {
		return span{}, false
	}
	hm1, ok1 := halfMatchAt(long, short, (len(long)+3)/4)
	hm2, ok2 := halfMatchAt(long, short, (len(long)+1)/2)
	var hm half
	switch {
	case !ok1 && !ok2:
		return span{}, false
	case !ok2:
		hm = hm1
	case !ok1:
		hm = hm2
	case hm1.n > hm2.n:
		hm = hm1
	default:
		hm = hm2
	}
	if la > lb {
		return span{a0 + hm.l, a0 + hm.l + hm.n, b0 + hm.s, b0 + hm.s + hm.n}, true
	}
	return span{a0 + hm.s, a0 + hm.s + hm.n, b0 + hm.l, b0 + hm.l + hm.n}, true
}

// half is a common run of n tokens at l in the long text and s in the short.
type half struct{ l, s, n int }

// halfMatchAt is diffHalfMatchI: the longest run around a seed of a
// quarter of long starting at i, found in short, if it is at least half of
// long.
func halfMatchAt(long, short []int32, i int) (half, bool) {
	seed := long[i : i+len(long)/4]
	best := half{}
	for j := indexFrom(short, seed, 0); j != -1; j = indexFrom(short, seed, j+1) {
		p := prefixLen(long[i:], short[j:])
		s := suffixLen(long[:i], short[:j])
		if best.n < p+s {
			best = half{l: i - s, s: j - s, n: p + s}
		}
	}
	if best.n*2 < len(long) {
		return half{}, false
	}
	return best, true
}

// bisect is diffBisect: Myers' middle snake, found from both ends, splits
// the problem in two; without one before the deadline (or when nothing is
// shared) the whole range is one deletion and one insertion.
func (m *Matcher) bisect(out []op, a0, a1, b0, b1 int) []op {
	x, y := m.a[a0:a1], m.b[b0:b1]
	n1, n2 := len(x), len(y)
	maxD := (n1 + n2 + 1) / 2
	off := maxD
	vlen := 2 * maxD
	if cap(m.v) < 2*vlen {
		m.v = make([]int32, 2*vlen)
	}
	v1, v2 := m.v[:vlen], m.v[vlen:2*vlen]
	for i := range v1 {
		v1[i] = -1
		v2[i] = -1
	}
	v1[off+1] = 0
	v2[off+1] = 0
	delta := n1 - n2
	front := delta%2 != 0
	k1start, k1end, k2start, k2end := 0, 0, 0, 0
	for d := 0; d < maxD; d++ {
		if !m.deadline.IsZero() && d%16 == 0 && time.Now().After(m.deadline) {
			break
		}
		for k1 := -d + k1start; k1 <= d-k1end; k1 += 2 {
			k1off := off + k1
			var x1 int
			if k1 == -d || (k1 != d && v1[k1off-1] < v1[k1off+1]) {
				x1 = int(v1[k1off+1])
			} else {
				x1 = int(v1[k1off-1]) + 1
			}
			y1 := x1 - k1
			for x1 < n1 && y1 < n2 && x[x1] == y[y1] {
				x1++
				y1++
			}
			v1[k1off] = int32(x1)
			switch {
			case x1 > n1:
				k1end += 2
			case y1 > n2:
				k1start += 2
			case front:
				k2off := off + delta - k1
				if k2off >= 0 && k2off < vlen && v2[k2off] != -1 {
					if x2 := n1 - int(v2[k2off]); x1 >= x2 {
						return m.split(out, a0, a1, b0, b1, x1, y1)
					}
				}
			}
		}
		for k2 := -d + k2start; k2 <= d-k2end; k2 += 2 {
			k2off := off + k2
			var x2 int
			if k2 == -d || (k2 != d && v2[k2off-1] < v2[k2off+1]) {
				x2 = int(v2[k2off+1])
			} else {
				x2 = int(v2[k2off-1]) + 1
			}
			y2 := x2 - k2
			for x2 < n1 && y2 < n2 && x[n1-x2-1] == y[n2-y2-1] {
				x2++
				y2++
			}
			v2[k2off] = int32(x2)
			switch {
			case x2 > n1:
				k2end += 2
			case y2 > n2:
				k2start += 2
			case !front:
				k1off := off + delta - k2
				if k1off >= 0 && k1off < vlen && v1[k1off] != -1 {
					x1 := int(v1[k1off])
					y1 := off + x1 - k1off
					if x1 >= n1-x2 {
						return m.split(out, a0, a1, b0, b1, x1, y1)
					}
				}
			}
		}
	}
	return append(out, op{opDelete, a0, a1, b0, b0}, op{opInsert, a1, a1, b0, b1})
}

// split is diffBisectSplit: the two halves around the middle snake's end
// (x, y), compared on their own.
func (m *Matcher) split(out []op, a0, a1, b0, b1, x, y int) []op {
	out = m.main(out, a0, a0+x, b0, b0+y)
	return m.main(out, a0+x, a1, b0+y, b1)
}

// cleanupMerge is DiffCleanupMerge: runs of deletions and insertions
// between equalities become one deletion and one insertion, with their
// common prefix and suffix moved into the equalities around them; adjacent
// equalities merge; then a single edit between two equalities is slid over
// one of them where that removes it, and the whole is merged again. aEnd,
// bEnd are where ops ends in a and b.
func (m *Matcher) cleanupMerge(ops []op, aEnd, bEnd int) []op {
	ops = append(ops, op{opEqual, aEnd, aEnd, bEnd, bEnd}) // go-diff's dummy
	p := 0
	nDel, nIns := 0, 0
	var runA, runB int // where the current run of edits starts in a and b
	var lenA, lenB int // its deleted and inserted lengths
	for p < len(ops) {
		o := ops[p]
		switch o.kind {
		case opInsert, opDelete:
			if nDel+nIns == 0 {
				runA, runB, lenA, lenB = o.a0, o.b0, 0, 0
			}
			if o.kind == opInsert {
				nIns++
				lenB += o.b1 - o.b0
			} else {
				nDel++
				lenA += o.a1 - o.a0
			}
			p++
			continue
		}
		if nDel+nIns > 1 {
			if nDel != 0 && nIns != 0 {
				if c := prefixLen(m.b[runB:runB+lenB], m.a[runA:runA+lenA]); c != 0 {
					if x := p - nDel - nIns; x > 0 && ops[x-1].kind == opEqual {
						ops[x-1].a1 += c
						ops[x-1].b1 += c
					} else {
						ops = insertAt(ops, 0, op{opEqual, runA, runA + c, runB, runB + c})
						p++
					}
					runA, runB, lenA, lenB = runA+c, runB+c, lenA-c, lenB-c
				}
				if c := suffixLen(m.b[runB:runB+lenB], m.a[runA:runA+lenA]); c != 0 {
					ops[p].a0 -= c
					ops[p].b0 -= c
					lenA, lenB = lenA-c, lenB-c
				}
			}
			x := p - nDel - nIns
			del := op{opDelete, runA, runA + lenA, runB, runB}
			ins := op{opInsert, runA + lenA, runA + lenA, runB, runB + lenB}
			switch {
			case nDel == 0:
				ops = splice(ops, x, nIns, ins)
			case nIns == 0:
				ops = splice(ops, x, nDel, del)
			default:
				ops = splice(ops, x, nDel+nIns, del, ins)
			}
			p = x + 1
			if nDel != 0 {
				p++
			}
			if nIns != 0 {
				p++
			}
		} else if p != 0 && ops[p-1].kind == opEqual {
			ops[p-1].a1 = o.a1
			ops[p-1].b1 = o.b1
			ops = splice(ops, p, 1)
		} else {
			p++
		}
		nDel, nIns = 0, 0
	}
	if ops[len(ops)-1].size() == 0 {
		ops = ops[:len(ops)-1]
	}

	changed := false
	for p = 1; p < len(ops)-1; p++ {
		prev, next := ops[p-1], ops[p+1]
		if prev.kind != opEqual || next.kind != opEqual {
			continue
		}
		e := ops[p]
		text := m.text(e)
		switch {
		case hasSuffix(text, m.a[prev.a0:prev.a1]):
			// Slide the edit left over the equality before it.
			n := prev.size()
			if e.kind == opDelete {
				ops[p] = op{opDelete, prev.a0, e.a1 - n, prev.b0, prev.b0}
				ops[p+1].a0, ops[p+1].b0 = e.a1-n, prev.b0
			} else {
				ops[p] = op{opInsert, prev.a0, prev.a0, prev.b0, e.b1 - n}
				ops[p+1].a0, ops[p+1].b0 = prev.a0, e.b1-n
			}
			ops = splice(ops, p-1, 1)
			changed = true
		case hasPrefix(text, m.a[next.a0:next.a1]):
			// Slide the edit right over the equality after it.
			n := next.size()
			ops[p-1].a1 += n
			ops[p-1].b1 += n
			if e.kind == opDelete {
				ops[p] = op{opDelete, e.a0 + n, e.a1 + n, prev.b1 + n, prev.b1 + n}
			} else {
				ops[p] = op{opInsert, prev.a1 + n, prev.a1 + n, e.b0 + n, e.b1 + n}
			}
			ops = splice(ops, p+1, 1)
			changed = true
		}
	}
	if changed {
		return m.cleanupMerge(ops, aEnd, bEnd)
	}
	return ops
}

// text is an edit's tokens.
func (m *Matcher) text(o op) []int32 {
	if o.kind == opInsert {
		return m.b[o.b0:o.b1]
	}
	return m.a[o.a0:o.a1]
}

func (m *Matcher) equal(a0, a1, b0, b1 int) bool {
	return a1-a0 == b1-b0 && prefixLen(m.a[a0:a1], m.b[b0:b1]) == a1-a0
}

func (m *Matcher) prefix(a0, a1, b0, b1 int) int { return prefixLen(m.a[a0:a1], m.b[b0:b1]) }
func (m *Matcher) suffix(a0, a1, b0, b1 int) int { return suffixLen(m.a[a0:a1], m.b[b0:b1]) }

func prefixLen(x, y []int32) int {
	n := min(len(x), len(y))
	for i := range n {
		if x[i] != y[i] {
			return i
		}
	}
	return n
}

func suffixLen(x, y []int32) int {
	i, j := len(x)-1, len(y)-1
	n := 0
	for i >= 0 && j >= 0 && x[i] == y[j] {
		i--
		j--
		n++
	}
	return n
}

func hasPrefix(x, p []int32) bool { return len(p) <= len(x) && prefixLen(x, p) == len(p) }
func hasSuffix(x, s []int32) bool { return len(s) <= len(x) && suffixLen(x, s) == len(s) }

// index is the first place of p in x, or -1 (an empty p is at 0).
func index(x, p []int32) int {
	if len(p) == 0 {
		return 0
	}
	first := p[0]
	for i := 0; i+len(p) <= len(x); i++ {
		if x[i] == first && prefixLen(x[i:i+len(p)], p) == len(p) {
			return i
		}
	}
	return -1
}

// indexFrom is go-diff's runesIndexOf: the first place of p in x at or
// after i.
func indexFrom(x, p []int32, i int) int {
	if i > len(x)-1 {
		return -1
	}
	if i <= 0 {
		return index(x, p)
	}
	if k := index(x[i:], p); k >= 0 {
		return k + i
	}
	return -1
}

// splice removes n ops at i and puts add there.
func splice(ops []op, i, n int, add ...op) []op {
	switch {
	case len(add) == n:
	case len(add) < n:
		ops = append(ops[:i+len(add)], ops[i+n:]...)
	default:
		extra := len(add) - n
		ops = append(ops, make([]op, extra)...)
		copy(ops[i+len(add):], ops[i+n:len(ops)-extra])
	}
	copy(ops[i:], add)
	return ops
}

func insertAt(ops []op, i int, o op) []op { return splice(ops, i, 0, o) }
