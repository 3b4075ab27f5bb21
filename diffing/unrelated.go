package diffing

import (
	"slices"
	"unicode"
)

// unrelatedWork is the product of token counts (about 500 by 500, a short
// article each) from which a word diff is first checked for being worth it:
// below it, any diff is cheap.
const unrelatedWork = 1 << 18

// unrelatedPairs is the share of the shorter passage's word pairs found in
// the other under which two long passages are taken as different texts
// rather than versions of one. Measured with this overlap: consecutive BBC
// articles (different stories) have a median of 0.04 and a 90th percentile
// of 0.08; seeds 003 and 004 (two outlets' own reports of one call) 0.12;
// the Clough-Stevenson answers written independently from the same source
// 0.07-0.17, and those that are heavy revisions of it 0.26-0.70. A passage
// contained in a longer one scores near 1.
const unrelatedPairs = 0.15

// unrelated reports whether x and y, with nx and ny word tokens, are long
// and the shorter shares so few of its word pairs with the other that a word diff would cost much (Myers is
// O(N·D), and D is everything) and show nothing: semantic cleanup drops
// any common run shorter than the changes around it, which in unrelated
// texts is every run. Word pairs, not words, because unrelated English
// texts share most of their common words but few of their bigrams.
func unrelated(x, y string, nx, ny int) bool {
	if nx*ny < unrelatedWork {
		return false
	}
	px, py := wordPairs(x), wordPairs(y)
	if len(px) == 0 || len(py) == 0 {
		return false
	}
	// dice over twice the smaller size is the overlap coefficient.
	return dice(px, py, 2*min(len(px), len(py))) < unrelatedPairs
}

// wordPairs returns the sorted hashes of consecutive lower-cased word pairs.
func wordPairs(s string) []uint64 {
	ws := wordHashesInOrder(s)
	if len(ws) < 2 {
		return ws
	}
	out := make([]uint64, len(ws)-1)
	for k := range out {
		out[k] = ws[k]*31 ^ ws[k+1]
	}
	slices.Sort(out)
	return out
}

// wordHashesInOrder returns FNV-1a hashes of the lower-cased words of s, in
// text order.
func wordHashesInOrder(s string) []uint64 {
	const offset, prime = 14695981039346656037, 1099511628211
	out := make([]uint64, 0, len(s)/5)
	h, in := uint64(offset), false
	for _, r := range s {
		if class(r) == clsWord {
			r = unicode.ToLower(r)
			for ; r > 0; r >>= 8 {
				h = (h ^ uint64(r&0xff)) * prime
			}
			in = true
			continue
		}
		if in {
			out = append(out, h)
			h, in = offset, false
		}
	}
	if in {
		out = append(out, h)
	}
	return out
}
