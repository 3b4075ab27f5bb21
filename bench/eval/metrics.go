package main

import (
	"math"
	"sort"
)

// prf is precision, recall and F1 from counts.
type prf struct {
	TP, FP, FN int
}

func (m prf) P() float64 { return ratio(m.TP, m.TP+m.FP) }
func (m prf) R() float64 { return ratio(m.TP, m.TP+m.FN) }
func (m prf) F1() float64 {
	p, r := m.P(), m.R()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

type pairKey struct{ a, b int64 }

func key(a, b int64) pairKey {
	if a > b {
		a, b = b, a
	}
	return pairKey{a, b}
}

// comparePairs scores predicted pairs against true pairs.
func comparePairs(pred, truth map[pairKey]bool) prf {
	var m prf
	for k := range pred {
		if truth[k] {
			m.TP++
		} else {
			m.FP++
		}
	}
	for k := range truth {
		if !pred[k] {
			m.FN++
		}
	}
	return m
}

// pairsOfClasses returns every pair of ids sharing a class (class 0 = none).
func pairsOfClasses(class map[int64]int) map[pairKey]bool {
	by := map[int][]int64{}
	for id, c := range class {
		if c != 0 {
			by[c] = append(by[c], id)
		}
	}
	out := map[pairKey]bool{}
	for _, ids := range by {
		for i := range ids {
			for j := i + 1; j < len(ids); j++ {
				out[key(ids[i], ids[j])] = true
			}
		}
	}
	return out
}

// spearman is the rank correlation of x and y, ties given their mean rank.
func spearman(x, y []float64) float64 {
	rx, ry := ranks(x), ranks(y)
	mx, my := mean(rx), mean(ry)
	var sxy, sxx, syy float64
	for i := range rx {
		dx, dy := rx[i]-mx, ry[i]-my
		sxy += dx * dy
		sxx += dx * dx
		syy += dy * dy
	}
	if sxx == 0 || syy == 0 {
		return 0
	}
	return sxy / math.Sqrt(sxx*syy)
}

func ranks(v []float64) []float64 {
	idx := make([]int, len(v))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return v[idx[a]] < v[idx[b]] })
	out := make([]float64, len(v))
	for i := 0; i < len(idx); {
		j := i
		for j+1 < len(idx) && v[idx[j+1]] == v[idx[i]] {
			j++
		}
		r := float64(i+j)/2 + 1
		for k := i; k <= j; k++ {
			out[idx[k]] = r
		}
		i = j + 1
	}
	return out
}

func mean(v []float64) float64 {
	s := 0.0
	for _, x := range v {
		s += x
	}
	return s / float64(len(v))
}
