package quotes

import (
	"strings"
	"unicode"
)

// shortAttribution is the most words of a sentence that follows a quote
// ending in a full stop and may still attribute it: "said Pentagon
// spokesman Pat Ryder on Tuesday".
const shortAttribution = 8

// endsSentence reports whether the quote's last character ends a sentence.
func (d *doc) endsSentence(sp span) bool {
	r := d.rs[sp.end-1]
	return r == '.' || r == '!' || r == '?' || r == '…'
}

// postWindow returns the tokens of the sentence right after the closing
// mark, or an empty range when the sentence ended with the quote.
func (d *doc) postWindow(sp span) (int, int) {
	if sp.close < 0 {
		return 0, 0
	}
	a, _ := d.tokensIn(sp.close+1, len(d.rs))
	if a >= len(d.toks) || !d.clauseGap(sp.close+1, d.toks[a].Start) {
		return 0, 0
	}
	b := a + 1
	for b < len(d.toks) && b-a < postWindow && d.sameSentence(b) {
		b++
	}
	return a, b
}

// preWindow returns the tokens of the sentence before the opening mark, cut
// at the end of the previous quote; cut says whether it was.
func (d *doc) preWindow(sp span, prevClose int) (int, int, bool) {
	e, _ := d.tokensIn(sp.open, len(d.rs))
	if e == 0 || !d.clauseGap(d.toks[e-1].End, sp.open) && !d.colonBreak(d.toks[e-1].End, sp.open) {
		return 0, 0, false
	}
	a := e - 1
	for a > 0 && e-a < preWindow && d.sameSentence(a) && d.toks[a-1].Start > prevClose {
		a--
	}
	cut := prevClose >= 0 && prevClose < d.toks[a].Start && d.clauseGap(prevClose+1, d.toks[a].Start)
	return a, e, cut
}

// clauseGap reports whether the runes between a quote mark and a word
// leave them in one sentence: no line break, no full stop, no other quote.
func (d *doc) clauseGap(s, e int) bool {
	for _, r := range d.rs[s:e] {
		if r == '\n' || r == '.' || r == '!' || r == '?' || r == '…' || isMark(r) {
			return false
		}
	}
	return true
}

// colonBreak reports whether the runes between a word and a quote mark are
// a colon and a paragraph break: "Ryder said:" introducing a quoted
// paragraph.
func (d *doc) colonBreak(s, e int) bool {
	gap := strings.TrimLeftFunc(string(d.rs[s:e]), unicode.IsSpace)
	return strings.HasPrefix(gap, ":") && strings.TrimSpace(gap[1:]) == ""
}

// sameSentence reports whether token i continues the sentence of token
// i-1: no line break, quote mark or sentence end between them. A point
// after an initial or abbreviation (U.S., Gen.) does not end a sentence.
func (d *doc) sameSentence(i int) bool {
	prev := d.toks[i-1]
	for _, r := range d.rs[prev.End:d.toks[i].Start] {
		switch r {
		case '\n', '!', '?', '…', ';':
			return false
		case '\'', '’':
			// an apostrophe after a plural (Wales' physiotherapist)
		case '.':
			if !abbrev(prev.Text) {
				return false
			}
		default:
			if isMark(r) {
				return false
			}
		}
	}
	return true
}

var abbreviations = map[string]bool{"mr": true, "mrs": true, "ms": true, "dr": true, "gen": true,
	"sen": true, "rep": true, "gov": true, "lt": true, "col": true, "sgt": true, "st": true,
	"jr": true, "sr": true, "prof": true, "adm": true, "capt": true, "maj": true}

func abbrev(word string) bool {
	rs := []rune(word)
	return len(rs) == 1 && unicode.IsUpper(rs[0]) || abbreviations[strings.ToLower(word)]
}
