package app

import (
	"context"
	"runtime"
	"runtime/debug"
	"slices"
	"sync"

	"github.com/storydiff/storydiff/evidence"
	"github.com/storydiff/storydiff/store"
)

// linkBlock is how many profiles a whole-archive linking holds at once in
// one block. An archive with more is linked a pair of blocks at a time:
// the articles of one block against their candidates in another, every
// pair of blocks in turn, so that memory holds two blocks whatever the
// archive's size (a profile read for linking takes about 7 KB, so two
// blocks about 0.7 GB), at the cost of reading each block again for each
// other block it has candidates in. An archive of at most one block is
// read once and held whole. A variable so that tests can make blocks small.
var linkBlock = 50000

// blockLoader reads the profiles of ids[lo:hi], discounted by the census,
// for linking. A profile gone since ids were listed is left out.
type blockLoader func(ctx context.Context, lo, hi int) (map[int64]*evidence.Profile, error)

// linkBlocks links every article of ids (ascending) through an inverted
// index of the profiles' rare keys, with the same bounds as freshLinks, on
// every CPU, reading the profiles a block at a time through load. Each
// article keeps its maxLinks strongest links (as scoreLinks); then the
// strongest links are kept first while both ends have fewer than maxLinks,
// so that no article holds more, as when articles arrive one by one and
// the store trims each to its strongest. The links are the same whatever
// the blocks: an article's candidates and their scores do not depend on
// which block a candidate is read in.
func linkBlocks(ctx context.Context, ids []int64, load blockLoader, idx *profileIndex, partners map[int64][]int64, progress func(int)) ([]store.Link, error) {
	blocks := cutBlocks(len(ids), linkBlock)
	if len(blocks) > 1 {
		// Two blocks of profiles are most of what is live while they are
		// linked, and linking makes little garbage: collecting when the
		// heap has grown by a quarter (not doubled) keeps the process's
		// memory near what it holds, for a few more collections.
		defer debug.SetGCPercent(debug.SetGCPercent(25))
		debug.FreeOSMemory()
	}
	held := &heldBlocks{load: load, blocks: blocks}
	best := make([][]store.Link, len(ids))
	var done int
	var mu sync.Mutex
	for bi := range blocks {
		xs, err := held.get(ctx, bi, -1)
		if err != nil {
			return nil, err
		}
		lo, hi := blocks[bi][0], blocks[bi][1]
		cands := blockCandidates(ctx, ids[lo:hi], xs, idx, partners)
		for _, bj := range held.order(bi) {
			ys, err := held.get(ctx, bj, bi)
			if err != nil {
				return nil, err
			}
			// The other block's articles and candidates are read in
			// ascending order, so a candidate's block is found by its id.
			from, to := ids[blocks[bj][0]], ids[blocks[bj][1]-1]
			parallelEach(ctx, hi-lo, func(k int) {
				i := lo + k
				x := ids[i]
				var in []int64
				for _, y := range cands[k] {
					if from <= y && y <= to {
						in = append(in, y)
					}
				}
				if len(in) > 0 {
					best[i] = strongest(append(best[i], scoreLinks(x, xs[x], in, ys)...))
				}
				mu.Lock()
				done++
				progress(done / len(blocks))
				mu.Unlock()
			})
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
	}
	if len(blocks) > 1 {
		// What follows (dating, clustering) holds no profile: hand the
		// last two blocks' memory back before it grows its own.
		held = nil
		debug.FreeOSMemory()
	}
	var all []store.Link
	for _, ls := range best {
		all = append(all, ls...)
	}
	return trimLinks(all), nil
}

// strongest sorts links strongest first and keeps maxLinks, as scoreLinks
// does: the order is total, so the links kept do not depend on the order
// the candidates were scored in.
func strongest(ls []store.Link) []store.Link {
	sortLinks(ls)
	if len(ls) > maxLinks {
		ls = ls[:maxLinks]
	}
	return ls
}

// blockCandidates returns the candidates of each of ids (one block, whose
// profiles xs holds): the articles sharing the most rare keys of the index
// (keys held by at most keyCap), then their duplicate and story partners.
func blockCandidates(ctx context.Context, ids []int64, xs map[int64]*evidence.Profile, idx *profileIndex, partners map[int64][]int64) [][]int64 {
	out := make([][]int64, len(ids))
	var pool sync.Pool
	parallelEach(ctx, len(ids), func(i int) {
		x := ids[i]
		px := xs[x]
		if px == nil {
			return
		}
		shared, _ := pool.Get().(*sharedKeys)
		if shared == nil {
			shared = newSharedKeys(len(idx.ids))
		}
		for _, k := range px.RareKeys() {
			if l := idx.holdersOf(k); len(l) <= keyCap {
				for _, pos := range l {
					shared.add(pos)
				}
			}
		}
		out[i] = shared.top(idx.ids, x, partners[x], maxCandidates)
		pool.Put(shared)
	})
	return out
}

// parallelEach calls fn(0..n-1) on every CPU, and stops handing out work
// once ctx is done.
func parallelEach(ctx context.Context, n int, fn func(int)) {
	var next int
	var mu sync.Mutex
	var wg sync.WaitGroup
	for w := 0; w < runtime.NumCPU(); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				mu.Lock()
				i := next
				next++
				mu.Unlock()
				if i >= n {
					return
				}
				fn(i)
			}
		}()
	}
	wg.Wait()
}

