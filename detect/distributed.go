package detect

import (
	"slices"

	"github.com/storydiff/storydiff/core"
)

// The pieces of AllPairs a data-parallel run (storydiff-pipeline) needs
// one key or one pair at a time, so that it proposes and verifies exactly
// the candidates AllPairs does.

// BucketPairs returns the candidate pairs of the articles sharing one exact
// hash or LSH band key, as AllPairs proposes them: every pair of a bucket
// of up to maxBucket articles, else a chain from its smallest id and between
// neighbours. Each pair has its smaller id first.
func BucketPairs(ids []int64) [][2]int64 {
	sorted := slices.Clone(ids)
	slices.Sort(sorted)
	run := make([]bandKey, len(sorted))
	for i := range sorted {
		run[i] = bandKey{i: uint32(i)}
	}
	var out [][2]int64
	for _, c := range appendRun(nil, run) {
		a, b := sorted[c>>32], sorted[uint32(c)]
		if a != b {
			out = append(out, [2]int64{a, b})
		}
	}
	return out
}

// PostingLimit is the most articles of n a rarest term may be held by and
// still propose story candidates (see postingLimit).
func PostingLimit(n int) int { return postingLimit(n) }

// VerifyWithCensus decides the strongest relation between two articles from
// their features, with story scores damped by census, as AllPairs's
// verification does. It reads fa and fb without changing them.
func VerifyWithCensus(p Params, census *Census, a, b int64, fa, fb *Features) (core.Pair, bool) {
	ca, cb := *fa, *fb
	return verifyEntries(p, a, b, census.prepare(&ca, p), census.prepare(&cb, p), true)
}

// LinesOf returns the hashes of text's distinct countable lines (short,
// not empty), the lines Add counts.
func (lc *LineCounts) LinesOf(text string) []uint64 { return lc.articleLines(text) }

// Prepared is one article's features made ready, with the census's damping,
// for verification against many others: a worker verifying a shard of
// articles prepares each once instead of once per candidate pair.
// Verification only reads it.
type Prepared struct{ e *entry }

// Prepare makes f ready for VerifyPrepared. It reads f without changing it.
func (c *Census) Prepare(p Params, f *Features) Prepared {
	cp := *f
	return Prepared{c.prepare(&cp, p)}
}

// VerifyPrepared is VerifyWithCensus on features prepared by the same
// census.
func VerifyPrepared(p Params, a, b int64, pa, pb Prepared) (core.Pair, bool) {
	return verifyEntries(p, a, b, pa.e, pb.e, true)
}
