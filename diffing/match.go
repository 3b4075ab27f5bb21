package diffing

import (
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// block is a run of n tokens equal in A (from token a) and B (from token b).
type block struct{ a, b, n int }

// maxID is the number of distinct tokens one comparison can name: every
// valid code point except the surrogates. Past it a stretch is shown as
// replaced.
const maxID = 0x110000 - 0x800

// idRune names token number k by a valid code point: go-diff's operations
// are defined on code points (DiffMainRunes would turn others into U+FFFD).
func idRune(k int32) rune {
	if k >= 0xD800 {
		k += 0x800
	}
	return rune(k)
}

// matcher finds equal runs between two token sequences with go-diff, each
// distinct token mapped to one rune (as DiffLinesToRunes does for lines).
// It asks for positions (DiffMainRunesSpans, the same diff as DiffMainRunes)
// rather than for texts it would only measure.
type matcher struct {
	// ids names every distinct token the matcher has met, across calls:
	// a word, sentence or line keeps its id, so that the many small word
	// diffs of one comparison neither clear a large map nor insert their
	// common words again. seen[id] is the last call that met it, so that
	// each call still counts its own distinct tokens against maxID.
	ids map[string]int32
	// byteIDs names one-byte tokens (a space, a comma: about half of the
	// tokens of a word diff) without the map: id+1, 0 for none yet.
	byteIDs [256]int32
	seen    []int32
	call    int32
	// trimKeys compares tokens without their trailing white space (for
	// lines, so that a paragraph matches itself whatever follows it).
	trimKeys bool
	// runes holds the names of A's and B's tokens for one call: go-diff
	// keeps no reference to them once it has returned.
	runes [2][]rune
	// spans is go-diff's memory, kept from one call to the next: its
	// vectors were most of what a long word diff allocated.
	spans diffmatchpatch.SpanBuffers
}

// match returns the equal blocks of the token sequences ta and tb (bounds
// into sa and sb). ok is false when the deadline cut the comparison short
// (the blocks are then valid but maybe fewer than could be found) or there
// were too many distinct tokens to name.
func (m *matcher) match(sa string, ta []pos, sb string, tb []pos, deadline time.Time) (blocks []block, ok bool) {
	// Ids are kept across calls but must stay code points: start naming
	// again when this call could name past the last one.
	if m.ids == nil || len(m.seen)+len(ta)+len(tb) > maxID {
		*m = matcher{ids: make(map[string]int32, len(ta)+len(tb)), trimKeys: m.trimKeys, runes: m.runes, spans: m.spans}
	}
	m.call++
	distinct := 0
	ra, ok1 := m.names(m.runes[0][:0], sa, ta, &distinct)
	rb, ok2 := m.names(m.runes[1][:0], sb, tb, &distinct)
	if !ok1 || !ok2 {
		return nil, false
	}
	m.runes = [2][]rune{ra, rb}
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0
	if !deadline.IsZero() {
		left := time.Until(deadline)
		if left <= 0 {
			return nil, false
		}
		dmp.DiffTimeout = left
	}
	diffs := dmp.DiffMainRunesSpansWith(&m.spans, ra, rb)
	ok = deadline.IsZero() || time.Now().Before(deadline)
	for _, d := range diffs {
		if d.Type == diffmatchpatch.DiffEqual {
			blocks = append(blocks, block{d.A, d.B, d.Len})
		}
	}
	return blocks, ok
}

// names appends to out the rune naming each token of s bounded by t,
// counting the tokens this call had not met before in distinct.
func (m *matcher) names(out []rune, s string, t []pos, distinct *int) ([]rune, bool) {
	out = slices.Grow(out, len(t)-1)
	for k := 0; k+1 < len(t); k++ {
		key := s[t[k].b:t[k+1].b]
		if m.trimKeys {
			key = strings.TrimRight(key, " \t\r\n")
		}
		var id int32
		if len(key) == 1 {
			if id = m.byteIDs[key[0]] - 1; id < 0 {
				id = int32(len(m.seen))
				m.byteIDs[key[0]] = id + 1
				m.seen = append(m.seen, 0)
			}
		} else {
			var known bool
			if id, known = m.ids[key]; !known {
				id = int32(len(m.seen))
				m.ids[key] = id
				m.seen = append(m.seen, 0)
			}
		}
		if m.seen[id] != m.call {
			if *distinct >= maxID {
				return nil, false
			}
			*distinct++
			m.seen[id] = m.call
		}
		out = append(out, idRune(id))
	}
	return out, true
}

// keepWords is the length from which a run of equal words is kept whatever
// surrounds it: eight words in a row in common are a shared passage worth
// showing (and a sentence that stayed while others moved around it).
const keepWords = 8

// cleanupSemantic drops equal blocks that are no longer than the changes on
// both sides of them, measured in runes, unless they hold keepWords words,
// so that "the cat sat" against "a dog sat" reads as one replaced phrase,
// not as three replaced words around an unchanged space. It is go-diff's
// DiffCleanupSemantic reasoning applied to token blocks: run on the token
// code points, go-diff's own would weigh every token as one character
// whatever its length, and its lossless-shift step slices strings by rune
// counts, which is unsafe for multi-byte token names.
func cleanupSemantic(blocks []block, sa string, ta, tb []pos) []block {
	na, nb := len(ta)-1, len(tb)-1
	width := func(t []pos, from, to int) int { return t[to].r - t[from].r }
	// gap returns the larger side of the change between two blocks (or the
	// text's start/end).
	gap := func(prev, next *block) int {
		a0, b0 := 0, 0
		if prev != nil {
			a0, b0 = prev.a+prev.n, prev.b+prev.n
		}
		a1, b1 := na, nb
		if next != nil {
			a1, b1 = next.a, next.b
		}
		return max(width(ta, a0, a1), width(tb, b0, b1))
	}
	stack := make([]block, 0, len(blocks))
	for i := 0; i <= len(blocks); i++ {
		var next *block
		if i < len(blocks) {
			next = &blocks[i]
		}
		for len(stack) > 0 {
			top := &stack[len(stack)-1]
			var prev *block
			if len(stack) > 1 {
				prev = &stack[len(stack)-2]
			}
			w := width(ta, top.a, top.a+top.n)
			before, after := gap(prev, top), gap(top, next)
			if before == 0 || after == 0 || w > before || w > after ||
				countWords(sa[ta[top.a].b:ta[top.a+top.n].b]) >= keepWords {
				break
			}
			stack = stack[:len(stack)-1]
		}
		if next != nil {
			stack = append(stack, *next)
		}
	}
	return stack
}

// shiftOneSided slides each pure insertion or deletion between two equal
// blocks to where it starts with a word and ends after white space where it
// can ("sat on the mat" + "big " -> "sat on the big mat", not "sat on the
// big" + " mat"): the text stays the same, only the cut moves.
func shiftOneSided(blocks []block, sa string, ta []pos, sb string, tb []pos) {
	tok := func(s string, t []pos, k int) string { return s[t[k].b:t[k+1].b] }
	space := func(x string) bool { return x != "" && class(firstRune(x)) == clsSpace }
	for k := 0; k+1 < len(blocks); k++ {
		l, r := &blocks[k], &blocks[k+1]
		ga := r.a - (l.a + l.n) // deleted tokens
		gb := r.b - (l.b + l.n) // inserted tokens
		if (ga == 0) == (gb == 0) {
			continue
		}
		// Work on the side that has the gap; the other side's tokens are
		// equal to it wherever the blocks are.
		s, t, g0, n := sa, ta, l.a+l.n, ga
		if ga == 0 {
			s, t, g0, n = sb, tb, l.b+l.n, gb
		}
		// Leftmost possible start: slide left while the gap's last token
		// equals the token before it.
		lo := g0
		for lo > 0 && lo-1 >= g0-l.n && tok(s, t, lo-1) == tok(s, t, lo-1+n) {
			lo--
		}
		best, bestScore := lo, -1
		for st := lo; st <= g0+r.n; st++ {
			if st > lo && (st-1+n >= len(t)-1 || tok(s, t, st-1) != tok(s, t, st-1+n)) {
				break
			}
			score := 0
			if !space(tok(s, t, st)) {
				score += 2
			}
			if space(tok(s, t, st+n-1)) {
				score++
			}
			if score >= bestScore {
				best, bestScore = st, score
			}
		}
		if best == g0 {
			continue
		}
		d := best - g0
		if l.n+d <= 0 || r.n-d <= 0 {
			continue // keep both blocks non-empty; rare and harmless
		}
		l.n += d
		r.a += d
		r.b += d
		r.n -= d
	}
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}