// cutBlocks cuts n positions into the fewest blocks of at most size, of
// near equal sizes: [lo, hi) each.
func cutBlocks(n, size int) [][2]int {
	if n == 0 {
		return nil
	}
	k := (n + size - 1) / size
	out := make([][2]int, k)
	for b := range out {
		out[b] = [2]int{b * n / k, (b + 1) * n / k}
	}
	return out
}

// heldBlocks holds at most two blocks of profiles: the block whose
// articles are linked and one other.
type heldBlocks struct {
	load   blockLoader
	blocks [][2]int
	slots  [2]heldBlock
}

type heldBlock struct {
	block int // block number + 1; 0 for an empty slot
	profs map[int64]*evidence.Profile
}

// order is the order the blocks are scored against block bi: bi itself,
// then the other block held (no read), then the rest, with bi+1 last so
// that the next block's articles are already held when their turn comes.
func (h *heldBlocks) order(bi int) []int {
	out := []int{bi}
	other := -1
	for _, s := range h.slots {
		if b := s.block - 1; b >= 0 && b != bi {
			other = b
			out = append(out, b)
		}
	}
	var last []int
	for b := range h.blocks {
		switch {
		case b == bi || b == other:
		case b == bi+1:
			last = append(last, b)
		default:
			out = append(out, b)
		}
	}
	return append(out, last...)
}

// get returns block b's profiles, reading them unless held, into the slot
// that does not hold block keep (-1: either).
func (h *heldBlocks) get(ctx context.Context, b, keep int) (map[int64]*evidence.Profile, error) {
	for _, s := range h.slots {
		if s.block == b+1 {
			return s.profs, nil
		}
	}
	s := &h.slots[0]
	if s.block != 0 && (s.block == keep+1 || h.slots[1].block == 0) {
		s = &h.slots[1]
	}
	if s.block != 0 {
		// The block let go is collected and its memory handed back before
		// the next is read: the runtime would otherwise keep the pages of
		// every block read, up to the process's soft memory limit.
		*s = heldBlock{}
		debug.FreeOSMemory()
	}
	profs, err := h.load(ctx, h.blocks[b][0], h.blocks[b][1])
	if err != nil {
		return nil, err
	}
	*s = heldBlock{block: b + 1, profs: profs}
	return profs, nil
}

// readIndex reads every current profile for the index of their rare keys
// (the ids, ascending, are the index's) and their dates. It holds the
// profiles (without their texts) when they fit one block, else none of
// them, and then reads them a second time to fill the index, whose room
// the first read counted.
func readIndex(ctx context.Context, db *store.DB) (idx *profileIndex, timings map[int64]evidence.Timing, held map[int64]*evidence.Profile, err error) {
	n, err := db.ProfileCount(ctx, evidence.ProfileVersion)
	if err != nil {
		return nil, nil, nil, err
	}
	if n <= linkBlock {
		held = map[int64]*evidence.Profile{}
	}
	var ids []int64
	counts := map[uint64]uint32{}
	timings = map[int64]evidence.Timing{}
	if err := db.EachProfile(ctx, evidence.ProfileVersion, func(id int64, data []byte) error {
		p := &evidence.Profile{}
		if err := p.UnmarshalForQuick(data); err != nil {
			return err
		}
		ids = append(ids, id)
		for _, k := range p.RareKeys() {
			counts[k]++
		}
		timings[id] = p.Timing()
		if held != nil {
			held[id] = p
			if len(held) > linkBlock {
				held = nil
			}
		}
		return nil
	}); err != nil {
		return nil, nil, nil, err
	}
	idx = newProfileIndex(ids, counts)
	if held != nil {
		for pos, id := range ids {
			if err := idx.add(pos, held[id].RareKeys()); err != nil {
				return nil, nil, nil, err
			}
		}
		return idx, timings, held, idx.done()
	}
	pos := 0
	if err := db.EachProfile(ctx, evidence.ProfileVersion, func(id int64, data []byte) error {
		for pos < len(ids) && ids[pos] < id {
			pos++ // gone since: its keys are missing, and done says so
		}
		if pos == len(ids) || ids[pos] != id {
			return nil // profiled since the first read: not linked in this analysis
		}
		p := &evidence.Profile{}
		if err := p.UnmarshalForQuick(data); err != nil {
			return err
		}
		return idx.add(pos, p.RareKeys())
	}); err != nil {
		return nil, nil, nil, err
	}
	return idx, timings, nil, idx.done()
}

// profileLoader is how linkBlocks reads profiles: from held when every
// profile is held (discounted once), else block by block from the archive.
func profileLoader(db *store.DB, idx *profileIndex, held map[int64]*evidence.Profile) blockLoader {
	// The archive's census is the index itself: it holds the same keys
	// as the stored key index that freshLinks counts on.
	ids := idx.ids
	census := evidence.Census{Articles: len(ids), Holding: idx.holding}
	if held != nil {
		for _, p := range held {
			p.Discount(census)
		}
		return func(context.Context, int, int) (map[int64]*evidence.Profile, error) { return held, nil }
	}
	return func(ctx context.Context, lo, hi int) (map[int64]*evidence.Profile, error) {
		out := make(map[int64]*evidence.Profile, hi-lo)
		err := db.EachProfileBetween(ctx, evidence.ProfileVersion, ids[lo], ids[hi-1], func(id int64, data []byte) error {
			if _, listed := slices.BinarySearch(ids[lo:hi], id); !listed {
				return nil // profiled since ids were listed: not linked in this analysis
			}
			p := &evidence.Profile{}
			if err := p.UnmarshalForQuick(data); err != nil {
				return err
			}
			p.Discount(census)
			out[id] = p
			return nil
		})
		return out, err
	}
}
