package detect

import (
	"context"
	"fmt"
	"github.com/storydiff/storydiff/core"
	"runtime"
	"slices"
	"sync"
)

// AllPairs finds every verified pair of an archive (exact duplicates,
// near-duplicates and story versions) without holding its features: one
// streaming read keeps each article's sketch and counts the census; exact
// hashes and LSH bands are sorted, one at a time, into candidate pairs; story
// candidates come from postings of the rarest terms; then candidates are
// verified a chunk at a time, reading only those articles' features. Memory
// is a few hundred bytes per article plus the census and one chunk, where an
// Index holds every article's features (tens of kilobytes each).
//
// It gives the pairs Index.Pairs gives after Refresh, except that a bucket
// of more than maxBucket articles sharing one key proposes a chain instead
// of every pair (see appendRun). sketched, if not nil, is called with every
// article's sketch in id order, for callers that store them. The census
// returned is the archive's, for FreshPairs later.
func AllPairs(ctx context.Context, arch Archive, p Params, sketched func(id int64, s Sketch) error, progress Progress) ([]core.Pair, *Census, error) {
	if p.Bands <= 0 || p.Hashes%p.Bands != 0 {
		return nil, nil, fmt.Errorf("detect: %d bands do not divide %d hashes", p.Bands, p.Hashes)
	}
	if progress == nil {
		progress = func(string, int, int) {}
	}
	sk, census, err := readSketches(ctx, arch, p, sketched, progress)
	if err != nil {
		return nil, nil, err
	}
	n := len(sk.ids)
	progress("proposing candidates", 0, n)
	cand, err := sk.sortedCandidates(ctx, p.Bands)
	if err != nil {
		return nil, nil, err
	}
	sk.bands = nil // not needed past here: the biggest table
	post := sk.postings()

	// Candidates are listed a block of articles at a time on all CPUs, then
	// verified a chunk at a time.
	workers := runtime.GOMAXPROCS(0)
	finders := make([]*storyFinder, workers)
	for w := range finders {
		finders[w] = &storyFinder{sk: sk, post: post, limit: postingLimit(n), hits: make([]uint8, n)}
	}
	const block = 4096
	var out []core.Pair
	var c chunk
	k := 0 // the first candidate pair of the block's first article
	for lo := 0; lo < n; lo += block {
		if err := ctx.Err(); err != nil {
			return nil, nil, err
		}
		hi := min(lo+block, n)
		lists := make([][]int64, hi-lo)
		starts := make([]int, hi-lo+1) // each article's run in cand
		for i := lo; i < hi; i++ {
			starts[i-lo] = k
			for k < len(cand) && int(cand[k]>>32) == i {
				k++
			}
		}
		starts[hi-lo] = k
		parallel(workers, hi-lo, func(x int) {
			var others []int64
			for _, pr := range cand[starts[x]:starts[x+1]] {
				others = append(others, sk.ids[uint32(pr)])
			}
			others = finders[x%workers].find(lo+x, others)
			slices.Sort(others)
			lists[x] = slices.Compact(others)
		})
		for x, others := range lists {
			c.add(candidates{id: sk.ids[lo+x], others: others})
			if c.full() || lo+x == n-1 {
				ps, err := verifyChunk(ctx, arch, p, census, &c)
				if err != nil {
					return nil, nil, err
				}
				out = append(out, ps...)
				progress("comparing candidates", lo+x+1, n)
			}
		}
	}
	sortPairs(out)
	return out, census, nil
}

// storyFinder proposes story candidates: the later articles sharing at
// least two of an article's rarest terms, each held by at most limit
// articles (see Index.candidates). One per worker: hits is a counter per
// article, cleared after each use through touched.
type storyFinder struct {
	sk      *sketches
	post    *postingLists
	limit   int
	hits    []uint8
	touched []uint32
}

func (f *storyFinder) find(i int, others []int64) []int64 {
	for _, t := range f.sk.topNumOf(i) {
		ps := f.post.of(t)
		if len(ps) > f.limit {
			continue
		}
		// Postings are sorted: only the articles after i are wanted.
		from, _ := slices.BinarySearch(ps, uint32(i+1))
		for _, j := range ps[from:] {
			if f.hits[j] == 0 {
				f.touched = append(f.touched, j)
			}
			if f.hits[j] < 255 {
				f.hits[j]++
			}
			if f.hits[j] == 2 {
				others = append(others, f.sk.ids[j])
			}
		}
	}
	for _, j := range f.touched {
		f.hits[j] = 0
	}
	f.touched = f.touched[:0]
	return others
}

// sketches holds a whole archive's sketches in flat arrays, indexed by the
// article's position in id order.
type sketches struct {
	ids    []int64
	exact  []uint64 // 3 per article
	bands  []uint64 // bandCount per article, or none (hasBands false)
	banded []bool
	topOff []uint32 // top terms of article i: top[topOff[i]:topOff[i+1]]
	// topNum replaces top once the posting lists are built: the same
	// terms, as numbers into them.
	topNum []uint32
	top    []uint64
	nbands int
}

func (s *sketches) topNumOf(i int) []uint32 { return s.topNum[s.topOff[i]:s.topOff[i+1]] }

