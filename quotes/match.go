package quotes

import (
	"hash/fnv"
	"strings"
)

// Threshold is the similarity at and above which Group puts two quotes
// together.
const Threshold = 0.7

// minContained is the fewest content words a quote needs before being a
// part of a longer quote counts as being the same quote: a two-word
// fragment ("immediate ceasefire") is inside too many different quotes.
const minContained = 4

// words returns the words a quote is matched on, and how many of them are
// content words: its Key without stop words, or all of its words when it
// has fewer than three content words (That is all we ask).
func words(q Quote) ([]string, int) {
	k := q.Key
	if k == "" {
		k = keyOf(q.Text)
	}
	all := strings.Fields(k)
	content := make([]string, 0, len(all))
	for _, w := range all {
		if !stopwords()[w] {
			content = append(content, w)
		}
	}
	if len(content) < 3 {
		return all, len(content)
	}
	return content, len(content)
}

// keyOf is Quote.Key for a text found elsewhere than by Find.
func keyOf(text string) string {
	d := newDoc(text)
	keys := make([]string, len(d.toks))
	for i, t := range d.toks {
		keys[i] = t.Key
	}
	return strings.Join(keys, " ")
}

// Similar returns how alike two quotes' wordings are, from 0 to 1: the
// longest run of their content words in common order (not necessarily
// adjacent, so an ellipsis or an inserted word costs only the words
// missing), over their mean length, or over the shorter one's length when
// it has at least four content words, all found in the longer one in
// order, so that a truncated quote matches its full form.
func Similar(a, b Quote) float64 {
	var m matcher
	overlap, contained := m.parts(m.seq(words(a)), m.seq(words(b)))
	return max(overlap, contained)
}

// matcher compares word sequences as small integers, each distinct word
// given one, with one row of dynamic-programming memory reused.
type matcher struct {
	dict map[string]int32
	row  []int32
}

// seq is a quote's matching words as integers, with its count of content
// words.
type seq struct {
	ids     []int32
	content int
}

func (m *matcher) seq(ws []string, content int) seq {
	if m.dict == nil {
		m.dict = map[string]int32{}
	}
	out := make([]int32, len(ws))
	for i, w := range ws {
		id, ok := m.dict[w]
		if !ok {
			id = int32(len(m.dict))
			m.dict[w] = id
		}
		out[i] = id
	}
	return seq{out, content}
}

// parts returns the two measures Similar takes the larger of: the common
// words over the mean length, and over the shorter length. The second is 0
// unless the shorter quote has at least minContained content words and as
// many in common: "one of the" or "first half of this year" is inside too
// many quotes to make one a part of another.
func (m *matcher) parts(a, b seq) (overlap, contained float64) {
	if len(a.ids) == 0 || len(b.ids) == 0 {
		return 0, 0
	}
	if min(a.content, b.content) < 3 && a.content != b.content {
		// Short quotes are compared on all their words, where one more
		// content word makes another quote: very clear / very clear rules.
		return 0, 0
	}
	n := m.lcs(a.ids, b.ids)
	overlap = 2 * float64(n) / float64(len(a.ids)+len(b.ids))
	short := a
	if len(b.ids) < len(a.ids) {
		short = b
	}
	if short.content >= minContained && n >= minContained {
		contained = float64(n) / float64(len(short.ids))
	}
	return overlap, contained
}

// lcs is the length of the longest common subsequence of a and b, in
// O(len(a)·len(b)) time and O(min) space.
func (m *matcher) lcs(a, b []int32) int {
	if len(a) < len(b) {
		a, b = b, a
	}
	if cap(m.row) < len(b)+1 {
		m.row = make([]int32, len(b)+1)
	}
	row := m.row[:len(b)+1]
	clear(row)
	for _, x := range a {
		var diag int32
		for j, y := range b {
			up := row[j+1]
			switch {
			case x == y:
				row[j+1] = diag + 1
			case row[j] > up:
				row[j+1] = row[j]
			}
			diag = up
		}
	}
	return int(row[len(b)])
}

// Keys returns the quote's candidate keys for an inverted index: a hash of
// every pair of adjacent matching words (one key of the single word when
// there is only one). Two quotes Group would put together share a key
// unless nearly every other word differs, so a caller holding the quotes
// of a whole archive looks its new quotes' keys up and calls Similar on
// the few quotes found, never on all pairs. A quote of n words has n-1
// keys; keys shared by very many quotes (a common phrase) may be skipped
// by the caller at the cost of missing quotes that share nothing else.
func Keys(q Quote) []uint64 {
	ws, _ := words(q)
	return keys(ws)
}

func keys(ws []string) []uint64 {
	if len(ws) == 1 {
		return []uint64{hash(ws[0], "")}
	}
	out := make([]uint64, 0, len(ws))
	seen := make(map[uint64]bool, len(ws))
	for i := 1; i < len(ws); i++ {
		h := hash(ws[i-1], ws[i])
		if !seen[h] {
			seen[h] = true
			out = append(out, h)
		}
	}
	return out
}

func hash(a, b string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(a))
	h.Write([]byte{0})
	h.Write([]byte(b))
	return h.Sum64()
}
