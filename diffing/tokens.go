package diffing

import (
	"github.com/storydiff/storydiff/core"
	"unicode"
	"unicode/utf8"

	"github.com/storydiff/storydiff/textnorm"
)

// pos is a place in a text, as a rune index (what the API reports) and a
// byte index (what slicing the Go string needs).
type pos struct{ r, b int }

// Tokenizers return the boundaries of the tokens covering s between from and
// to: bounds[0] == from, bounds[len-1] == to, and token k is
// [bounds[k], bounds[k+1]). Tokens cover the range with no gap, so a diff
// over tokens is a diff over the text.

// lineTokens cuts after each line break, keeping any following blank lines
// with the line, so that a paragraph and the blank lines after it are one
// token in the usual one-paragraph-per-line article.
func lineTokens(s string, from, to pos) []pos {
	out := []pos{from}
	p := from
	for p.b < to.b {
		c := s[p.b]
		if c < utf8.RuneSelf {
			p.b++
			p.r++
		} else {
			_, n := utf8.DecodeRuneInString(s[p.b:to.b])
			p.b += n
			p.r++
		}
		if c != '\n' {
			continue
		}
		// Swallow blank (white-space-only) lines that follow.
		for {
			q := p
			for q.b < to.b && (s[q.b] == ' ' || s[q.b] == '\t' || s[q.b] == '\r') {
				q.b++
				q.r++
			}
			if q.b < to.b && s[q.b] == '\n' {
				p = pos{q.r + 1, q.b + 1}
				continue
			}
			break
		}
		if p.b < to.b {
			out = append(out, p)
		}
	}
	if len(out) == 1 || out[len(out)-1] != to {
		out = append(out, to)
	}
	if from == to {
		return out[:1]
	}
	return out
}

// spanTokens turns textnorm spans (rune offsets relative to sub, trimmed)
// into covering tokens: each token starts where a span starts, so the
// white space after a span stays with it.
func spanTokens(s string, from, to pos, spans []core.Span) []pos {
	out := []pos{from}
	p := from
	k := 0
	for k < len(spans) && spans[k].Start == 0 {
		k++
	}
	rel := 0
	for p.b < to.b && k < len(spans) {
		_, n := utf8.DecodeRuneInString(s[p.b:to.b])
		p.b += n
		p.r++
		rel++
		if rel == spans[k].Start {
			out = append(out, p)
			k++
		}
	}
	if from != to {
		out = append(out, to)
	}
	return out
}

func sentenceTokens(s string, from, to pos) []pos {
	return spanTokens(s, from, to, textnorm.Sentences(s[from.b:to.b]))
}

func paragraphTokens(s string, from, to pos) []pos {
	return spanTokens(s, from, to, textnorm.Paragraphs(s[from.b:to.b]))
}

// charTokens makes every code point a token, except that combining marks,
// joiners and emoji modifiers stay with the character they modify.
func charTokens(s string, from, to pos) []pos {
	out := []pos{from}
	p := from
	prevJoin := false
	for p.b < to.b {
		r, n := utf8.DecodeRuneInString(s[p.b:to.b])
		if p != from && !prevJoin && !extends(r) {
			out = append(out, p)
		}
		prevJoin = r == '\u200D'
		p.b += n
		p.r++
	}
	if from != to {
		out = append(out, to)
	}
	return out
}

// Word token classes.
const (
	clsWord = iota
	clsSpace
	clsOther
	clsIdeo
)

// wordTokens cuts s into words (letters, digits and marks, with an
// apostrophe between letters or a point or comma between digits kept
// inside, as textnorm.Words does), runs of white space, and single other
// characters. Ideographs and kana are one token each, since those scripts
// do not put spaces between words.
func wordTokens(s string, from, to pos) []pos {
	return appendWordTokens(make([]pos, 0, (to.b-from.b)/3+2), s, from, to)
}

