package align

import (
	"runtime"
	"sync"
)

// parallel runs f(0..n-1) on all CPUs. The word diffs inside rows and cells
// are independent and, on long texts, cost more than the alignment; each
// writes only its own slot, so the result does not depend on scheduling.
func parallel(n int, f func(k int)) {
	workers := min(n, runtime.GOMAXPROCS(0))
	if workers <= 1 {
		for k := range n {
			f(k)
		}
		return
	}
	var wg sync.WaitGroup
	next := make(chan int)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range next {
				f(k)
			}
		}()
	}
	for k := range n {
		next <- k
	}
	close(next)
	wg.Wait()
}
