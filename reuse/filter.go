package reuse

import "sort"

// straighten splits a cluster's seeds by diagonal. Light rewording moves
// words a little; a seed far off the cluster's main diagonal is a word of
// the passage meeting the same word elsewhere in the other text (a name the
// article repeats before the copied paragraph), and would stretch the
// passage over text that was not copied. The seeds within tol words of the
// median diagonal are returned as kept, the others as strays.
func straighten(seeds []span, tol int) (kept, strays []span) {
	if len(seeds) < 3 {
		return seeds, nil
	}
	d := make([]int, len(seeds))
	for i, s := range seeds {
		d[i] = s.b0 - s.a0
	}
	sorted := append([]int(nil), d...)
	sort.Ints(sorted)
	med := sorted[len(sorted)/2]
	for i, s := range seeds {
		if abs(d[i]-med) <= tol {
			kept = append(kept, s)
		} else {
			strays = append(strays, s)
		}
	}
	return kept, strays
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// found is an accepted passage with its score, for resolving overlaps.
type found struct {
	span
	score float64
}

// dropEchoes removes a passage lying mostly inside a much stronger one in
// either text: the copied paragraph also meets, weakly, another paragraph
// of the other text on the same subject, and that echo is not reuse. Kept
// when its score is at least half the stronger one's (a passage quoted
// twice).
func dropEchoes(ps []found) []found {
	var out []found
	for i, p := range ps {
		echo := false
		for j, q := range ps {
			if i == j || q.score < 2*p.score {
				continue
			}
			if mostlyInside(p.a0, p.a1, q.a0, q.a1) || mostlyInside(p.b0, p.b1, q.b0, q.b1) {
				echo = true
				break
			}
		}
		if !echo {
			out = append(out, p)
		}
	}
	return out
}

// mostlyInside reports whether at least half of [x0, x1] lies in [y0, y1].
func mostlyInside(x0, x1, y0, y1 int) bool {
	overlap := min(x1, y1) - max(x0, y0) + 1
	return overlap > 0 && 2*overlap >= x1-x0+1
}
