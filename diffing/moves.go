package diffing

import (
	"slices"
	"sort"
	"strings"
)

// move is a run of top-level tokens [a0,a1) of A found again at [b0,b1) of
// B, in gaps gapA and gapB of the top-level comparison.
type move struct {
	a0, a1, b0, b1 int
	gapA, gapB     int
	id             int
}

// nearMove is the word-bag similarity (Dice over lower-cased words) from
// which a changed line counts as the same paragraph moved and lightly edited.
const nearMove = 0.8

// maxNearPairs bounds the line pairs compared for near-identical moves, so
// that a diff of two unrelated long texts stays fast; exact moves are
// always found.
const maxNearPairs = 40000

type moveCand struct {
	tok, gap int
	words    int // -1 until counted
	key      string
	bag      []uint64 // sorted word hashes, built when first needed
	used     bool
}

// findMoves pairs deleted lines with inserted lines that say the same thing
// (the same text, apart from white space at the ends) or nearly the same
// thing (nearMove, within the maxNearPairs budget). A pair inside one gap that
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
			if e.words(d, e.a, ta) >= e.minMove {
				pairs = append(pairs, pair{d, c, 1})
			}
		}
	}
	if len(del)*len(ins) <= maxNearPairs {
		for _, d := range del {
			for _, c := range ins {
				// A near-identical pair inside one gap is nearly always a
				// paragraph edited in place: leave it to the word diff.
				if d.gap == c.gap || d.key == c.key {
					continue
				}
				dw, cw := e.words(d, e.a, ta), e.words(c, e.b, tb)
				if dw < e.minMove || cw < e.minMove || 2*min(dw, cw) < int(nearMove*float64(dw+cw)) {
					continue
				}
				if s := dice(e.bag(d, e.a, ta), e.bag(c, e.b, tb), dw+cw); s >= nearMove {
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

// moveCands collects the lines [from,to) of one gap that are long enough
// to be moves (by bytes first; words are counted when needed).
func (e *engine) moveCands(out []*moveCand, s string, t []pos, from, to, gap int) []*moveCand {
	for k := from; k < to; k++ {
		text := s[t[k].b:t[k+1].b]
		if len(text) < 2*e.minMove {
			continue
		}
		out = append(out, &moveCand{tok: k, gap: gap, words: -1, key: strings.TrimSpace(text)})
	}
	return out
}

func (e *engine) words(c *moveCand, s string, t []pos) int {
	if c.words < 0 {
		c.words = countWords(s[t[c.tok].b:t[c.tok+1].b])
	}
	return c.words
}

func (e *engine) bag(c *moveCand, s string, t []pos) []uint64 {
	if c.bag == nil {
		c.bag = wordHashes(s[t[c.tok].b:t[c.tok+1].b])
	}
	return c.bag
}

// wordHashes returns the sorted hashes of the lower-cased words of s: a
// cheap bag of words for telling near-identical paragraphs apart.
func wordHashes(s string) []uint64 {
	out := wordHashesInOrder(s)
	slices.Sort(out)
	return out
}

// dice is 2*|x∩y| / total over sorted multisets.
func dice(x, y []uint64, total int) float64 {
	if total == 0 {
		return 0
	}
	common := 0
	for i, j := 0, 0; i < len(x) && j < len(y); {
		switch {
		case x[i] == y[j]:
			common++
			i++
			j++
		case x[i] < y[j]:
			i++
		default:
			j++
		}
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
