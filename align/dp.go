package align

import "math"

// shape is a bead's number of sentences on each side.
type shape struct{ m, n int }

// shapes are the beads tried besides leaving a sentence unpaired. Three
// sentences to one covers the usual split of a long wire sentence; wider
// beads are rare in news edits and cost time in every cell.
var shapes = []shape{{1, 1}, {1, 2}, {2, 1}, {1, 3}, {3, 1}, {2, 2}}

// groupCost is what a bead pays per sentence beyond one on each side, so
// that equal similarity prefers pairing sentences one to one.
const groupCost = 0.05

// bead is a group of sentences of A linked to a group of B (either may be
// empty), with the similarity of the two.
type bead struct {
	a, b []int
	sim  float64
	bare bool // the sentences share no evidence (see side.evident)
	// inPlace marks a link made after the programme that stands in the
	// order of the others (see windowLinks).
	inPlace bool
}

// row is one row of the programme's table, holding columns lo..lo+len-1.
type row struct {
	lo    int
	score []float64
	back  []int8 // -1 skip A, -2 skip B, k >= 0 shapes[k]
	sim   []float32
	// shared is the weight the pair has in common (0 when not proposed),
	// which bounds the similarity of the groups holding it.
	shared []float32
	// active marks the cells where a bead may end (near a similar pair).
	active []bool
	// bare marks the pairs that share no evidence (see side.evident): they
	// may be part of a group but are not linked alone.
	bare []bool
}

func (g *gapAligner) setSim(i, j int, c cand) {
	r := g.rows[i]
	if j >= r.lo && j-r.lo < len(r.sim) {
		r.sim[j-r.lo], r.shared[j-r.lo], r.bare[j-r.lo] = c.sim, c.shared, c.bare
	}
}

func (g *gapAligner) activate(i, j int) {
	if i >= len(g.rows) {
		return
	}
	r := g.rows[i]
	if j >= r.lo && j-r.lo < len(r.active) {
		r.active[j-r.lo] = true
	}
}

// gapAligner runs the programme over one stretch between anchors.
type gapAligner struct {
	sa, sb   side
	ia, ib   []int // the stretch's sentences, ascending
	minScore float64
	rows     []row
	// joinA[i][m-2] and joinB[j][n-2] cache the bags of the groups of m
	// (n) sentences ending at position i (j) of the stretch.
	joinA, joinB [][2]*bag
}

// alignGap aligns sentences ia of A with ib of B in order. maxCells bounds
// the table; a larger stretch keeps to a band around its diagonal, and
// banded is returned true.
func alignGap(sa, sb side, ia, ib []int, minScore float64, maxCells int) (beads []bead, banded bool) {
	n, m := len(ia), len(ib)
	if n == 0 || m == 0 {
		for _, i := range ia {
			beads = append(beads, bead{a: []int{i}})
		}
		for _, j := range ib {
			beads = append(beads, bead{b: []int{j}})
		}
		return beads, false
	}
	g := gapAligner{sa: sa, sb: sb, ia: ia, ib: ib, minScore: minScore, rows: make([]row, n+1),
		joinA: make([][2]*bag, n+1), joinB: make([][2]*bag, m+1)}
	w := m + 1 // half-width of the band: all columns
	if maxCells > 0 && (n+1)*(m+1) > maxCells {
		banded = true
		w = max(maxCells/(2*(n+1)), (m+n-1)/n+3)
	}
	for i := 0; i <= n; i++ {
		c := i * m / n
		lo, hi := max(0, c-w), min(m, c+w)
		g.rows[i] = row{lo: lo, score: make([]float64, hi-lo+1), back: make([]int8, hi-lo+1),
			sim: make([]float32, hi-lo+1), shared: make([]float32, hi-lo+1), active: make([]bool, hi-lo+1),
			bare: make([]bool, hi-lo+1)}
	}
	// Only pairs proposed by shared words get a similarity; a bead can end
	// only near a pair at least half as similar as a link needs.
	for x, cs := range pairCands(sa, sb, ia, ib, minScore) {
		for _, c := range cs {
			g.setSim(x+1, c.j+1, c)
			if float64(c.sim) >= minScore/2 {
				for di := 0; di < 3; di++ {
					for dj := 0; dj < 3; dj++ {
						g.activate(x+1+di, c.j+1+dj)
					}
				}
			}
		}
	}
	for i := 0; i <= n; i++ {
		r := g.rows[i]
		for j := r.lo; j < r.lo+len(r.score); j++ {
			g.fill(i, j)
		}
	}
	return g.trace(), banded
}

