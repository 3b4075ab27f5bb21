package reuse

import (
	"cmp"
	"slices"
)

const radixMin = 1 << 15

// sortKeyed sorts seed candidates by key. Past radixMin of them it uses a
// least-significant-digit radix sort, 16 bits a pass: the keys are hashes,
// so every pass spreads them evenly, and on the hundred thousand candidates
// of a long article it beats a comparison sort, whose cost grows faster;
// below, the counting passes cost more than they save. Both are stable.
func sortKeyed(ks []keyed) {
	if len(ks) < radixMin {
		slices.SortStableFunc(ks, func(x, y keyed) int { return cmp.Compare(x.key, y.key) })
		return
	}
	buf := make([]keyed, len(ks))
	src, dst := ks, buf
	var count [1 << 16]int
	for shift := uint(0); shift < 64; shift += 16 {
		clear(count[:])
		for _, k := range src {
			count[(k.key>>shift)&0xffff]++
		}
		sum := 0
		for i, c := range count {
			count[i] = sum
			sum += c
		}
		for _, k := range src {
			d := (k.key >> shift) & 0xffff
			dst[count[d]] = k
			count[d]++
		}
		src, dst = dst, src
	}
	// Four passes leave the result in ks itself.
}
