package align

import (
	"github.com/storydiff/storydiff/core"
	"github.com/storydiff/storydiff/detect"
	"github.com/storydiff/storydiff/diffing"
	"github.com/storydiff/storydiff/textnorm"
	"slices"
)

// Version is one article of a story.
type Version struct {
	Article int64  `json:"article"`
	Text    string `json:"text"`
}

// Cell is one version's wording of a collation row: code-point offsets
// into that article's text, the text, and the word diff from the row's
// first wording to this one (none in the first cell).
type Cell struct {
	Article int64  `json:"article"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Text    string `json:"text"`
	Ops     []Op   `json:"ops,omitempty"`
}

// CollationRow is a group of sentences saying the same thing across a
// story's versions: one cell per version in date order, nil where a
// version does not carry it. First is the article that carried it first;
// Count is how many versions carry it (1: found in one version only).
type CollationRow struct {
	Cells []*Cell `json:"cells"`
	First int64   `json:"first"`
	Count int     `json:"count"`
}

// Story is a story's collation as the CLI and API give it.
type Story struct {
	Story    int64          `json:"story"`
	Versions []int64        `json:"versions"`
	Rows     []CollationRow `json:"rows"`
}

// CollateStory is Collate with the story's id and its versions' ids.
func CollateStory(story int64, versions []Version, opt Options) Story {
	s := Story{Story: story, Versions: make([]int64, len(versions)), Rows: Collate(versions, opt)}
	for v, ver := range versions {
		s.Versions[v] = ver.Article
	}
	return s
}

// Collate lines up the sentences of a story's versions (in date order):
// each version is aligned with the one before (as Pair would, by its Mode),
// and sentences linked across versions, directly or through versions in
// between, form one row. Rows keep the order of the versions' text: a row
// first seen in a later version is placed after the row of the sentence
// before it there.
func Collate(versions []Version, opt Options) []CollationRow {
	texts := make([]string, len(versions))
	for v, ver := range versions {
		texts[v] = diffing.Clean(ver.Text)
	}
	sents := make([][]core.Span, len(versions))
	base := make([]int, len(versions)+1) // node id of each version's first sentence
	for v, t := range texts {
		sents[v] = textnorm.Sentences(t)
		base[v+1] = base[v] + len(sents[v])
	}
	// Each version's near-duplicate features once, not once per pair.
	feats := make([]*detect.Features, len(versions))
	parallel(len(versions), func(v int) { feats[v] = features(texts[v]) })
	// Each version against the one before: independent, so on all CPUs.
	steps := make([][]Link, len(versions))
	parallel(max(0, len(versions)-1), func(k int) {
		v := k + 1
		o := opt
		if modeOf(feats[v-1], feats[v]) == ModeAligned {
			o.MinScore, o.MoveScore = orDefault(opt.MinScore, RelatedMinScore), orDefault(opt.MoveScore, RelatedMoveScore)
			o.related = true
		}
		steps[v] = Align(texts[v-1], texts[v], o).Links
	})
	uf := newUnionFind(base)
	for v := 1; v < len(versions); v++ {
		for _, l := range steps[v] {
			for _, i := range l.A {
				for _, j := range l.B {
					uf.union(base[v-1]+i, base[v]+j)
				}
			}
		}
	}
	order := rowOrder(uf, base, sents)
	rowOf := make(map[int]int, len(order))
	for k, g := range order {
		rowOf[g] = k
	}
	rows := make([]CollationRow, len(order))
	for k := range rows {
		rows[k].Cells = make([]*Cell, len(versions))
	}
	for v := range versions {
		rs := []rune(texts[v])
		for j, sp := range sents[v] {
			r := &rows[rowOf[uf.find(base[v]+j)]]
			c := r.Cells[v]
			if c == nil {
				r.Cells[v] = &Cell{Article: versions[v].Article, Start: sp.Start, End: sp.End}
				continue
			}
			// A row holds every sentence of a version linked into it; they
			// are almost always neighbours (a split), so the cell spans them.
			c.Start, c.End = min(c.Start, sp.Start), max(c.End, sp.End)
		}
		for k := range rows {
			if c := rows[k].Cells[v]; c != nil {
				c.Text = string(rs[c.Start:c.End])
			}
		}
	}
	parallel(len(rows), func(k int) {
		r := &rows[k]
		var first *Cell
		// A sentence left as it was by a later version has the diff it had
		// in the version before: compute each wording's once.
		seen := map[string][]Op{}
		for _, c := range r.Cells {
			if c == nil {
				continue
			}
			r.Count++
			if first == nil {
				first, r.First = c, c.Article
				continue
			}
			if ops, ok := seen[c.Text]; ok {
				c.Ops = slices.Clone(ops)
				continue
			}
			c.Ops = wordDiff(first.Text, c.Text, opt)
			seen[c.Text] = c.Ops
		}
	})
	return rows
}

func orDefault(x, d float64) float64 {
	if x > 0 {
		return x
	}
	return d
}

// rowOrder lists the groups (union-find roots) in reading order: the first
// version's sentences in order, then each later version's new groups
// inserted after the group of the sentence before them in that version.
func rowOrder(uf *unionFind, base []int, sents [][]core.Span) []int {
	next := map[int]int{} // linked list of groups; -1 ends it
	head := -1
	placed := map[int]bool{}
	for v := range sents {
		last := -1
		for j := range sents[v] {
			g := uf.find(base[v] + j)
			if placed[g] {
				last = g
				continue
			}
			placed[g] = true
			if last < 0 {
				next[g], head = head, g
			} else {
				next[g], next[last] = next[last], g
			}
			last = g
		}
	}
	var out []int
	for g := head; g >= 0; g = next[g] {
		out = append(out, g)
	}
	return out
}

// unionFind joins sentences of all versions into rows. A row may hold
// several sentences of one version (a split or merge), but a join that
// would stretch a row over more than maxRowSentences sentences of any
// version is refused: over many versions, merges followed by different
// splits would otherwise chain whole articles into one row, whose cells
// say nothing and whose word diffs cost as much as the texts'.
type unionFind struct {
	parent []int
	// reach[root] is the first and last sentence the row holds in each
	// version it is in, ascending by version.
	reach [][]reach
}

type reach struct{ v, lo, hi int }

const maxRowSentences = 4

func newUnionFind(base []int) *unionFind {
	n := base[len(base)-1]
	u := &unionFind{parent: make([]int, n), reach: make([][]reach, n)}
	for v := 0; v+1 < len(base); v++ {
		for x := base[v]; x < base[v+1]; x++ {
			u.parent[x] = x
			u.reach[x] = []reach{{v, x - base[v], x - base[v]}}
		}
	}
	return u
}

func (u *unionFind) find(x int) int {
	for u.parent[x] != x {
		u.parent[x] = u.parent[u.parent[x]]
		x = u.parent[x]
	}
	return x
}

// union joins the rows of x and y unless the joined row would be too long
// in some version. It keeps the smaller id as the root, so that roots are
// stable and the result deterministic.
func (u *unionFind) union(x, y int) bool {
	x, y = u.find(x), u.find(y)
	if x == y {
		return true
	}
	joined, ok := joinReach(u.reach[x], u.reach[y])
	if !ok {
		return false
	}
	if y < x {
		x, y = y, x
	}
	u.parent[y] = x
	u.reach[x], u.reach[y] = joined, nil
	return true
}

// joinReach merges two rows' reaches; ok is false when the result spans
// more than maxRowSentences sentences of a version.
func joinReach(p, q []reach) ([]reach, bool) {
	out := make([]reach, 0, len(p)+len(q))
	i, j := 0, 0
	for i < len(p) || j < len(q) {
		switch {
		case j == len(q) || (i < len(p) && p[i].v < q[j].v):
			out = append(out, p[i])
			i++
		case i == len(p) || q[j].v < p[i].v:
			out = append(out, q[j])
			j++
		default:
			r := reach{p[i].v, min(p[i].lo, q[j].lo), max(p[i].hi, q[j].hi)}
			if r.hi-r.lo >= maxRowSentences {
				return nil, false
			}
			out = append(out, r)
			i++
			j++
		}
	}
	return out, true
}