// score is the table's value at (i, j), -Inf outside the band.
func (g *gapAligner) score(i, j int) float64 {
	if i < 0 || j < 0 {
		return math.Inf(-1)
	}
	r := g.rows[i]
	if j < r.lo || j-r.lo >= len(r.score) {
		return math.Inf(-1)
	}
	return r.score[j-r.lo]
}

func (g *gapAligner) sim11(i, j int) float32 {
	r := g.rows[i]
	if j < r.lo || j-r.lo >= len(r.sim) {
		return 0
	}
	return r.sim[j-r.lo]
}

// fill computes the best score for A's first i and B's first j sentences
// of the stretch: leave the last of either unpaired, or end in a bead.
func (g *gapAligner) fill(i, j int) {
	r := g.rows[i]
	if i == 0 && j == 0 {
		return
	}
	best, back := math.Inf(-1), int8(0)
	// Leaving B's sentence unpaired is tried first, so that between equal
	// choices a removed sentence comes before the added one, as in a diff.
	if s := g.score(i, j-1); s > best {
		best, back = s, -2
	}
	if s := g.score(i-1, j); s > best {
		best, back = s, -1
	}
	if !r.active[j-r.lo] {
		r.score[j-r.lo], r.back[j-r.lo] = best, back
		return
	}
	for k, sh := range shapes {
		if sh.m > i || sh.n > j {
			continue
		}
		prev := g.score(i-sh.m, j-sh.n)
		if math.IsInf(prev, -1) || !g.consecutive(i, j, sh) {
			continue
		}
		cost := g.minScore + groupCost*float64(sh.m+sh.n-2)
		sim := g.beadSim(i, j, sh, max(g.minScore, best-prev+cost))
		gain := sim - cost
		if sim >= g.minScore && prev+gain > best {
			best, back = prev+gain, int8(k)
		}
	}
	r.score[j-r.lo] = best
	r.back[j-r.lo] = back
}

// consecutive reports whether the bead's sentences follow one another in
// their texts: a moved sentence taken out of the stretch splits it.
func (g *gapAligner) consecutive(i, j int, sh shape) bool {
	return g.ia[i-1]-g.ia[i-sh.m] == sh.m-1 && g.ib[j-1]-g.ib[j-sh.n] == sh.n-1
}

// beadSim is the similarity of the bead of shape sh ending at (i, j).
// Groups are compared only when one of their pairs already shares a good
// part of its words, which keeps the cost of wide beads near that of 1-1.
func (g *gapAligner) beadSim(i, j int, sh shape, need float64) float64 {
	if sh.m == 1 && sh.n == 1 {
		if r := g.rows[i]; j >= r.lo && j-r.lo < len(r.bare) && r.bare[j-r.lo] {
			return 0
		}
		return float64(g.sim11(i, j))
	}
	var top, shared, total float32
	for x := i - sh.m + 1; x <= i; x++ {
		for y := j - sh.n + 1; y <= j; y++ {
			top = max(top, g.sim11(x, y))
			shared += g.shared11(x, y)
		}
	}
	if float64(top) < g.minScore/2 {
		return 0
	}
	// The shared weight of two groups is at most the sum over their pairs:
	// a bead that could not beat need even so is not worth joining.
	for x := i - sh.m; x < i; x++ {
		total += g.sa.bags[g.ia[x]].total
	}
	for y := j - sh.n; y < j; y++ {
		total += g.sb.bags[g.ib[y]].total
	}
	if total == 0 || simBound(float64(2*shared/total)) < need {
		return 0
	}
	x, y := g.group(g.joinA, g.sa, g.ia, i, sh.m), g.group(g.joinB, g.sb, g.ib, j, sh.n)
	if (x.head || y.head) || !g.sa.evident(x, y) {
		return 0 // a headline or caption stands alone (see headFactor)
	}
	return similarity(x, y)
}

