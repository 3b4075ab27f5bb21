package quotes

// Item is a quote and the article it was found in.
type Item struct {
	Article int64 `json:"article"`
	Quote   Quote `json:"quote"`
}

// Group partitions items into groups of the same quote: two items are
// linked when Similar rates them at Threshold or more, and a group is what
// the links connect. Candidates are found through Keys, as an archive-wide
// index would find them, so Group never compares all pairs.
//
// A quote that is only a part of longer ones (a truncation) is linked to
// the one it matches best and not to all of them: otherwise one short
// fragment common to two different statements would join them. Groups come
// in the order of their first item, items in input order; every item is in
// exactly one group, alone when nothing matches it.
func Group(items []Item) [][]Item {
	n := len(items)
	var m matcher
	ws := make([]seq, n)
	index := map[uint64][]int32{}
	parent := make([]int32, n)
	seen := make([]int32, n)
	best := make([]part, n)
	for i := range parent {
		parent[i] = int32(i)
		seen[i] = -1
		best[i].to = -1
	}
	var cands []int32
	for i := range items {
		w, content := words(items[i].Quote)
		ws[i] = m.seq(w, content)
		cands = cands[:0]
		for _, k := range keys(w) {
			for _, j := range index[k] {
				if seen[j] != int32(i) {
					seen[j] = int32(i)
					cands = append(cands, j)
				}
			}
			index[k] = append(index[k], int32(i))
		}
		for _, j := range cands {
			overlap, contained := m.parts(ws[i], ws[j])
			switch {
			case overlap >= Threshold:
				union(parent, int32(i), j)
			case contained >= Threshold:
				short, long := int32(i), j
				if len(ws[j].ids) < len(ws[i].ids) {
					short, long = j, int32(i)
				}
				best[short].offer(long, contained, len(ws[long].ids))
			}
		}
	}
	for i, p := range best {
		if p.to >= 0 {
			union(parent, int32(i), p.to)
		}
	}
	var out [][]Item
	slot := make(map[int32]int, n)
	for i := range items {
		r := find(parent, int32(i))
		g, ok := slot[r]
		if !ok {
			g = len(out)
			slot[r] = g
			out = append(out, nil)
		}
		out[g] = append(out[g], items[i])
	}
	return out
}

// part is the best longer quote a quote was found to be a part of.
type part struct {
	to    int32
	score float64
	size  int
}

// offer keeps the closer match, then the longer quote, then the earlier.
func (p *part) offer(to int32, score float64, size int) {
	if p.to < 0 || score > p.score || score == p.score && (size > p.size || size == p.size && to < p.to) {
		*p = part{to, score, size}
	}
}

func find(parent []int32, x int32) int32 {
	for parent[x] != x {
		parent[x] = parent[parent[x]]
		x = parent[x]
	}
	return x
}

func union(parent []int32, a, b int32) {
	ra, rb := find(parent, a), find(parent, b)
	if ra < rb {
		parent[rb] = ra
	} else {
		parent[ra] = rb
	}
}
