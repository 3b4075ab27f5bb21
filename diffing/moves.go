package diffing

import (
	"slices"
	"sort"

	"github.com/storydiff/storydiff/textnorm"
)

// move is a run of top-level tokens [a0,a1) of A found again at [b0,b1) of
// B, in gaps gapA and gapB of the top-level comparison.
type move struct {
	a0, a1, b0, b1 int
	gapA, gapB     int
	id             int
}

// nearMove is the word-bag similarity (Dice over textnorm word keys) from
// which a changed line counts as the same paragraph moved and lightly edited.
const nearMove = 0.8

// maxNearPairs bounds the line pairs compared for near-identical moves, so
// that a diff of two unrelated long texts stays fast; exact moves are
// always found.
const maxNearPairs = 40000

type moveCand struct {
	tok, gap int
	words    int
	key      string
	bag      map[string]int
	used     bool
}

// findMoves pairs deleted lines with inserted lines that say the same thing
// (after normalisation) or nearly the same thing. A pair inside one gap that
// keeps the order of the other pairs there is an edit in place, not a move.
// Runs of consecutive moved lines become one move.
func (e *engine) findMoves(ta, tb []pos, gaps []gap) []move {
	if e.opts.MinMoveWords < 0 || len(gaps) == 0 {
		return nil
	}
	var del, ins []*moveCand
	for k, g := range gaps {
		del = e.moveCands(del, e.a, ta, g.a0, g.a1, k)
		ins = e.moveCands(ins, e.b, tb, g.b0, g.b1, k)
	}
	if len(del) == 0 || len(ins) == 0 {
		return nil
	}
	type pair struct {
		d, i  *moveCand
		score float64
	}
	var pairs []pair
	byKey := map[string][]*moveCand{}
	for _, c := range ins {
		byKey[c.key] = append(byKey[c.key], c)
	}
	for _, d := range del {
		for _, c := range byKey[d.key] {
			pairs = append(pairs, pair{d, c, 1})
		}
	}
	if len(del)*len(ins) <= maxNearPairs {
		for _, d := range del {
			for _, c := range ins {
				if d.key == c.key || 2*min(d.words, c.words) < int(nearMove*float64(d.words+c.words)) {
					continue
				}
				if s := dice(e.bag(d, e.a, ta), e.bag(c, e.b, tb), d.words+c.words); s >= nearMove {
					pairs = append(pairs, pair{d, c, s})
				}
			}
		}
	}
	sort.SliceStable(pairs, func(x, y int) bool {
		if pairs[x].score != pairs[y].score {
			return pairs[x].score > pairs[y].score
		}
		if pairs[x].d.tok != pairs[y].d.tok {
			return pairs[x].d.tok < pairs[y].d.tok
		}
		return pairs[x].i.tok < pairs[y].i.tok
	})
	var ms []move
	for _, p := range pairs {
		if p.d.used || p.i.used {
			continue
		}
		p.d.used, p.i.used = true, true
		ms = append(ms, move{a0: p.d.tok, a1: p.d.tok + 1, b0: p.i.tok, b1: p.i.tok + 1, gapA: p.d.gap, gapB: p.i.gap})
	}
	slices.SortFunc(ms, func(x, y move) int { return x.a0 - y.a0 })
	ms = dropInPlace(ms)
	return groupMoves(ms, e)
}

func (e *engine) moveCands(out []*moveCand, s string, t []pos, from, to, gap int) []*moveCand {
	for k := from; k < to; k++ {
		text := s[t[k].b:t[k+1].b]
		n := countWords(text)
		if n < e.minMove {
			continue
		}
		out = append(out, &moveCand{tok: k, gap: gap, words: n, key: textnorm.Normalize(text)})
	}
	return out
}

func (e *engine) bag(c *moveCand, s string, t []pos) map[string]int {
	if c.bag == nil {
		c.bag = map[string]int{}
		for _, w := range textnorm.Words(s[t[c.tok].b:t[c.tok+1].b]) {
			c.bag[w.Key]++
		}
	}
	return c.bag
}

// dice is 2*|x∩y| / total over word multisets.
func dice(x, y map[string]int, total int) float64 {
	if total == 0 {
		return 0
	}
	common := 0
	for w, n := range x {
		common += min(n, y[w])
	}
	return 2 * float64(common) / float64(total)
}

// dropInPlace removes, within each gap, the pairs that keep their order
// (the longest chain increasing in B): those are paragraphs edited where
// they stand, which the word diff shows better. ms is sorted by a0.
func dropInPlace(ms []move) []move {
	byGap := map[int][]int{}
	for k, m := range ms {
		if m.gapA == m.gapB {
			byGap[m.gapA] = append(byGap[m.gapA], k)
		}
	}
	drop := make([]bool, len(ms))
	for _, idx := range byGap {
		for _, k := range longestIncreasing(ms, idx) {
			drop[k] = true
		}
	}
	out := ms[:0]
	for k, m := range ms {
		if !drop[k] {
			out = append(out, m)
		}
	}
	return out
}

// longestIncreasing returns the members of idx (indexes into ms, in A order)
// forming the longest run increasing in b0 (O(n²), n is small: the moved
// lines of one gap).
func longestIncreasing(ms []move, idx []int) []int {
	n := len(idx)
	length := make([]int, n)
	prev := make([]int, n)
	best := -1
	for i := range n {
		length[i], prev[i] = 1, -1
		for j := range i {
			if ms[idx[j]].b0 < ms[idx[i]].b0 && length[j]+1 > length[i] {
				length[i], prev[i] = length[j]+1, j
			}
		}
		if best < 0 || length[i] > length[best] {
			best = i
		}
	}
	var out []int
	for i := best; i >= 0; i = prev[i] {
		out = append(out, idx[i])
	}
	return out
}

// groupMoves merges moves of consecutive lines to consecutive lines into one
// and numbers them in A order. ms is sorted by a0.
func groupMoves(ms []move, e *engine) []move {
	var out []move
	for _, m := range ms {
		if n := len(out); n > 0 {
			last := &out[n-1]
			if last.a1 == m.a0 && last.b1 == m.b0 && last.gapA == m.gapA && last.gapB == m.gapB {
				last.a1, last.b1 = m.a1, m.b1
				continue
			}
		}
		out = append(out, m)
	}
	for k := range out {
		e.nextMove++
		out[k].id = e.nextMove
	}
	return out
}

func sortedByB(ms []move) []move {
	out := slices.Clone(ms)
	slices.SortFunc(out, func(x, y move) int { return x.b0 - y.b0 })
	return out
}
