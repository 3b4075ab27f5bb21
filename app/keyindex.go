package app

import (
	"errors"
	"slices"

	"github.com/storydiff/storydiff/store"
)

// profileIndex is the inverted index of the profiles' rare keys, for a
// whole-archive linking: each key's holders as positions in ids, ascending,
// all in one array. A map of growing lists of ids took about three times
// the memory (the lists' spare room and 64-bit ids), and at a million
// articles the index holds some 80 million entries.
type profileIndex struct {
	ids     []int64           // the articles, ascending
	number  map[uint64]uint32 // a key's place in keys
	keys    []uint64          // ascending
	starts  []uint32          // key n's holders are holders[starts[n]:starts[n+1]]
	holders []uint32          // positions in ids
	filled  []uint32          // while filling: how many of each key's holders are in
}

// errIndexChanged: the profiles read a second time were not those read
// the first.
var errIndexChanged = errors.New("the archive's profiles changed while they were being indexed: run the analysis again")

// newProfileIndex makes the index's room from how many of ids hold each
// key (counts, which it keeps as the keys' numbers); add then fills it.
func newProfileIndex(ids []int64, counts map[uint64]uint32) *profileIndex {
	idx := &profileIndex{ids: ids, number: counts, keys: make([]uint64, 0, len(counts))}
	for k := range counts {
		idx.keys = append(idx.keys, k)
	}
	slices.Sort(idx.keys)
	idx.starts = make([]uint32, len(idx.keys)+1)
	for n, k := range idx.keys {
		idx.starts[n+1] = idx.starts[n] + counts[k]
		idx.number[k] = uint32(n)
	}
	idx.holders = make([]uint32, idx.starts[len(idx.keys)])
	idx.filled = make([]uint32, len(idx.keys))
	return idx
}

// add records that the article at position pos holds keys. Positions come
// in ascending order, so each key's holders stay ascending.
func (idx *profileIndex) add(pos int, keys []uint64) error {
	for _, k := range keys {
		n, ok := idx.number[k]
		if !ok || idx.starts[n]+idx.filled[n] == idx.starts[n+1] {
			return errIndexChanged
		}
		idx.holders[idx.starts[n]+idx.filled[n]] = uint32(pos)
		idx.filled[n]++
	}
	return nil
}

// done checks that every key got the holders it was counted with.
func (idx *profileIndex) done() error {
	for n, f := range idx.filled {
		if idx.starts[n]+f != idx.starts[n+1] {
			return errIndexChanged
		}
	}
	idx.filled = nil
	return nil
}

// holdersOf returns the positions in ids of the articles holding k.
func (idx *profileIndex) holdersOf(k uint64) []uint32 {
	n, ok := idx.number[k]
	if !ok {
		return nil
	}
	return idx.holders[idx.starts[n]:idx.starts[n+1]]
}

// holding returns how many articles hold k.
func (idx *profileIndex) holding(k uint64) int { return len(idx.holdersOf(k)) }

// The index as the store keeps it (store.ProfileKeys): keys ascending, each
// key's holders ascending.
func (idx *profileIndex) Len() int         { return len(idx.keys) }
func (idx *profileIndex) Key(i int) uint64 { return idx.keys[i] }
func (idx *profileIndex) Holders(i int, buf []int64) []int64 {
	buf = buf[:0]
	for _, pos := range idx.holders[idx.starts[i]:idx.starts[i+1]] {
		buf = append(buf, idx.ids[pos])
	}
	return buf
}

var _ store.ProfileKeys = (*profileIndex)(nil)
