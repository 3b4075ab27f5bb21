package detect

import (
	"github.com/storydiff/storydiff/core"
	"sort"
)

func orderedPair(a, b int64) (int64, int64) {
	if a > b {
		return b, a
	}
	return a, b
}

func kindRank(k string) int {
	switch k {
	case core.PairSameBytes:
		return 0
	case core.PairSameText:
		return 1
	case core.PairSameBody:
		return 2
	case core.PairNear:
		return 3
	}
	return 4
}

// sortPairs orders pairs by A, B, then kind strength, for deterministic output.
func sortPairs(ps []core.Pair) {
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
