package reuse

import "sort"

// Passage is a stretch of text found in both texts. Offsets are in code
// points (runes) into the texts given to Find, End exclusive.
type Passage struct {
	AStart int    `json:"a_start"`
	AEnd   int    `json:"a_end"`
	BStart int    `json:"b_start"`
	BEnd   int    `json:"b_end"`
	AText  string `json:"a_text"`
	BText  string `json:"b_text"`
	// Score is the share of words matched in order: the longest common
	// subsequence of the copies' words (compared by stem) over the longer
	// copy's words, 0..1. Words moved about count once, so a cut-and-paste
	// scores above a rewording of the same passage.
	Score float64 `json:"score"`
	// Exact is true when both copies are the same words in the same order
	// (case, punctuation, quote style and spelling variants aside).
	Exact bool `json:"exact"`
}

// Options tune Find; zero values take the defaults.
type Options struct {
	// MinWords is the least number of words of each copy (7: "for the first
	// time since February 18" is a passage; a shared name is not).
	MinWords int
	// MinMatches is the least number of informative words (content words
	// not common in either text) a passage's copies must share (4).
	MinMatches int
	// MinDensity is the least share of each copy's informative words found
	// in the other copy (0.4), and twice the least weighted share (matched
	// weight, see MinEvidence, over informative words). Light rewording
	// keeps most content words; two texts on one subject share many words,
	// but not densely, and the rare ones least.
	MinDensity float64
	// MinEvidence is the least sum of the weights of the informative words
	// matched (3): a word found once in each text weighs 1, a word found
	// x times in one and y in the other 1/sqrt(xy). It keeps chance meetings
	// of a subject's frequent words from making passages.
	MinEvidence float64
	// MaxGap is the most words between two seeds merged into one passage,
	// in either text (12).
	MaxGap int
	// Window is how far apart (in content words) two content words may be
	// and still seed together (4). A larger window survives heavier
	// rewording and seeds more by chance.
	Window int
	// Gram is the length of the exact word n-grams that also seed (4).
	Gram int
	// MaxRepeat skips seeds occurring more than this many times in either
	// text (4): they would seed everywhere.
	MaxRepeat int
}

func (o Options) withDefaults() Options {
	def := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&o.MinWords, 7)
	def(&o.MinMatches, 4)
	def(&o.MaxGap, 12)
	def(&o.Window, 4)
	def(&o.Gram, 4)
	def(&o.MaxRepeat, 4)
	if o.MinEvidence <= 0 {
		o.MinEvidence = 3
	}
	if o.MinDensity <= 0 {
		o.MinDensity = 0.4
	}
	return o
}

// Find returns the passages a and b share, in a's order (then b's). It is
// deterministic; its time grows with the texts' length (sorting their
// seeds) and with the length of the passages found (aligning each).
func Find(a, b string, opt Options) []Passage {
	opt = opt.withDefaults()
	ra, rb := []rune(a), []rune(b)
	wa, wb := words(ra), words(rb)
	if len(wa) < opt.MinWords || len(wb) < opt.MinWords {
		return nil
	}
	weigh(wa, wb, opt.MaxRepeat)
	seeds := append(gramSeeds(wa, wb, opt), pairSeeds(wa, wb, opt)...)
	var fs []found
	for _, c := range extend(seeds, wa, wb, opt) {
		xa, xb := wa[c.a0:c.a1+1], wb[c.b0:c.b1+1]
		fs = append(fs, found{c, float64(inOrder(xa, xb)) / float64(max(len(xa), len(xb)))})
	}
	var out []Passage
	for _, f := range dropEchoes(fs) {
		out = append(out, passage(f, ra, rb, wa, wb))
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].AStart != out[j].AStart {
			return out[i].AStart < out[j].AStart
		}
		return out[i].BStart < out[j].BStart
	})
	return out
}

func passage(f found, ra, rb []rune, wa, wb []word) Passage {
	c := f.span
	p := Passage{
		AStart: wa[c.a0].start, AEnd: wa[c.a1].end,
		BStart: wb[c.b0].start, BEnd: wb[c.b1].end,
	}
	p.AText, p.BText = string(ra[p.AStart:p.AEnd]), string(rb[p.BStart:p.BEnd])
	xa, xb := wa[c.a0:c.a1+1], wb[c.b0:c.b1+1]
	p.Score = f.score
	if len(xa) == len(xb) {
		p.Exact = true
		for i := range xa {
			if xa[i].key != xb[i].key {
				p.Exact = false
				break
			}
		}
	}
	return p
}

// commonStems counts the stems the two runs share, with multiplicity, and
// sums their weights; with content set, only informative words count.
func commonStems(xa, xb []word, content bool) (int, float64) {
	count := make(map[uint64]int, len(xa))
	for _, w := range xa {
		if !content || informative(w) {
			count[w.stem]++
		}
	}
	n, weight := 0, 0.0
	for _, w := range xb {
		if (!content || informative(w)) && count[w.stem] > 0 {
			count[w.stem]--
			n++
			weight += w.weight
		}
	}
	return n, weight
}

// informative words are content words not common in either text: the
// words whose matches say something (see weigh).
func informative(w word) bool { return !w.stop && !w.common }

func informativeWords(x []word) int {
	n := 0
	for _, w := range x {
		if informative(w) {
			n++
		}
	}
	return n
}
