package store

import (
	"errors"
	"runtime"
	"sync"
	"sync/atomic"
)

// idBatch is how many ids one statement of inBatches takes.
const idBatch = 500

// inBatches calls fn with ids a few hundred at a time, as query arguments.
func inBatches(ids []int64, fn func([]any) error) error {
	for lo := 0; lo < len(ids); lo += idBatch {
		if err := fn(batchArgs(ids, lo)); err != nil {
			return err
		}
	}
	return nil
}

func batchArgs(ids []int64, lo int) []any {
	part := ids[lo:min(lo+idBatch, len(ids))]
	args := make([]any, len(part))
	for i, id := range part {
		args[i] = id
	}
	return args
}

// inBatchesConcurrently is inBatches with the batches read on up to
// GOMAXPROCS of the read pool's connections at once: fn(k, args) gets the
// batch's number, so that it can keep what batch k read apart from the
// others and the caller can join them in order. modernc's SQLite runs in
// the calling goroutine, so a read of many rows keeps one core busy; an
// import's analysis reads the holders of a few thousand keys and the counts
// of tens of thousands this way.
func inBatchesConcurrently(ids []int64, fn func(k int, args []any) error) error {
	n := (len(ids) + idBatch - 1) / idBatch
	workers := min(n, runtime.GOMAXPROCS(0), maxReadConns)
	if workers <= 1 {
		for k := range n {
			if err := fn(k, batchArgs(ids, k*idBatch)); err != nil {
				return err
			}
		}
		return nil
	}
	var next atomic.Int64
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for k := int(next.Add(1) - 1); k < n; k = int(next.Add(1) - 1) {
				if errs[w] = fn(k, batchArgs(ids, k*idBatch)); errs[w] != nil {
					next.Store(int64(n)) // the others stop at their next batch
					return
				}
			}
		})
	}
	wg.Wait()
	return errors.Join(errs...)
}
