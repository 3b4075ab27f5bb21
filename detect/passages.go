package detect

import (
	"github.com/storydiff/storydiff/core"
	"sort"

	"github.com/storydiff/storydiff/textnorm"
)

// PassageOptions tune SharedPassages; zero values take the defaults.
type PassageOptions struct {
	// Gram is the length of the shared word n-grams that seed a passage (4).
	Gram int
	// MaxGap is the most words an edit may insert or drop inside a passage
	// before it is split in two (12).
	MaxGap int
	// MinWords is the least number of words of a passage (8).
	MinWords int
}

func (o PassageOptions) withDefaults() PassageOptions {
	if o.Gram <= 0 {
		o.Gram = 4
	}
	if o.MaxGap <= 0 {
		o.MaxGap = 12
	}
	if o.MinWords <= 0 {
		o.MinWords = 8
	}
	return o
}

// SharedPassages finds the passages a and b share, as text-reuse tools such
// as passim do: word n-grams (of variant keys, so spelling variants match)
// common to both seed candidate passages; seeds that follow each other in
// both texts within MaxGap words are chained, and each chain is aligned word
// by word (Smith-Waterman) to find its exact ends and score, so a passage
// survives small edits inside it. Passages are in a's order.
func SharedPassages(a, b string, opt PassageOptions) []core.Passage {
	opt = opt.withDefaults()
	ra, rb := []rune(a), []rune(b)
	ta, tb := textnorm.WordsRunes(ra), textnorm.WordsRunes(rb)
	if len(ta) < opt.Gram || len(tb) < opt.Gram {
		return nil
	}
	ka, kb := tokenKeys(ta), tokenKeys(tb)
	seeds := gramSeeds(ka, kb, opt.Gram)
	var out []core.Passage
	for _, c := range chainSeeds(seeds, opt.MaxGap) {
		a0, a1 := c.a0, min(c.a1+opt.Gram, len(ka))
		b0, b1 := c.b0, min(c.b1+opt.Gram, len(kb))
		al := alignLocal(ka[a0:a1], kb[b0:b1])
		if al.matches < opt.MinWords {
			continue
		}
		sa := core.Span{Start: ta[a0+al.a0].Start, End: ta[a0+al.a1-1].End}
		sb := core.Span{Start: tb[b0+al.b0].Start, End: tb[b0+al.b1-1].End}
		longer := max(al.a1-al.a0, al.b1-al.b0)
		out = append(out, core.Passage{A: sa, B: sb, Score: float64(al.matches) / float64(longer), Text: string(ra[sa.Start:sa.End])})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].A.Start < out[j].A.Start })
	return out
}

func tokenKeys(ts []textnorm.Token) []uint64 {
	out := make([]uint64, len(ts))
	for i, t := range ts {
		out[i] = hashString(t.Key)
	}
	return out
}

type seed struct{ a, b int }

// gramSeeds pairs the positions of n-grams found in both texts. Grams that
// occur more than three times in either text ("one of the", "in the US")
// are skipped: they would seed everywhere.
func gramSeeds(ka, kb []uint64, n int) []seed {
	grams := func(k []uint64) []uint64 {
		out := make([]uint64, len(k)-n+1)
		for i := range out {
			out[i] = hashUint64s(k[i : i+n])
		}
		return out
	}
	ga, gb := grams(ka), grams(kb)
	inB := map[uint64][]int{}
	for j, g := range gb {
		inB[g] = append(inB[g], j)
	}
	countA := map[uint64]int{}
	for _, g := range ga {
		countA[g]++
	}
	var out []seed
	for i, g := range ga {
		js := inB[g]
		if len(js) == 0 || len(js) > 3 || countA[g] > 3 {
			continue
		}
		for _, j := range js {
			out = append(out, seed{i, j})
		}
	}
	return out
}

type chain struct{ a0, a1, b0, b1 int }

// chainSeeds links seeds (sorted by a, then b) into chains moving forward
// in both texts with gaps of at most maxGap words.
func chainSeeds(seeds []seed, maxGap int) []chain {
	var open []chain
	var done []chain
	for _, s := range seeds {
		best := -1
		for k, c := range open {
			da, db := s.a-c.a1, s.b-c.b1
			if da >= 0 && db >= 0 && da <= maxGap && db <= maxGap && (da > 0 || db > 0) {
				if best < 0 || abs(da-db) < abs((s.a-open[best].a1)-(s.b-open[best].b1)) {
					best = k
				}
			}
		}
		if best >= 0 {
			open[best].a1, open[best].b1 = s.a, s.b
			continue
		}
		// Chains this seed has left behind in a can no longer grow.
		w := 0
		for _, c := range open {
			if s.a-c.a1 > maxGap {
				done = append(done, c)
			} else {
				open[w] = c
				w++
			}
		}
		open = append(open[:w], chain{s.a, s.a, s.b, s.b})
	}
	done = append(done, open...)
	sort.Slice(done, func(i, j int) bool {
		if done[i].a0 != done[j].a0 {
			return done[i].a0 < done[j].a0
		}
		return done[i].b0 < done[j].b0
	})
	return done
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

type alignment struct{ a0, a1, b0, b1, matches int }

// maxAlignCells bounds the alignment table; beyond it the chain's own ends
// stand and matches are counted along the diagonal-free LCS bound instead.
const maxAlignCells = 4_000_000

// alignLocal is Smith-Waterman over word keys (match +2, mismatch or gap
// -1): the best-scoring local alignment's ends and its number of matches.
func alignLocal(a, b []uint64) alignment {
	m, n := len(a), len(b)
	if m == 0 || n == 0 {
		return alignment{}
	}
	if m*n > maxAlignCells {
		return alignment{0, m, 0, n, min(m, n)}
	}
	const match, miss, gap = 2, -1, -1
	// score and matches per cell; start remembers where each path began.
	score := make([]int32, (m+1)*(n+1))
	hits := make([]int32, (m+1)*(n+1))
	start := make([]int32, (m+1)*(n+1))
	w := n + 1
	bestScore, bestCell := int32(0), 0
	for i := 1; i <= m; i++ {
		for j := 1; j <= n; j++ {
			c := i*w + j
			diag := score[c-w-1]
			s := miss
			if a[i-1] == b[j-1] {
				s = match
			}
			v, from, h := diag+int32(s), c-w-1, hits[c-w-1]
			if s == match {
				h++
			}
			if up := score[c-w] + gap; up > v {
				v, from, h = up, c-w, hits[c-w]
			}
			if left := score[c-1] + gap; left > v {
				v, from, h = left, c-1, hits[c-1]
			}
			if v <= 0 {
				score[c], hits[c], start[c] = 0, 0, int32(c)
				continue
			}
			score[c], hits[c] = v, h
			if score[from] == 0 {
				start[c] = int32(c)
			} else {
				start[c] = start[from]
			}
			if v > bestScore {
				bestScore, bestCell = v, c
			}
		}
	}
	if bestScore == 0 {
		return alignment{}
	}
	s := int(start[bestCell])
	return alignment{
		a0: s/w - 1, a1: bestCell / w,
		b0: s%w - 1, b1: bestCell % w,
		matches: int(hits[bestCell]),
	}
}
