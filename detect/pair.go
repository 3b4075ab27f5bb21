package detect

import "sort"

// Pair kinds: the three exact-duplicate kinds, near-duplicates and story
// versions, from the strongest relation to the weakest.
const (
	PairSameBytes = "bytes"
	PairSameText  = "text"
	PairSameBody  = "body"
	PairNear      = "near"
	PairStory     = "story"
)

// Pair is one verified relation between two articles, A < B.
type Pair struct {
	A    int64  `json:"a"`
	B    int64  `json:"b"`
	Kind string `json:"kind"`
	// Jaccard and Containment are of the two shingle sets; Score is the
	// similarity the kind is judged by (1 for exact kinds, Jaccard or
	// containment for near, the story score for story).
	Jaccard     float64 `json:"jaccard"`
	Containment float64 `json:"containment"`
	Score       float64 `json:"score"`
}

func orderedPair(a, b int64) (int64, int64) {
	if a > b {
		return b, a
	}
	return a, b
}

func kindRank(k string) int {
	switch k {
	case PairSameBytes:
		return 0
	case PairSameText:
		return 1
	case PairSameBody:
		return 2
	case PairNear:
		return 3
	}
	return 4
}

// IsDuplicate reports whether the pair is an exact or near duplicate.
func (p Pair) IsDuplicate() bool { return p.Kind != PairStory }

// sortPairs orders pairs by A, B, then kind strength, for deterministic output.
func sortPairs(ps []Pair) {
	sort.Slice(ps, func(i, j int) bool {
		if ps[i].A != ps[j].A {
			return ps[i].A < ps[j].A
		}
		if ps[i].B != ps[j].B {
			return ps[i].B < ps[j].B
		}
		return kindRank(ps[i].Kind) < kindRank(ps[j].Kind)
	})
}
