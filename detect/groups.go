package detect

import (
	"github.com/storydiff/storydiff/core"
	"sort"
)

// unionFind over article ids, with path halving and union by size.
type unionFind struct {
	parent map[int64]int64
	size   map[int64]int
}

func newUnionFind() *unionFind {
	return &unionFind{parent: map[int64]int64{}, size: map[int64]int{}}
}

func (u *unionFind) find(x int64) int64 {
	if _, ok := u.parent[x]; !ok {
		u.parent[x] = x
		u.size[x] = 1
	}
	for u.parent[x] != x {
		u.parent[x] = u.parent[u.parent[x]]
		x = u.parent[x]
	}
	return x
}

func (u *unionFind) union(a, b int64) int64 {
	ra, rb := u.find(a), u.find(b)
	if ra == rb {
		return ra
	}
	if u.size[ra] < u.size[rb] || (u.size[ra] == u.size[rb] && rb < ra) {
		ra, rb = rb, ra
	}
	u.parent[rb] = ra
	u.size[ra] += u.size[rb]
	return ra
}

// components returns the sets of ids, each sorted, ordered by smallest id.
func (u *unionFind) components() [][]int64 {
	by := map[int64][]int64{}
	for x := range u.parent {
		r := u.find(x)
		by[r] = append(by[r], x)
	}
	out := make([][]int64, 0, len(by))
	for _, ids := range by {
		sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
		out = append(out, ids)
	}
	sort.Slice(out, func(i, j int) bool { return out[i][0] < out[j][0] })
	return out
}

// Groups clusters the duplicate pairs (story pairs are ignored) whose score
// is at least minSimilarity into groups of two or more, obeying judgements.
func Groups(pairs []core.Pair, minSimilarity float64, js []core.Judgement) []core.Group {
	var keep []core.Pair
	for _, p := range pairs {
		if p.IsDuplicate() && p.Score >= minSimilarity {
			keep = append(keep, p)
		}
	}
	comps, edges := cluster(keep, js, 0)
	var out []core.Group
	for _, ids := range comps {
		if len(ids) < 2 {
			continue
		}
		g := core.Group{Kind: "exact", Similarity: 1, Articles: ids}
		for _, p := range edges[ids[0]] {
			if kindRank(p.Kind) >= kindRank(core.PairNear) {
				g.Kind = "near"
			}
			g.Similarity = min(g.Similarity, p.Score)
		}
		out = append(out, g)
	}
	return out
}

// cluster joins pairs strongest first into components, refusing any join
// that would put two articles judged different into one component, after
// first joining every pair judged the same. With density > 0 it also refuses
// a join unless at least that share of the pairs across the two components
// are themselves linked (average linkage), so that one stray link cannot
// chain unrelated clusters together. It returns the components and, by each
// component's smallest id, the pairs that joined it.
func cluster(pairs []core.Pair, js []core.Judgement, density float64) ([][]int64, map[int64][]core.Pair) {
	u := newUnionFind()
	var cannot [][2]int64
	for _, j := range js {
		if j.Same {
			u.union(j.A, j.B)
		} else {
			cannot = append(cannot, [2]int64{j.A, j.B})
		}
	}
	// Judged-different pairs never join, even through judged-same links.
	for _, c := range cannot {
		if u.find(c[0]) == u.find(c[1]) {
			cannot = nil // contradictory verdicts: the same-verdicts win
			break
		}
	}
	banned := map[[2]int64]bool{}
	for _, c := range cannot {
		a, b := orderedPair(c[0], c[1])
		banned[[2]int64{a, b}] = true
	}
	ordered := append([]core.Pair(nil), pairs...)
	sort.SliceStable(ordered, func(i, j int) bool {
		ri, rj := kindRank(ordered[i].Kind), kindRank(ordered[j].Kind)
		if (ri <= 2) != (rj <= 2) {
			return ri <= 2
		}
		return ordered[i].Score > ordered[j].Score
	})
	for _, p := range ordered {
		u.find(p.A)
		u.find(p.B)
	}
	linked := map[[2]int64]bool{}
	if density > 0 {
		for _, p := range pairs {
			linked[[2]int64{p.A, p.B}] = true
		}
		for _, j := range js {
			if j.Same {
				a, b := orderedPair(j.A, j.B)
				linked[[2]int64{a, b}] = true
			}
		}
	}
	// members tracks each root's ids so that a join can be checked against
	// the bans and the density; only needed when there are either.
	track := len(banned) > 0 || density > 0
	members := map[int64][]int64{}
	if track {
		for x := range u.parent {
			r := u.find(x)
			members[r] = append(members[r], x)
		}
	}
	var joined []core.Pair
	for _, p := range ordered {
		ra, rb := u.find(p.A), u.find(p.B)
		if ra == rb {
			joined = append(joined, p)
			continue
		}
		if track {
			ma, mb := members[ra], members[rb]
			if conflicts(ma, mb, banned) || (density > 0 && linkDensity(ma, mb, linked) < density) {
				continue
			}
			delete(members, ra)
			delete(members, rb)
			members[u.union(ra, rb)] = append(ma, mb...)
		} else {
			u.union(ra, rb)
		}
		joined = append(joined, p)
	}
	comps := u.components()
	edges := map[int64][]core.Pair{}
	for _, p := range joined {
		r := u.find(p.A)
		edges[r] = append(edges[r], p)
	}
	byFirst := map[int64][]core.Pair{}
	for _, ids := range comps {
		byFirst[ids[0]] = edges[u.find(ids[0])]
	}
	return comps, byFirst
}

// linkDensity is the share of pairs across a and b that are linked.
func linkDensity(a, b []int64, linked map[[2]int64]bool) float64 {
	n := 0
	for _, x := range a {
		for _, y := range b {
			k1, k2 := orderedPair(x, y)
			if linked[[2]int64{k1, k2}] {
				n++
			}
		}
	}
	return float64(n) / float64(len(a)*len(b))
}

func conflicts(a, b []int64, banned map[[2]int64]bool) bool {
	if len(banned) == 0 {
		return false
	}
	for _, x := range a {
		for _, y := range b {
			k1, k2 := orderedPair(x, y)
			if banned[[2]int64{k1, k2}] {
				return true
			}
		}
	}
	return false
}
