package reuse

import "testing"

func TestSortKeyed(t *testing.T) {
	for _, n := range []int{0, 1, 100, 5000, radixMin + 1000} {
		ks := make([]keyed, n)
		for i := range ks {
			ks[i] = keyed{key: mix(uint64(i % 97)), lo: int32(i)}
		}
		sortKeyed(ks)
		for i := 1; i < n; i++ {
			if ks[i-1].key > ks[i].key || ks[i-1].key == ks[i].key && ks[i-1].lo > ks[i].lo {
				t.Fatalf("n=%d: not sorted (stably) at %d", n, i)
			}
		}
	}
}
