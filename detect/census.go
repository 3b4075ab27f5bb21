package detect

// Census counts, for story scoring, in how many of an archive's articles each
// term occurs (see archiveDamp). An archive pass keeps one instead of an
// Index: it is the only thing story scores need from the whole archive.
type Census struct {
	// N is the number of articles counted; DF maps a term hash to the
	// number of them holding it.
	N  int
	DF map[uint64]int32
	// changed holds the terms whose count moved since the last Changed.
	changed map[uint64]struct{}
}

// NewCensus returns an empty census.
func NewCensus() *Census {
	return &Census{DF: map[uint64]int32{}, changed: map[uint64]struct{}{}}
}

// Add counts one more article.
func (c *Census) Add(f *Features) {
	if c.DF == nil {
		c.DF = map[uint64]int32{}
	}
	if c.changed == nil {
		c.changed = map[uint64]struct{}{}
	}
	c.N++
	for _, t := range f.Terms {
		c.DF[t.Hash]++
		c.changed[t.Hash] = struct{}{}
	}
}

// Changed returns the current counts of the terms Add touched since the
// last call, so that a caller keeping the census on disk writes only those.
func (c *Census) Changed() map[uint64]int32 {
	out := make(map[uint64]int32, len(c.changed))
	for h := range c.changed {
		out[h] = c.DF[h]
	}
	clear(c.changed)
	return out
}

func (c *Census) damp(h uint64) float64 { return archiveDamp(c.DF[h], c.N) }

// prepare makes the comparison entry of an article from its features, with
// story vectors damped by this census. It drops what verification does not
// read (the signature, the raw term vectors) to keep a chunk of entries small.
func (c *Census) prepare(f *Features, p Params) *entry {
	e := &entry{f: f, top: topTerms(f.Terms, p.StoryTerms), sents: uniqueSorted(f.Sentences)}
	e.whole, e.lede = damped(f.Terms, c.damp), damped(f.Lede, c.damp)
	f.MinHash, f.Terms, f.Lede = nil, nil, nil
	return e
}