// group is the bag of the k sentences of a stretch ending at position end.
func (g *gapAligner) group(cache [][2]*bag, s side, idx []int, end, k int) bag {
	if k == 1 {
		return s.bags[idx[end-1]]
	}
	if c := cache[end][k-2]; c != nil {
		return *c
	}
	bs := make([]bag, 0, k)
	for x := end - k; x < end; x++ {
		bs = append(bs, s.bags[idx[x]])
	}
	b := join(bs)
	cache[end][k-2] = &b
	return b
}

func (g *gapAligner) shared11(i, j int) float32 {
	r := g.rows[i]
	if j < r.lo || j-r.lo >= len(r.shared) {
		return 0
	}
	return r.shared[j-r.lo]
}

// trace walks the table back from its end and returns the beads in order.
func (g *gapAligner) trace() []bead {
	var out []bead
	i, j := len(g.ia), len(g.ib)
	for i > 0 || j > 0 {
		r := g.rows[i]
		switch k := r.back[j-r.lo]; {
		case i == 0 || (j > 0 && k == -2):
			j--
			out = append(out, bead{b: []int{g.ib[j]}})
		case j == 0 || k == -1:
			i--
			out = append(out, bead{a: []int{g.ia[i]}})
		default:
			sh := shapes[k]
			b := bead{a: append([]int(nil), g.ia[i-sh.m:i]...), b: append([]int(nil), g.ib[j-sh.n:j]...)}
			b.sim = g.beadSim(i, j, sh, 0)
			out = append(out, b)
			i, j = i-sh.m, j-sh.n
		}
	}
	for l, r := 0, len(out)-1; l < r; l, r = l+1, r-1 {
		out[l], out[r] = out[r], out[l]
	}
	return out
}

// cand is a sentence of B (by position in the stretch) and its similarity
// to a sentence of A.
type cand struct {
	j           int
	sim, shared float32
	bare        bool
}

// pairCands proposes, for each sentence of the stretch's A, the sentences
// of its B worth comparing: those sharing a word that is not in more than
// commonLimit of the stretch's sentences, and those equal once normalised
// (unless repeated as often).
// This keeps the cost near linear on long texts, where comparing every pair
// would dominate.
func pairCands(sa, sb side, ia, ib []int, minScore float64) [][]cand {
	out := make([][]cand, len(ia))
	index := map[int32][]int{} // term -> positions in ib
	exact := map[string][]int{}
	for y, j := range ib {
		for _, t := range sb.bags[j].ids {
			index[t] = append(index[t], y)
		}
		exact[sb.norm[j]] = append(exact[sb.norm[j]], y)
	}
	common := commonLimit(len(ib))
	seen := make([]int, len(ib)) // the last A position compared with each B
	for y := range seen {
		seen[y] = -1
	}
	for x, i := range ia {
		try := func(y int) {
			if seen[y] == x {
				return
			}
			seen[y] = x
			x0, y0 := sa.bags[i], sb.bags[ib[y]]
			sh, n := overlap(x0, y0)
			// Below half the threshold a pair is never linked alone nor
			// opens a bead: its phrases need not be compared.
			if s := simAtLeast(sh, n, x0, y0, minScore/2); s > 0 {
				out[x] = append(out[x], cand{y, float32(s), sh, !sa.evident(x0, y0)})
			}
		}
		if ys := exact[sa.norm[i]]; len(ys) <= common {
			for _, y := range ys {
				try(y)
			}
		}
		for _, t := range sa.bags[i].ids {
			if ps := index[t]; len(ps) <= common {
				for _, y := range ps {
					try(y)
				}
			}
		}
	}
	return out
}
