package detect

import (
	"context"
	"encoding/binary"
	"fmt"
	"github.com/storydiff/storydiff/core"
	"runtime"
	"slices"
	"sort"
	"sync"
)

// IndexOptions choose what an Index keeps beside the near-duplicate tables.
type IndexOptions struct {
	// NoStories leaves out the story tables (term postings and document
	// frequencies), for callers that only want duplicates.
	NoStories bool
}

// Index holds the features of an archive in memory and finds pairs: exact
// duplicates by hash tables, near-duplicates by MinHash LSH banding verified
// on exact shingle sets, story versions by an inverted index of each
// article's rarest terms. Add and Remove keep it current as articles come and
// go. It is not safe for concurrent use, except for calls to Pairs and
// Compare, which only read.
type Index struct {
	p    Params
	opt  IndexOptions
	docs map[int64]*entry
	// bands[i] maps the hash of signature band i to the articles sharing it.
	bands []map[uint64][]int64
	exact map[exactKey][]int64
	// postings maps a story term to the articles it is one of the rarest
	// terms of; df counts in how many articles each term occurs.
	postings map[uint64][]int64
	df       map[uint64]int32
	// vecN is the archive size the story vectors were last damped at.
	vecN int
}

type exactKey struct {
	kind string
	hash uint64
}

type entry struct {
	f *Features
	// whole and lede are the story vectors damped by archive frequency and
	// normalised (see refreshVectors).
	whole, lede []Term
	bands       []uint64
	top         []uint64 // the article's story terms in postings
	sents       []uint64 // sorted, unique sentence hashes
}

// NewIndex returns an empty index. It returns an error if p's bands do not
// divide its signature.
func NewIndex(p Params, opt IndexOptions) (*Index, error) {
	if p.Bands <= 0 || p.Hashes%p.Bands != 0 {
		return nil, fmt.Errorf("detect: %d bands do not divide %d hashes", p.Bands, p.Hashes)
	}
	ix := &Index{p: p, opt: opt, docs: map[int64]*entry{}, exact: map[exactKey][]int64{},
		postings: map[uint64][]int64{}, df: map[uint64]int32{}}
	ix.bands = make([]map[uint64][]int64, p.Bands)
	for i := range ix.bands {
		ix.bands[i] = map[uint64][]int64{}
	}
	return ix, nil
}

// Refresh re-damps every article's story vectors by the archive's current
// term frequencies on all CPUs. Add and Remove keep them within a tenth of
// the archive size on their own; Refresh makes them exact, as a full
// analysis wants.
func (ix *Index) Refresh() {
	if !ix.opt.NoStories {
		ix.refreshVectors(runtime.GOMAXPROCS(0))
	}
}

// Len is the number of articles in the index.
func (ix *Index) Len() int { return len(ix.docs) }

// Params returns the parameters the index compares with.
func (ix *Index) Params() Params { return ix.p }

// Add puts an article's features in the index, replacing any it had under
// id. Features made with other parameters are refused: recompute them.
func (ix *Index) Add(id int64, f *Features) error {
	if f.ParamsHash != ix.p.Hash() {
		return fmt.Errorf("detect: features of article %d were made with other parameters", id)
	}
	if len(f.MinHash) != ix.p.Hashes {
		return fmt.Errorf("detect: article %d has %d signature values, want %d", id, len(f.MinHash), ix.p.Hashes)
	}
	ix.Remove(id)
	e := &entry{f: f, bands: bandHashes(f.MinHash, ix.p.Bands)}
	ix.docs[id] = e
	if len(f.Shingles) > 0 {
		for i, h := range e.bands {
			ix.bands[i][h] = append(ix.bands[i][h], id)
		}
	}
	for _, k := range exactKeys(f) {
		ix.exact[k] = append(ix.exact[k], id)
	}
	if !ix.opt.NoStories {
		for _, t := range f.Terms {
			ix.df[t.Hash]++
		}
		e.top = topTerms(f.Terms, ix.p.StoryTerms)
		for _, h := range e.top {
			ix.postings[h] = append(ix.postings[h], id)
		}
		e.sents = uniqueSorted(f.Sentences)
		e.whole, e.lede = ix.damped(f.Terms), ix.damped(f.Lede)
		ix.maybeRefresh()
	}
	return nil
}

// maybeRefresh re-damps every article's story vectors once the archive has
// grown or shrunk by a tenth since they were damped (always while it is
// small), so that Compare only takes dot products and the damping it uses
// is never far from the archive's: amortised, a few vectors per Add.
func (ix *Index) maybeRefresh() {
	n := len(ix.docs)
	if n < 64 || 10*n > 11*ix.vecN || 10*n < 9*ix.vecN {
		ix.refreshVectors(1)
	}
}

