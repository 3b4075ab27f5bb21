package diffing

import (
	"cmp"
	"runtime"
	"slices"
	"sync"
)

// parallelBytes is the size of a long changed stretch (both sides together)
// from which its sentence-anchored parts are refined on several cores, and
// of a text's changed paragraphs from which they are. A variable so that
// TestParallelIsSequential can compare with the one-core path.
var parallelBytes = 64 << 10

// refineParallel does what the sequential loop in refine does (refine each
// change between the equal blocks, then write the block) with the changes
// refined concurrently, each into its own builder, and joined in order. The
// result is the same as the sequential one: each change is refined on its
// own either way.
func (e *engine) refineParallel(bd *builder, ta, tb []pos, blocks []block, a1, b1 pos, next level, anchored bool) {
	type job struct {
		from, to [2]pos // start and end of the change in A and B
		ops      []iop
	}
	jobs := make([]job, 0, len(blocks)+1)
	pa, pb := bd.pa, bd.pb
	for _, bl := range blocks {
		jobs = append(jobs, job{from: [2]pos{pa, pb}, to: [2]pos{ta[bl.a], tb[bl.b]}})
		pa, pb = ta[bl.a+bl.n], tb[bl.b+bl.n]
	}
	jobs = append(jobs, job{from: [2]pos{pa, pb}, to: [2]pos{a1, b1}})

	parallelDo(len(jobs), func(k int) int {
		j := &jobs[k]
		return j.to[0].b - j.from[0].b + j.to[1].b - j.from[1].b
	}, func(w *engine, k int) {
		j := &jobs[k]
		if j.from == j.to {
			return
		}
		sub := &builder{pa: j.from[0], pb: j.from[1]}
		w.refine(sub, j.to[0], j.to[1], next, anchored)
		j.ops = sub.ops
	}, e)
	n := 0
	for _, j := range jobs {
		n += len(j.ops)
	}
	bd.ops = slices.Grow(bd.ops, n+len(blocks))
	for k, j := range jobs {
		for _, o := range j.ops {
			bd.push(o)
		}
		if k < len(blocks) {
			e.equalBlock(bd, ta, tb, blocks[k])
		}
	}
}

// parallelDo runs job(w, k) for k in [0, n) on up to GOMAXPROCS workers,
// each with its own copy of e: its own matcher, the options, texts,
// deadline and notes shared. The jobs are handed out largest first (by
// size), so that a large one does not start last and leave the other
// workers idle while it runs.
func parallelDo(n int, size func(k int) int, job func(w *engine, k int), e *engine) {
	workers := min(runtime.GOMAXPROCS(0), n)
	order := make([]int, n)
	sizes := make([]int, n)
	for k := range order {
		order[k], sizes[k] = k, size(k)
	}
	slices.SortStableFunc(order, func(x, y int) int { return cmp.Compare(sizes[y], sizes[x]) })
	var wg sync.WaitGroup
	var mu sync.Mutex
	next := 0
	for range workers {
		w := *e
		w.m = matcher{}
		w.wordBuf = [2][]pos{}
		wg.Go(func() {
			for {
				mu.Lock()
				k := next
				next++
				mu.Unlock()
				if k >= n {
					return
				}
				job(&w, order[k])
			}
		})
	}
	wg.Wait()
}
