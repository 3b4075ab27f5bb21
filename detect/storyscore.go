package detect

import (
	"math"
	"sync"
)

// storyScore says how likely two articles are versions of one story:
//
//	content = the higher of 0.5·cos(whole texts) + 0.5·cos(ledes) and
//	          cos(ledes) alone (versions of one event agree most on their
//	          ledes and wander apart after), or the share of sentences they
//	          have in common if that is higher;
//	score   = content × fade(date gap).
//
// Term vectors are TF·IDF where the IDF comes from a background model of
// everyday English (so a five-article archive still knows "Belousov" is rarer
// than "call"), damped by the term's frequency in this archive (so a name
// every article shares stops counting), with names, numbers and quoted words
// boosted. Comparing ledes as well as whole texts keeps long articles with
// unrelated asides close to the short reports of the same event.
func (ix *Index) storyScore(a, b *entry) float64 { return storyScore(ix.p, a, b) }

func storyScore(p Params, a, b *entry) float64 {
	whole, lede := dot(a.whole, b.whole), dot(a.lede, b.lede)
	content := max(0.5*whole+0.5*lede, lede)
	// One rare word shared many times (a country, a company) makes two
	// articles look alike without their being one event: versions of one
	// event share several of their rarest terms.
	content *= min(1, float64(overlap(a.top, b.top))/storyBreadth)
	if s := sharedShare(a.sents, b.sents); s > content {
		content = s
	}
	return content * dateFade(p, a.f.Day, b.f.Day)
}

// storyBreadth is how many of their rarest terms two articles must share for
// their content score to count in full.
const storyBreadth = 4

// archiveDamp scales a term down as more of the archive's articles hold it;
// below a few dozen articles the counts say little and it stays near 1.
func (ix *Index) archiveDamp(h uint64) float64 { return archiveDamp(ix.df[h], len(ix.docs)) }

// archiveDamp is the damping of a term held by df of an archive's n articles.
func archiveDamp(df int32, n int) float64 {
	if n < 3 || df <= 1 {
		return 1
	}
	lnN := lnInt(n + 1)
	return (lnN - lnInt(int(df))) / lnN
}

// lnTab holds ln(x) for small x: the damping runs for every term of every
// story candidate, and math.Log was most of Compare's time.
var lnTab = func() []float64 {
	t := make([]float64, 4096)
	for i := 1; i < len(t); i++ {
		t[i] = math.Log(float64(i))
	}
	return t
}()

func lnInt(x int) float64 {
	if x < len(lnTab) {
		return lnTab[x]
	}
	return math.Log(float64(x))
}

// prepareVectors damps and normalises every article's story vectors once,
// so that a batch compares them with plain dot products.
func (ix *Index) prepareVectors(ids []int64, workers int) {
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := w; i < len(ids); i += workers {
				e := ix.docs[ids[i]]
				e.whole, e.lede = ix.damped(e.f.Terms), ix.damped(e.f.Lede)
			}
		}(w)
	}
	wg.Wait()
}

func (ix *Index) damped(ts []Term) []Term { return damped(ts, ix.archiveDamp) }

// damped returns ts with each weight scaled by damp and the whole normalised.
func damped(ts []Term, damp func(uint64) float64) []Term {
	out := make([]Term, len(ts))
	var n float64
	for i, t := range ts {
		w := float64(t.Weight) * damp(t.Hash)
		out[i] = Term{Hash: t.Hash, Weight: float32(w)}
		n += w * w
	}
	if n > 0 {
		inv := float32(1 / math.Sqrt(n))
		for i := range out {
			out[i].Weight *= inv
		}
	}
	return out
}

// dot is the dot product of two sorted sparse vectors.
func dot(a, b []Term) float64 {
	var s float64
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i].Hash < b[j].Hash:
			i++
		case a[i].Hash > b[j].Hash:
			j++
		default:
			s += float64(a[i].Weight) * float64(b[j].Weight)
			i++
			j++
		}
	}
	return s
}

// sharedShare is the share of the shorter article's sentences found in the
// other: a reprint that kept whole sentences is the same story whatever its
// vocabulary.
func sharedShare(a, b []uint64) float64 {
	if len(a) < 3 || len(b) < 3 {
		return 0
	}
	n := 0
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			n++
			i++
			j++
		}
	}
	return float64(n) / float64(min(len(a), len(b)))
}

// dateFade is 1 for articles published within StoryDays of each other and
// falls as (StoryDays/gap)² beyond (a month later: 0.9, three months: 0.1);
// unknown dates do not fade.
func dateFade(p Params, a, b int32) float64 {
	if a == 0 || b == 0 {
		return 1
	}
	gap := math.Abs(float64(a - b))
	if gap <= p.StoryDays {
		return 1
	}
	f := p.StoryDays / gap
	return f * f
}

// StoryScore is the story score of two indexed articles, whether or not it
// reaches the threshold; 0 if either is not in the index.
func (ix *Index) StoryScore(a, b int64) float64 {
	ea, eb := ix.docs[a], ix.docs[b]
	if ea == nil || eb == nil || ix.opt.NoStories {
		return 0
	}
	return ix.storyScore(ea, eb)
}
