package app

import (
	"errors"
	"slices"
	"testing"
)

// The index gives each key its holders in id order, as the store keeps
// them, and says when the keys added are not those counted.
func TestProfileIndexHoldsWhatWasCounted(t *testing.T) {
	ids := []int64{3, 8, 20}
	keys := [][]uint64{{7, 9}, {9}, {1, 7, 9}}
	build := func(keys [][]uint64) *profileIndex {
		counts := map[uint64]uint32{}
		for _, ks := range keys {
			for _, k := range ks {
				counts[k]++
			}
		}
		return newProfileIndex(ids, counts)
	}
	idx := build(keys)
	for pos, ks := range keys {
		if err := idx.add(pos, ks); err != nil {
			t.Fatal(err)
		}
	}
	if err := idx.done(); err != nil {
		t.Fatal(err)
	}
	if idx.holding(9) != 3 || idx.holding(1) != 1 || idx.holding(5) != 0 {
		t.Errorf("holding: 9 by %d, 1 by %d, 5 by %d", idx.holding(9), idx.holding(1), idx.holding(5))
	}
	var got [][]int64
	var order []uint64
	for i := range idx.Len() {
		order = append(order, idx.Key(i))
		got = append(got, slices.Clone(idx.Holders(i, nil)))
	}
	if !slices.Equal(order, []uint64{1, 7, 9}) || !slices.EqualFunc(got, [][]int64{{20}, {3, 20}, {3, 8, 20}}, slices.Equal[[]int64]) {
		t.Errorf("index %v %v", order, got)
	}

	// A second read that finds other keys (a profile made again between
	// the reads) is refused, whether a key is new, over its count or short.
	for _, second := range [][][]uint64{{{7, 9}, {9, 2}, {1, 7, 9}}, {{7, 9}, {9, 7}, {1, 7, 9}}, {{7, 9}, {}, {1, 7, 9}}} {
		idx := build(keys)
		var err error
		for pos, ks := range second {
			if err = idx.add(pos, ks); err != nil {
				break
			}
		}
		if err == nil {
			err = idx.done()
		}
		if !errors.Is(err, errIndexChanged) {
			t.Errorf("keys %v read after %v: %v, want the archive changed", second, keys, err)
		}
	}
}
