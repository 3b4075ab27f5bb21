package detect

import (
	"context"
	"fmt"
	"github.com/storydiff/storydiff/core"
	"runtime"
	"slices"
	"sync"
)

// maxBucket bounds the pairs drawn from one LSH bucket or exact-hash run:
// past it (a thousand copies of one press release) members are linked to
// the first and to their neighbour only, which keeps the groups whole
// without emitting a million pairs.
const maxBucket = 64

// NearPairs is the full analysis of a whole archive for duplicates: exact
// and near-duplicate pairs among fs (ids[i] is fs[i]'s article), without an
// Index. Each band is sorted instead of hashed, one band at a time, so a
// million articles need little memory beyond their features; candidates are
// verified on exact shingle sets on all CPUs. Story pairs are not made here
// (see Index.Pairs). Results are sorted; ctx cancels.
func NearPairs(ctx context.Context, ids []int64, fs []*Features, p Params) ([]core.Pair, error) {
	if len(ids) != len(fs) {
		return nil, fmt.Errorf("detect: %d ids for %d features", len(ids), len(fs))
	}
	if p.Bands <= 0 || p.Hashes%p.Bands != 0 {
		return nil, fmt.Errorf("detect: %d bands do not divide %d hashes", p.Bands, p.Hashes)
	}
	ph := p.Hash()
	for i, f := range fs {
		if f.ParamsHash != ph || len(f.MinHash) != p.Hashes {
			return nil, fmt.Errorf("detect: features of article %d were made with other parameters", ids[i])
		}
	}
	workers := runtime.GOMAXPROCS(0)
	n := len(fs)
	keys := make([]bandKey, n)
	var cand []uint64 // candidate pairs of indexes, i<<32 | j with i < j
	collect := func() { cand = appendRuns(cand, keys) }
	for _, get := range []func(*Features) uint64{
		func(f *Features) uint64 { return f.ByteHash },
		func(f *Features) uint64 { return f.TextHash },
		func(f *Features) uint64 { return f.BodyHash },
	} {
		for i, f := range fs {
			keys[i] = bandKey{get(f), uint32(i)}
		}
		collect()
	}
	rows := p.Rows()
	for b := 0; b < p.Bands; b++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		parallel(workers, n, func(i int) {
			f := fs[i]
			h := uint64(0)
			if len(f.Shingles) > 0 {
				h = bandHashes(f.MinHash[b*rows:(b+1)*rows], 1)[0] ^ uint64(b)
			} else {
				h = ^uint64(i) // empty texts are nobody's near-duplicate
			}
			keys[i] = bandKey{h, uint32(i)}
		})
		collect()
	}
	slices.Sort(cand)
	cand = slices.Compact(cand)

	results := make([][]core.Pair, workers)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for k := w; k < len(cand); k += workers {
				if k%4096 == w && ctx.Err() != nil {
					return
				}
				i, j := int(cand[k]>>32), int(uint32(cand[k]))
				if pr, ok := verifyFeatures(p, ids[i], ids[j], fs[i], fs[j]); ok {
					results[w] = append(results[w], pr)
				}
			}
		}(w)
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var out []core.Pair
	for _, r := range results {
		out = append(out, r...)
	}
	sortPairs(out)
	return out, nil
}

type bandKey struct {
	h uint64
	i uint32
}

// appendRuns sorts keys and appends the candidate pairs of every run of
// equal keys.
func appendRuns(cand []uint64, keys []bandKey) []uint64 {
	slices.SortFunc(keys, func(a, b bandKey) int {
		switch {
		case a.h < b.h:
			return -1
		case a.h > b.h:
			return 1
		}
		return int(a.i) - int(b.i)
	})
	for lo := 0; lo < len(keys); {
		hi := lo + 1
		for hi < len(keys) && keys[hi].h == keys[lo].h {
			hi++
		}
		cand = appendRun(cand, keys[lo:hi])
		lo = hi
	}
	return cand
}

func appendRun(cand []uint64, run []bandKey) []uint64 {
	if len(run) < 2 {
		return cand
	}
	pair := func(a, b uint32) uint64 {
		if a > b {
			a, b = b, a
		}
		return uint64(a)<<32 | uint64(b)
	}
	if len(run) <= maxBucket {
		for x := 0; x < len(run); x++ {
			for y := x + 1; y < len(run); y++ {
				cand = append(cand, pair(run[x].i, run[y].i))
			}
		}
		return cand
	}
	for x := 1; x < len(run); x++ {
		cand = append(cand, pair(run[0].i, run[x].i), pair(run[x-1].i, run[x].i))
	}
	return cand
}

func parallel(workers, n int, fn func(i int)) {
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := w; i < n; i += workers {
				fn(i)
			}
		}(w)
	}
	wg.Wait()
}
