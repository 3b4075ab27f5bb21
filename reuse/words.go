package reuse

import (
	"math"

	"github.com/storydiff/storydiff/textnorm"
)

// word is one token of a text as the finder sees it: its place, its key for
// exact comparison, its stem for loose comparison, and whether it is a stop
// word (which never seeds on its own).
type word struct {
	start, end int // runes
	key        uint64
	stem       uint64
	stop       bool
	// common marks a content word frequent in either text (see weigh): it
	// does not seed.
	common bool
	// weight is how much a match of this word says: 1 for a word found once
	// in each text, less the more often it occurs.
	weight float64
}

func words(rs []rune) []word {
	ts := textnorm.WordsRunes(rs)
	out := make([]word, len(ts))
	for i, t := range ts {
		out[i] = word{
			start: t.Start, end: t.End,
			key:  hashString(t.Key),
			stem: hashString(stem(t.Key)),
			stop: stopWords[t.Key],
		}
	}
	return out
}

// weigh sets each content word's weight to 1/sqrt(count in a × count in
// b): a word each text uses once is strong evidence when both passages hold
// it, while two articles on one subject both repeat its names ("Ukraine",
// "Russian") and meet on them by chance everywhere. Words more frequent
// than 1% of a text's content words (and more than maxRepeat times) are
// marked common and do not seed at all.
func weigh(wa, wb []word, maxRepeat int) {
	count := func(ws []word) (map[uint64]int, int) {
		m, n := map[uint64]int{}, 0
		for _, w := range ws {
			if !w.stop {
				m[w.stem]++
				n++
			}
		}
		return m, max(maxRepeat, n/100)
	}
	ca, la := count(wa)
	cb, lb := count(wb)
	for _, ws := range [][]word{wa, wb} {
		for i := range ws {
			w := &ws[i]
			if w.stop {
				continue
			}
			x, y := ca[w.stem], cb[w.stem]
			w.common = x > la || y > lb
			if x > 0 && y > 0 {
				w.weight = 1 / math.Sqrt(float64(x*y))
			}
		}
	}
}
