package store

import (
	"errors"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// Every batch is read once, with its own ids, whether the batches run one
// after the other or at once.
func TestInBatchesConcurrentlyVisitsEachBatchOnce(t *testing.T) {
	for _, n := range []int{0, 1, idBatch, idBatch + 1, 7*idBatch + 3} {
		ids := make([]int64, n)
		for i := range ids {
			ids[i] = int64(1000 + i)
		}
		var mu sync.Mutex
		var seen []int64
		calls := map[int]int{}
		err := inBatchesConcurrently(ids, func(k int, args []any) error {
			mu.Lock()
			defer mu.Unlock()
			calls[k]++
			for i, a := range args {
				id := a.(int64)
				if id != ids[k*idBatch+i] {
					t.Errorf("n=%d: batch %d argument %d is %d, want %d", n, k, i, id, ids[k*idBatch+i])
				}
				seen = append(seen, id)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		slices.Sort(seen)
		if !slices.Equal(seen, ids) {
			t.Errorf("n=%d: read %d ids, want each of %d once", n, len(seen), n)
		}
		for k, c := range calls {
			if c != 1 {
				t.Errorf("n=%d: batch %d read %d times", n, k, c)
			}
		}
	}
}

// A failing batch's error is returned, and the other workers stop taking
// batches.
func TestInBatchesConcurrentlyReturnsTheError(t *testing.T) {
	ids := make([]int64, 40*idBatch)
	failure := errors.New("disk gone")
	var mu sync.Mutex
	read := 0
	var failed atomic.Bool
	err := inBatchesConcurrently(ids, func(k int, _ []any) error {
		mu.Lock()
		read++
		mu.Unlock()
		if k == 3 {
			failed.Store(true)
			return failure
		}
		// A batch read after the failure takes a moment, as a real read
		// does: on a loaded machine the failing worker may otherwise be
		// held off the processor while another reads every batch left
		// before the stop is seen.
		if failed.Load() {
			time.Sleep(5 * time.Millisecond)
		}
		return nil
	})
	if !errors.Is(err, failure) {
		t.Fatalf("got %v, want the batch's error", err)
	}
	if read == 40 {
		t.Errorf("all 40 batches were read after batch 3 failed")
	}
}