func (ix *Index) refreshVectors(workers int) {
	ids := make([]int64, 0, len(ix.docs))
	for id := range ix.docs {
		ids = append(ids, id)
	}
	ix.prepareVectors(ids, workers)
	ix.vecN = len(ix.docs)
}

// Remove takes an article out of the index; unknown ids are ignored.
func (ix *Index) Remove(id int64) {
	e := ix.docs[id]
	if e == nil {
		return
	}
	delete(ix.docs, id)
	if len(e.f.Shingles) > 0 {
		for i, h := range e.bands {
			ix.bands[i][h] = without(ix.bands[i][h], id)
			if len(ix.bands[i][h]) == 0 {
				delete(ix.bands[i], h)
			}
		}
	}
	for _, k := range exactKeys(e.f) {
		ix.exact[k] = without(ix.exact[k], id)
		if len(ix.exact[k]) == 0 {
			delete(ix.exact, k)
		}
	}
	if !ix.opt.NoStories {
		for _, t := range e.f.Terms {
			if ix.df[t.Hash]--; ix.df[t.Hash] <= 0 {
				delete(ix.df, t.Hash)
			}
		}
		for _, h := range e.top {
			ix.postings[h] = without(ix.postings[h], id)
			if len(ix.postings[h]) == 0 {
				delete(ix.postings, h)
			}
		}
		ix.maybeRefresh()
	}
}

func exactKeys(f *Features) []exactKey {
	return []exactKey{{core.PairSameBytes, f.ByteHash}, {core.PairSameText, f.TextHash}, {core.PairSameBody, f.BodyHash}}
}

func without(ids []int64, id int64) []int64 {
	for i, v := range ids {
		if v == id {
			ids[i] = ids[len(ids)-1]
			return ids[:len(ids)-1]
		}
	}
	return ids
}

func bandHashes(sig []uint32, bands int) []uint64 {
	rows := len(sig) / bands
	out := make([]uint64, bands)
	var b [4]byte
	for i := range out {
		h := uint64(fnvOffset) ^ uint64(i)
		for _, v := range sig[i*rows : (i+1)*rows] {
			binary.LittleEndian.PutUint32(b[:], v)
			for _, c := range b {
				h = (h ^ uint64(c)) * fnvPrime
			}
		}
		out[i] = mix(h)
	}
	return out
}

func topTerms(ts []Term, n int) []uint64 {
	c := append([]Term(nil), ts...)
	sort.Slice(c, func(i, j int) bool {
		if c[i].Weight != c[j].Weight {
			return c[i].Weight > c[j].Weight
		}
		return c[i].Hash < c[j].Hash
	})
	if len(c) > n {
		c = c[:n]
	}
	out := make([]uint64, len(c))
	for i, t := range c {
		out[i] = t.Hash
	}
	slices.Sort(out)
	return out
}

func uniqueSorted(vs []uint64) []uint64 {
	c := append([]uint64(nil), vs...)
	sort.Slice(c, func(i, j int) bool { return c[i] < c[j] })
	w := 0
	for i, v := range c {
		if i == 0 || v != c[w-1] {
			c[w] = v
			w++
		}
	}
	return c[:w]
}

// Compare returns the verified pairs between one article and every other in
// the index: exact duplicates, near-duplicates and story versions, sorted.
// A pair appears once, with its strongest kind.
func (ix *Index) Compare(id int64) []core.Pair {
	e := ix.docs[id]
	if e == nil {
		return nil
	}
	var out []core.Pair
	for _, other := range ix.candidates(id, e) {
		if p, ok := ix.verify(id, other); ok {
			out = append(out, p)
		}
	}
	sortPairs(out)
	return out
}

