package diffing

import (
	"runtime"
	"sync"
)

// DiffMany compares base against each version: result k is Diff(base,
// versions[k], opts). The diffs run in parallel; each has its own time bound.
func DiffMany(base string, versions []string, opts Options) []*Result {
	out := make([]*Result, len(versions))
	parallel(len(versions), func(k int) { out[k] = Diff(base, versions[k], opts) })
	return out
}

// DiffChain compares each version with the one before it, for a story's
// versions in date order: result k is Diff(versions[k], versions[k+1], opts),
// so there are len(versions)-1 results (none for fewer than two versions).
func DiffChain(versions []string, opts Options) []*Result {
	if len(versions) < 2 {
		return nil
	}
	out := make([]*Result, len(versions)-1)
	parallel(len(out), func(k int) { out[k] = Diff(versions[k], versions[k+1], opts) })
	return out
}

func parallel(n int, f func(int)) {
	workers := min(n, runtime.GOMAXPROCS(0))
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for k := range next {
				f(k)
			}
		})
	}
	for k := range n {
		next <- k
	}
	close(next)
	wg.Wait()
}
