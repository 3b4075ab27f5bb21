package app

// sharedKeys counts, for one article at a time, how many of its rare keys
// each article of a whole-archive linking holds: by position in the key
// index's ids, with the positions touched listed, so that choosing and
// clearing cost what was counted rather than the archive. A map from id to
// count did the same with a hash and an insert for every holder of every
// key (a tenth of the linking's CPU at 20,000 articles).
type sharedKeys struct {
	n       []int32  // by position; 0 for every position not in touched
	touched []uint32 // the positions counted, in the order first counted
}

func newSharedKeys(articles int) *sharedKeys { return &sharedKeys{n: make([]int32, articles)} }

func (s *sharedKeys) add(pos uint32) {
	if s.n[pos] == 0 {
		s.touched = append(s.touched, pos)
	}
	s.n[pos]++
}

// top returns what topCandidates returns for the same counts: the n
// articles sharing the most keys (then the smallest ids; ids ascend with
// positions), without self, followed by extra not already among them. It
// leaves the counts cleared for the next article.
func (s *sharedKeys) top(ids []int64, self int64, extra []int64, n int) []int64 {
	defer s.reset()
	shared := func(yield func(uint32, int) bool) {
		for _, p := range s.touched {
			if ids[p] != self && !yield(p, int(s.n[p])) {
				return
			}
		}
	}
	chosen := mostShared(shared, func(p uint32) int { return int(s.n[p]) }, n)
	out := make([]int64, len(chosen), len(chosen)+len(extra))
	for i, p := range chosen {
		out[i] = ids[p]
	}
	return withExtra(out, self, extra)
}

func (s *sharedKeys) reset() {
	for _, p := range s.touched {
		s.n[p] = 0
	}
	s.touched = s.touched[:0]
}