// candidates are the other articles sharing an exact hash, an LSH band or a
// story term with id, sorted.
func (ix *Index) candidates(id int64, e *entry) []int64 {
	seen := map[int64]bool{id: true}
	var out []int64
	addAll := func(ids []int64) {
		for _, o := range ids {
			if !seen[o] {
				seen[o] = true
				out = append(out, o)
			}
		}
	}
	for _, k := range exactKeys(e.f) {
		addAll(ix.exact[k])
	}
	if len(e.f.Shingles) > 0 {
		for i, h := range e.bands {
			addAll(ix.bands[i][h])
		}
	}
	if !ix.opt.NoStories {
		// A story candidate shares at least two of its rarest terms with id:
		// one shared name alone proposes too many unrelated articles.
		limit := ix.postingLimit()
		hits := map[int64]int{}
		for _, h := range e.top {
			if ps := ix.postings[h]; len(ps) <= limit {
				for _, o := range ps {
					if hits[o]++; hits[o] == 2 {
						addAll([]int64{o})
					}
				}
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

func (ix *Index) postingLimit() int { return postingLimit(len(ix.docs)) }

// postingLimit: a term among the rarest of more than this many of an
// archive's n articles is not rare in it and would only propose noise. The
// cap holds from 20,000 articles on: a term in the rarest two dozen of a
// thousand articles names a topic, not one event, and without it a
// million-article archive would walk lists of 50,000 articles for every
// article (the work grows with the square of the archive).
func postingLimit(n int) int { return min(max(200, n/20), 1000) }

// verify decides the strongest relation between two indexed articles.
func (ix *Index) verify(a, b int64) (core.Pair, bool) {
	return verifyEntries(ix.p, a, b, ix.docs[a], ix.docs[b], !ix.opt.NoStories)
}

// verifyEntries decides the strongest relation between two prepared
// articles: a duplicate kind, else (with stories) a story version.
func verifyEntries(p Params, a, b int64, ea, eb *entry, stories bool) (core.Pair, bool) {
	if pr, ok := verifyFeatures(p, a, b, ea.f, eb.f); ok || !stories {
		return pr, ok
	}
	x, y := orderedPair(a, b)
	pr := core.Pair{A: x, B: y}
	pr.Jaccard, pr.Containment = setSimilarity(ea.f.Shingles, eb.f.Shingles)
	if s := storyScore(p, ea, eb); s >= p.StoryThreshold {
		pr.Kind, pr.Score = core.PairStory, s
		return pr, true
	}
	return pr, false
}

// verifyFeatures decides whether two articles are exact or near duplicates.
func verifyFeatures(p Params, a, b int64, fa, fb *Features) (core.Pair, bool) {
	x, y := orderedPair(a, b)
	pr := core.Pair{A: x, B: y}
	pr.Jaccard, pr.Containment = setSimilarity(fa.Shingles, fb.Shingles)
	switch {
	case fa.ByteHash == fb.ByteHash:
		pr.Kind, pr.Score = core.PairSameBytes, 1
		return pr, true
	case fa.TextHash == fb.TextHash:
		pr.Kind, pr.Score = core.PairSameText, 1
		return pr, true
	case fa.BodyHash == fb.BodyHash:
		pr.Kind, pr.Score = core.PairSameBody, 1
		return pr, true
	}
	if s, ok := nearScore(p, fa, fb, pr.Jaccard, pr.Containment); ok {
		pr.Kind, pr.Score = core.PairNear, s
		return pr, true
	}
	return pr, false
}

// nearScore: Jaccard at or over the threshold, or a near-complete
// containment between texts of comparable length.
func nearScore(p Params, fa, fb *Features, j, c float64) (float64, bool) {
	if j >= p.NearJaccard {
		return j, true
	}
	la, lb := len(fa.Shingles), len(fb.Shingles)
	if la == 0 || lb == 0 {
		return 0, false
	}
	ratio := float64(min(la, lb)) / float64(max(la, lb))
	if c >= p.NearContainment && ratio >= p.MinSizeRatio {
		return c, true
	}
	return 0, false
}

// Pairs returns every verified pair in the index, sorted, using all CPUs.
// It stops early with ctx's error if ctx is cancelled. Call Refresh first
// for story scores damped by the archive's exact current frequencies.
func (ix *Index) Pairs(ctx context.Context) ([]core.Pair, error) {
	ids := make([]int64, 0, len(ix.docs))
	for id := range ix.docs {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	workers := runtime.GOMAXPROCS(0)
	results := make([][]core.Pair, workers)
	var wg sync.WaitGroup
	var mu sync.Mutex
	var firstErr error
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := w; i < len(ids); i += workers {
				if i%1024 == 0 {
					if err := ctx.Err(); err != nil {
						mu.Lock()
						firstErr = err
						mu.Unlock()
						return
					}
				}
				id := ids[i]
				for _, other := range ix.candidates(id, ix.docs[id]) {
					if other < id {
						continue // each pair once, from its smaller id
					}
					if p, ok := ix.verify(id, other); ok {
						results[w] = append(results[w], p)
					}
				}
			}
		}(w)
	}
	wg.Wait()
	if firstErr != nil {
		return nil, firstErr
	}
	var out []core.Pair
	for _, r := range results {
		out = append(out, r...)
	}
	sortPairs(out)
	return out, nil
}

// PairSimilarity is the similarity of two articles, the one number StoryDiff
// shows for a pair: the score their near-duplicate verification judges them
// by (1 for exact copies: same bytes, same normalised text, same text
// without boilerplate; the Jaccard of their 4-word shingle sets when it
// reaches the near threshold; the containment of the smaller in the larger
// when that makes them near-duplicates), and for two articles that are no
// duplicates the Jaccard of their shingles. A verified pair's Score is this
// number, so every view of a pair and of its duplicate group agrees.
func PairSimilarity(p Params, fa, fb *Features) float64 {
	pr, ok := verifyFeatures(p, 1, 2, fa, fb)
	if ok {
		return pr.Score
	}
	return pr.Jaccard
}
