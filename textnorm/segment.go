package textnorm

import (
	"github.com/storydiff/storydiff/core"
	"strings"
	"unicode"
)

// Lines returns every non-blank line of text, trimmed of surrounding white
// space. Scraped articles carry one paragraph, headline or chrome item per
// line, so lines are the unit boilerplate is judged on.
func Lines(text string) []core.Span {
	return linesOf(text)
}

func lines(rs []rune) []core.Span {
	var out []core.Span
	start := 0
	for i := 0; i <= len(rs); i++ {
		if i < len(rs) && rs[i] != '\n' && rs[i] != '\r' {
			continue
		}
		if sp, ok := trim(rs, start, i); ok {
			out = append(out, sp)
		}
		start = i + 1
	}
	return out
}

// Paragraphs returns the blocks of text separated by blank lines, trimmed.
// A text without any blank line is taken to put one paragraph per line, as
// most scrapers and plain-text exports do.
func Paragraphs(text string) []core.Span {
	rs := []rune(text)
	ls := lines(rs)
	blank := false
	for k := 1; k < len(ls); k++ {
		if hasBlankLine(rs[ls[k-1].End:ls[k].Start]) {
			blank = true
			break
		}
	}
	if !blank {
		return ls
	}
	var out []core.Span
	cur := core.Span{Start: -1, End: -1}
	for k, l := range ls {
		if k > 0 && hasBlankLine(rs[ls[k-1].End:l.Start]) {
			out = append(out, cur)
			cur = core.Span{Start: -1, End: -1}
		}
		if cur.Start < 0 {
			cur.Start = l.Start
		}
		cur.End = l.End
	}
	if cur.Start >= 0 {
		out = append(out, cur)
	}
	return out
}

// hasBlankLine reports whether the white space between two lines holds an
// empty line, that is two line breaks.
func hasBlankLine(gap []rune) bool {
	n := 0
	for k, r := range gap {
		if r == '\n' || (r == '\r' && (k+1 == len(gap) || gap[k+1] != '\n')) {
			n++
		}
	}
	return n >= 2
}

func trim(rs []rune, start, end int) (core.Span, bool) {
	for start < end && unicode.IsSpace(rs[start]) {
		start++
	}
	for end > start && unicode.IsSpace(rs[end-1]) {
		end--
	}
	return core.Span{Start: start, End: end}, end > start
}

// abbreviations are words that end in a point without ending a sentence
// when a capitalised word follows (Mr. Austin, Gen. Milley, Jan. 5).
var abbreviations = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`mr mrs ms dr prof sr jr st mt gen col lt maj capt cmdr adm sgt
		sen rep gov pres supt insp rev hon messrs mme mlle ltd inc co corp bros dept univ est approx
		vs etc al fig no nos vol pp ch art sec jan feb mar apr jun jul aug sep sept oct nov dec
		ave blvd rd ft`) {
		abbreviations[w] = true
	}
}

// Sentences splits text into sentences. A line break always ends one (a
// headline has no full stop); inside a line a sentence ends at . ! ? or …
// (with any closing quotes or brackets) followed by white space and a word
// that does not start in lower case. A point does not end a sentence after a
// known abbreviation (Mr.), a single letter (J. Smith) or a dotted acronym
// (U.S.), and never inside a number (15.8m).
func Sentences(text string) []core.Span {
	rs := []rune(text)
	var out []core.Span
	for _, l := range lines(rs) {
		out = sentencesIn(rs, l, out)
	}
	return out
}

func sentencesIn(rs []rune, l core.Span, out []core.Span) []core.Span {
	start := l.Start
	for i := l.Start; i < l.End; i++ {
		r := rs[i]
		if !isTerminator(r) {
			continue
		}
		j := i + 1
		for j < l.End && (isTerminator(rs[j]) || isCloser(rs[j])) {
			j++
		}
		if j == l.End {
			break
		}
		if !unicode.IsSpace(rs[j]) {
			i = j - 1
			continue
		}
		k := j
		for k < l.End && unicode.IsSpace(rs[k]) {
			k++
		}
		if unicode.IsLower(rs[k]) || (r == '.' && j == i+1 && abbreviationBefore(rs, l.Start, i)) {
			i = k - 1
			continue
		}
		if sp, ok := trim(rs, start, j); ok {
			out = append(out, sp)
		}
		start = k
		i = k - 1
	}
	if sp, ok := trim(rs, start, l.End); ok {
		out = append(out, sp)
	}
	return out
}

func isTerminator(r rune) bool {
	switch r {
	case '.', '!', '?', '…', '。', '！', '？':
		return true
	}
	return false
}

func isCloser(r rune) bool {
	switch r {
	case '"', '\'', '”', '’', '»', '›', ')', ']', '」':
		return true
	}
	return false
}

// abbreviationBefore reports whether the point at rs[dot] closes an
// abbreviation rather than a sentence.
func abbreviationBefore(rs []rune, lineStart, dot int) bool {
	s := dot
	for s > lineStart && (unicode.IsLetter(rs[s-1]) || rs[s-1] == '.') {
		s--
	}
	word := rs[s:dot]
	if len(word) == 0 {
		return false
	}
	if len(word) == 1 && unicode.IsUpper(word[0]) {
		return true // an initial: J. Smith
	}
	for _, r := range word {
		if r == '.' {
			return true // a dotted acronym: U.S., e.g.
		}
	}
	return abbreviations[strings.ToLower(string(word))]
}
