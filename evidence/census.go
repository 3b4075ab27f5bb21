package evidence

import "math"

// An archive's census says how many of its profiled articles hold each key
// (among their names, places, numbers, dates and rare terms: RareKeys).
// Rarity against everyday English cannot tell that "Corp" heads thousands
// of a wire service's items, or "Labour" half of a politics desk's: names
// and words most of an archive holds say little about which event a report
// is on. Discount takes such keys' weight down, and their part in the
// counts of shared names, by how common they are in the archive.
type Census struct {
	// Articles is how many articles were counted.
	Articles int
	// Holding returns how many of them hold key.
	Holding func(key uint64) int
}

// Below censusArticles articles, or censusHolders holders of a key, shares
// are too coarse to read (in an archive of five seeds every name is in a
// fifth of it); from commonShare of the archive on, a key loses weight.
const (
	censusArticles = 200
	censusHolders  = 20
	commonShare    = 0.03
	// Past mostShare of the archive a key keeps what it keeps there: a
	// word nearly every article holds still tells a little.
	mostShare = 0.2
	// A word of what happened (Profile.Event) that more than eventShare
	// of the archive holds (and censusHolders articles at least) is one
	// the archive's reports use again and again: rates rise, oil prices,
	// an election. Between reports whose dates do not place them together
	// it is no sign of one happening (see eventFound). On the real archive
	// (seeds, BBC, Reuters-21578; BENCHMARKS.md), of 285 links of one
	// event between undated 2005 reports and 1987 stories, rescored: 179
	// stay at 3%, 139 at 1%, 109 at 0.5%, 102 at 0.2%. Were every SemEval
	// pair such a pair, 0.899 of its same-story pairs would still link at
	// 3%, 0.864 at 0.5%, 0.794 without the event words at all (0.921 as
	// they are).
	eventShare = 0.005
)

// kept is the share of its weight a key held by df of n articles keeps: 1
// up to commonShare, then falling with the log of the share, to what a key
// of mostShare keeps.
func kept(df, n int) float64 {
	if n < censusArticles || df < censusHolders {
		return 1
	}
	s := min(float64(df)/float64(n), mostShare)
	if s <= commonShare {
		return 1
	}
	return math.Log(1/s) / math.Log(1/commonShare)
}

// Discount weighs p's names, places, quotes, terms, title and lede by how
// common each key is in the archive c counts. It is applied once to a
// profile as read; a second call does nothing.
func (p *Profile) Discount(c Census) {
	if p.discounted || !CensusApplies(c.Articles) || c.Holding == nil {
		return
	}
	p.discounted = true
	for _, l := range [][]Item{p.Names, p.Places, p.Quotes, p.Terms, p.Title, p.Lede, p.Key} {
		for i := range l {
			if k := kept(c.Holding(l[i].Key), c.Articles); k < 1 {
				l[i].W *= float32(k)
				l[i].Common = float32(1 - k)
			}
		}
	}
	// Event words keep their weight: within a pair of one time they say
	// which event however many reports use them. They are only marked.
	for i := range p.Event {
		if eventCommon(c.Holding(p.Event[i].Key), c.Articles) {
			p.Event[i].Common = 1
		}
	}
}

// eventCommon reports whether a word of what happened held by df of n
// articles is common in the archive (see eventShare).
func eventCommon(df, n int) bool {
	return n >= censusArticles && df >= censusHolders && float64(df) > eventShare*float64(n)
}

// CensusApplies reports whether an archive of n articles is large enough for its
// census to weigh anything: below that, a census need not be read.
func CensusApplies(n int) bool { return n >= censusArticles }

// Weighs reports whether a key held by held of n articles loses weight or
// is a common word of what happened (see eventCommon):
// a census that leaves out every count for which it does not (a left-out
// key is held by none) discounts a profile as the whole census does, so a
// distributed linking need ship only these counts.
func Weighs(held, n int) bool { return kept(held, n) < 1 || eventCommon(held, n) }

// DiscountKeys returns the keys Discount looks up for p: those a census
// must count.
func (p *Profile) DiscountKeys() []uint64 {
	lists := [][]Item{p.Names, p.Places, p.Quotes, p.Terms, p.Title, p.Lede, p.Key, p.Event}
	n := 0
	for _, l := range lists {
		n += len(l)
	}
	out := make([]uint64, 0, n)
	for _, l := range lists {
		for _, it := range l {
			out = append(out, it.Key)
		}
	}
	return out
}
