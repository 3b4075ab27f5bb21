package detect

import (
	"github.com/storydiff/storydiff/core"
	"sort"
	"strings"

	"github.com/storydiff/storydiff/textnorm"
)

// Least sizes for a repeat, so that a stray "Read more." twice is not one.
const (
	repeatSentenceWords = 2
	repeatRunWords      = 6
)

// RepeatedPassages finds runs of normalised sentences that occur twice or
// more in text. Runs are maximal, so a headline followed by its lede, both
// repeated, is one passage with two occurrences, not two passages. Lines of
// site chrome and one-word sentences are skipped, and do not break
// a run.
func RepeatedPassages(text string) []core.Repeat {
	rs := []rune(text)
	type sent struct {
		span  core.Span
		hash  uint64
		words int
	}
	type candidate struct {
		sent
		norm string
	}
	var cands []candidate
	seen := map[uint64]bool{}
	twice := false
	for _, sp := range textnorm.Sentences(text) {
		norm := textnorm.Normalize(string(rs[sp.Start:sp.End]))
		words := strings.Count(norm, " ") + 1
		if words < repeatSentenceWords {
			continue
		}
		h := hashString(norm)
		twice = twice || seen[h]
		seen[h] = true
		cands = append(cands, candidate{sent{sp, h, words}, norm})
	}
	// Most articles repeat no sentence: then, leaving out chrome or not,
	// there is no run, and the chrome patterns (most of the time spent
	// here) need not be tried.
	if !twice {
		return nil
	}
	var ss []sent
	for _, c := range cands {
		if !chromeLine(c.norm) {
			ss = append(ss, c.sent)
		}
	}
	at := map[uint64][]int{}
	for i, s := range ss {
		at[s.hash] = append(at[s.hash], i)
	}
	type run struct {
		key    uint64
		starts map[int]bool
		length int
	}
	runs := map[uint64]*run{}
	var order []uint64
	for i := range ss {
		for _, j := range at[ss[i].hash] {
			if j <= i || (i > 0 && ss[i-1].hash == ss[j-1].hash) {
				continue // not a later copy, or not the start of a maximal run
			}
			n, words := 0, 0
			for i+n < j && j+n < len(ss) && ss[i+n].hash == ss[j+n].hash {
				words += ss[i+n].words
				n++
			}
			if words < repeatRunWords {
				continue
			}
			hs := make([]uint64, n)
			for k := range hs {
				hs[k] = ss[i+k].hash
			}
			key := hashUint64s(hs)
			r := runs[key]
			if r == nil {
				r = &run{key: key, starts: map[int]bool{}, length: n}
				runs[key] = r
				order = append(order, key)
			}
			r.starts[i], r.starts[j] = true, true
		}
	}
	var out []core.Repeat
	for _, key := range order {
		r := runs[key]
		starts := make([]int, 0, len(r.starts))
		for s := range r.starts {
			starts = append(starts, s)
		}
		sort.Ints(starts)
		rep := core.Repeat{}
		for _, s := range starts {
			sp := core.Span{Start: ss[s].span.Start, End: ss[s+r.length-1].span.End}
			rep.Occurrences = append(rep.Occurrences, sp)
		}
		first := rep.Occurrences[0]
		rep.Text = string(rs[first.Start:first.End])
		out = append(out, rep)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Occurrences[0].Start < out[j].Occurrences[0].Start })
	return out
}