// appendWordTokens appends the bounds wordTokens returns to out.
func appendWordTokens(out []pos, s string, from, to pos) []pos {
	out = append(out, from)
	p := from
	prevCls := -1
	var prev rune
	prevJoin := false
	for p.b < to.b {
		if c := s[p.b]; c < utf8.RuneSelf && !prevJoin {
			// An ASCII character, the bulk of most texts: it extends
			// nothing, and only ' . , can join a word.
			cls := int(asciiClass[c])
			if p.b != from.b {
				switch {
				case cls == prevCls && (cls == clsWord || cls == clsSpace):
				case prevCls == clsWord && mayJoin(rune(c)) && isInnerJoiner(prev, rune(c), s[p.b+1:to.b]):
					cls = clsWord
				default:
					out = append(out, p)
				}
			}
			prevCls, prev = cls, rune(c)
			p.b++
			p.r++
			if cls == clsWord || cls == clsSpace {
				// The rest of an ASCII word or space run is not cut.
				j := p.b
				for j < to.b && s[j] < utf8.RuneSelf && asciiClass[s[j]] == int8(cls) {
					j++
				}
				if j > p.b {
					prev = rune(s[j-1])
					p.r += j - p.b
					p.b = j
				}
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(s[p.b:to.b])
		cls := class(r)
		cut := p != from
		switch {
		case !cut:
		case prevJoin || extends(r):
			cut = false
		case cls == clsWord && prevCls == clsWord:
			cut = false
		case cls == clsSpace && prevCls == clsSpace:
			cut = false
		case prevCls == clsWord && isInnerJoiner(prev, r, s[p.b+n:to.b]):
			// The joiner itself stays in the word; the next rune then
			// continues it as a word rune.
			cut = false
			cls = clsWord
		}
		if cut {
			out = append(out, p)
		}
		prevJoin = r == '\u200D'
		prevCls, prev = cls, r
		p.b += n
		p.r++
	}
	if from != to {
		out = append(out, to)
	}
	return out
}

// mayJoin reports whether r is one of the characters textnorm.IsJoiner
// can keep inside a word, so that the others skip the call.
func mayJoin(r rune) bool {
	return r == '\'' || r == '.' || r == ',' || r == '\u2019' || r == '\u02BC'
}

// asciiClass holds class for the ASCII range, the bulk of most texts.
var asciiClass = func() (t [utf8.RuneSelf]int8) {
	for r := range rune(utf8.RuneSelf) {
		t[r] = int8(slowClass(r))
	}
	return t
}()

func class(r rune) int {
	if r < utf8.RuneSelf {
		return int(asciiClass[r])
	}
	return slowClass(r)
}

func slowClass(r rune) int {
	switch {
	case unicode.IsSpace(r):
		return clsSpace
	case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana):
		return clsIdeo
	case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
		return clsWord
	}
	return clsOther
}

// extends reports whether r belongs to the character before it: combining
// marks, variation selectors, zero-width joiners and emoji skin tones.
func extends(r rune) bool {
	if r < 0x300 {
		return false // below the first combining mark
	}
	return unicode.In(r, unicode.Mn, unicode.Me, unicode.Mc) || r == '\u200D' ||
		(r >= 0xFE00 && r <= 0xFE0F) || (r >= 0x1F3FB && r <= 0x1F3FF) ||
		(r >= 0xE0020 && r <= 0xE007F)
}

// isInnerJoiner reports whether r, after a word rune prev and before rest,
// stays inside the word, by textnorm's rule, so that diffs and word counts cut
// words alike.
func isInnerJoiner(prev, r rune, rest string) bool {
	if rest == "" {
		return false
	}
	next, _ := utf8.DecodeRuneInString(rest)
	return textnorm.IsJoiner(prev, r, next)
}

// countWords counts the words of s as wordTokens cuts them (and as
// textnorm.Words counts them).
func countWords(s string) int {
	n := 0
	in := false
	var prev rune
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			// ASCII: no ideographs, nothing that extends a word, and
			// only ' . , can join one.
			switch cls := asciiClass[c]; {
			case cls == clsWord:
				if !in {
					n++
				}
				in = true
				// The rest of an ASCII word changes nothing but prev.
				j := i + 1
				for j < len(s) && s[j] < utf8.RuneSelf && asciiClass[s[j]] == clsWord {
					j++
				}
				prev = rune(s[j-1])
				i = j
				continue
			case in && mayJoin(rune(c)) && isInnerJoiner(prev, rune(c), s[i+1:]):
			default:
				in = false
			}
			prev = rune(c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		c := class(r)
		switch {
		case c == clsIdeo:
			n++
			in = false
		case c == clsWord || (in && extends(r)):
			if !in {
				n++
			}
			in = true
		case in && mayJoin(r) && isInnerJoiner(prev, r, s[i+size:]):
			// stays inside the word
		default:
			in = false
		}
		prev = r
		i += size
	}
	return n
}

// anchorTokens cuts s roughly into sentences, fast: after '.', '!', '?' or
// a line break followed by white space, which stays with the sentence. They only serve
// as anchors inside very long changed stretches, before the word diff, so
// they need not know about abbreviations the way textnorm.Sentences does.
func anchorTokens(s string, from, to pos) []pos {
	out := make([]pos, 1, (to.b-from.b)/64+2)
	out[0] = from
	// The rune index of a cut is counted from the cut before it, so that
	// the bytes between sentence ends are only skipped: the text is valid
	// UTF-8 (Clean), and the bytes that matter here are ASCII, which never
	// continue a rune.
	last := from
	cut := func(b int) {
		last = pos{last.r + utf8.RuneCountInString(s[last.b:b]), b}
		out = append(out, last)
	}
	// stop: a sentence end was seen; gap: white space followed it. Only
	// both cut, so "15.8" and "U.S." stay whole. Without a stop there is
	// no gap, and nothing but a sentence end or a line break changes that.
	stop, gap := false, false
	for b := from.b; b < to.b; b++ {
		if !stop {
			for b < to.b && anchorClass[s[b]] < acStop {
				b++
			}
			if b == to.b {
				break
			}
		}
		switch anchorClass[s[b]] {
		case acOther:
			if stop && gap {
				cut(b)
				gap = false
			}
			stop = false
		case acSpace:
			gap = gap || stop
		case acStop:
			if stop && gap {
				cut(b)
			}
			stop, gap = true, false
		case acBreak:
			stop, gap = true, true
		}
	}
	if from != to {
		out = append(out, to)
	}
	return out
}

// Byte classes for anchorTokens.
const (
	acOther = iota // anything else, including every byte of a multi-byte rune
	acSpace        // space, tab, carriage return
	acStop         // . ! ? (this class and the next are the ones that start a cut)
	acBreak        // a line break: ends a sentence and is white space after it
)

var anchorClass = func() (t [256]uint8) {
	t[' '], t['\t'], t['\r'] = acSpace, acSpace, acSpace
	t['.'], t['!'], t['?'] = acStop, acStop, acStop
	t['\n'] = acBreak
	return t
}()
