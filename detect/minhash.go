package detect

import (
	"cmp"
	"math/bits"
)

// minHash returns an n-value signature of a shingle set: for each of n hash
// functions h_i(x) = high 32 bits of (a_i*x + b_i) mod 2^64, with a_i odd,
// the least value over the set. One multiply-add per value keeps a 600-word
// article near 30 µs.
func minHash(set []uint32, n int, seed uint64) []uint32 {
	sig := make([]uint32, n)
	for i := range sig {
		sig[i] = ^uint32(0)
	}
	if len(set) == 0 {
		return sig
	}
	a, b := coefficients(n, seed)
	for _, s := range set {
		x := mix(uint64(s))
		for i := range sig {
			v := uint32((a[i]*x + b[i]) >> 32)
			if v < sig[i] {
				sig[i] = v
			}
		}
	}
	return sig
}

// coefficients are derived from the seed so that stored signatures stay
// comparable across runs.
func coefficients(n int, seed uint64) (a, b []uint64) {
	a = make([]uint64, n)
	b = make([]uint64, n)
	s := seed
	for i := 0; i < n; i++ {
		s += 0x9e3779b97f4a7c15
		a[i] = mix(s) | 1
		s += 0x9e3779b97f4a7c15
		b[i] = mix(s)
	}
	return a, b
}

// simHash is the 64-bit Charikar fingerprint of a shingle set: similar texts
// differ in few bits. It is stored for quick ordering and display; pairs are
// decided on exact Jaccard.
func simHash(set []uint32) uint64 {
	var ones [64]int
	for _, s := range set {
		h := mix(uint64(s))
		for i := range ones {
			ones[i] += int(h >> i & 1)
		}
	}
	var out uint64
	for i, c := range ones {
		if 2*c > len(set) {
			out |= 1 << i
		}
	}
	return out
}

// SimHashDistance is the number of differing bits of two SimHashes.
func SimHashDistance(a, b uint64) int { return bits.OnesCount64(a ^ b) }

// overlap returns the size of the intersection of two sorted sets.
func overlap[T cmp.Ordered](a, b []T) int {
	i, j, n := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			n++
			i++
			j++
		}
	}
	return n
}

// Jaccard and containment of two features' shingle sets; containment is the
// share of the smaller set found in the larger.
func setSimilarity(a, b []uint32) (jaccard, containment float64) {
	if len(a) == 0 || len(b) == 0 {
		return 0, 0
	}
	n := overlap(a, b)
	union := len(a) + len(b) - n
	small := min(len(a), len(b))
	return float64(n) / float64(union), float64(n) / float64(small)
}

// EstimateJaccard is the share of equal signature values.
func EstimateJaccard(a, b []uint32) float64 {
	if len(a) == 0 || len(a) != len(b) {
		return 0
	}
	n := 0
	for i := range a {
		if a[i] == b[i] {
			n++
		}
	}
	return float64(n) / float64(len(a))
}

// Similarity returns the Jaccard and containment of two articles' shingle
// sets (containment: the share of the smaller set found in the larger).
func Similarity(a, b *Features) (jaccard, containment float64) {
	return setSimilarity(a.Shingles, b.Shingles)
}