// readSketches streams every article's features once, on all CPUs, keeping
// its sketch and counting its terms.
func readSketches(ctx context.Context, arch Archive, p Params, sketched func(int64, Sketch) error, progress Progress) (*sketches, *Census, error) {
	type job struct {
		seq  int
		id   int64
		data []byte
	}
	type result struct {
		seq   int
		id    int64
		sk    Sketch
		terms []uint64
		err   error
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := make(chan job, 256)
	results := make(chan result, 256)
	var readErr error
	go func() {
		defer close(jobs)
		seq := 0
		readErr = arch.EachFeatures(ctx, func(id int64, data []byte) error {
			select {
			case jobs <- job{seq, id, data}:
				seq++
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	}()
	ph := p.Hash()
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				f := new(Features)
				err := f.UnmarshalBinary(j.data)
				if err == nil && (f.ParamsHash != ph || len(f.MinHash) != p.Hashes) {
					err = fmt.Errorf("made with other parameters")
				}
				r := result{seq: j.seq, id: j.id}
				if err != nil {
					r.err = fmt.Errorf("features of article %d: %w", j.id, err)
				} else {
					r.sk = SketchOf(f, p)
					r.terms = make([]uint64, len(f.Terms))
					for i, t := range f.Terms {
						r.terms[i] = t.Hash
					}
				}
				results <- r
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()

	s := &sketches{nbands: p.Bands, topOff: []uint32{0}}
	if sized, ok := arch.(interface{ Len() int }); ok {
		// Growing these by appends would copy the largest, the bands, a
		// few times over at a million articles.
		n := sized.Len()
		s.ids, s.exact, s.banded = make([]int64, 0, n), make([]uint64, 0, 3*n), make([]bool, 0, n)
		s.bands, s.top = make([]uint64, 0, n*p.Bands), make([]uint64, 0, n*p.StoryTerms)
		s.topOff = append(make([]uint32, 0, n+1), 0)
	}
	census := NewCensus()
	pending := map[int]result{} // results that arrived before their turn
	var firstErr error
	take := func(r result) {
		s.ids = append(s.ids, r.id)
		s.exact = append(s.exact, r.sk.Exact[:]...)
		s.banded = append(s.banded, r.sk.Bands != nil)
		s.bands = append(s.bands, r.sk.Bands...)
		s.top = append(s.top, r.sk.Top...)
		s.topOff = append(s.topOff, uint32(len(s.top)))
		census.N++
		for _, h := range r.terms {
			census.DF[h]++
		}
		if sketched != nil && firstErr == nil {
			if err := sketched(r.id, r.sk); err != nil {
				firstErr = err
				cancel()
			}
		}
		if len(s.ids)%4096 == 0 {
			progress("reading features", len(s.ids), 0)
		}
	}
	for r := range results {
		if firstErr != nil {
			continue // drain
		}
		if r.err != nil {
			firstErr = r.err
			cancel()
			continue
		}
		pending[r.seq] = r
		for {
			next, ok := pending[len(s.ids)]
			if !ok {
				break
			}
			delete(pending, next.seq)
			take(next)
		}
	}
	clear(census.changed)
	if firstErr != nil {
		return nil, nil, firstErr
	}
	if readErr != nil {
		return nil, nil, readErr
	}
	return s, census, ctx.Err()
}

// sortedCandidates returns the pairs (i<<32 | j, i < j, positions) sharing
// an exact hash or an LSH band key, sorted and unique: each key is sorted
// into runs in turn, so memory is one array of n keys beside the result.
func (s *sketches) sortedCandidates(ctx context.Context, nbands int) ([]uint64, error) {
	n := len(s.ids)
	keys := make([]bandKey, 0, n)
	var cand []uint64
	collect := func() { cand = appendRuns(cand, keys) }
	for e := 0; e < 3; e++ {
		keys = keys[:0]
		for i := 0; i < n; i++ {
			keys = append(keys, bandKey{s.exact[3*i+e], uint32(i)})
		}
		collect()
	}
	// Band b of article i sits at bands[off+b], where off counts the
	// banded articles before i.
	for b := 0; b < nbands; b++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		keys = keys[:0]
		off := 0
		for i := 0; i < n; i++ {
			if s.banded[i] {
				keys = append(keys, bandKey{s.bands[off+b], uint32(i)})
				off += nbands
			}
		}
		collect()
	}
	slices.Sort(cand)
	return slices.Compact(cand), nil
}

// postingLists maps each story term to the positions of the articles it is
// one of the rarest terms of, in flat arrays: the articles of term k are
// pos[off[k]:off[k+1]], in ascending order.
type postingLists struct {
	off []uint32
	pos []uint32
}

// postings builds the posting lists by counting, and replaces each
// article's top terms by their term numbers, which halves that table and
// makes a lookup an index instead of a search. Memory at its peak is the
// top terms twice (one sorted copy) plus the positions, where sorting
// (term, position) pairs would need twice as much.
func (s *sketches) postings() *postingLists {
	terms := slices.Clone(s.top)
	slices.Sort(terms)
	terms = slices.Compact(terms)
	terms = slices.Clip(terms)
	number := func(t uint64) uint32 {
		k, _ := slices.BinarySearch(terms, t)
		return uint32(k)
	}
	s.topNum = make([]uint32, len(s.top))
	pl := &postingLists{off: make([]uint32, len(terms)+1), pos: make([]uint32, len(s.top))}
	for k, t := range s.top {
		s.topNum[k] = number(t)
		pl.off[s.topNum[k]+1]++
	}
	s.top = nil
	for k := 1; k < len(pl.off); k++ {
		pl.off[k] += pl.off[k-1]
	}
	next := slices.Clone(pl.off[:len(terms)])
	for i := range s.ids { // in article order, so every list comes out sorted
		for _, k := range s.topNumOf(i) {
			pl.pos[next[k]] = uint32(i)
			next[k]++
		}
	}
	return pl
}

func (pl *postingLists) of(k uint32) []uint32 { return pl.pos[pl.off[k]:pl.off[k+1]] }
