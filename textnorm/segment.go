package textnorm

import (
	"github.com/storydiff/storydiff/core"
	"strings"
	"unicode"
	"unicode/utf8"
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
// most scrapers and plain-text exports do. It walks the string, counting
// runes as it goes, rather than converting it to runes (four bytes each):
// a diff takes the paragraphs of both texts.
func Paragraphs(text string) []core.Span {
	ls := lineBounds(text)
	blank := false
	for k := 1; k < len(ls); k++ {
		if hasBlankLineIn(text[ls[k-1].endByte:ls[k].startByte]) {
			blank = true
			break
		}
	}
	if len(ls) == 0 {
		return nil
	}
	out := make([]core.Span, 0, len(ls))
	if !blank {
		for _, l := range ls {
			out = append(out, l.Span)
		}
		return out
	}
	cur := core.Span{Start: -1, End: -1}
	for k, l := range ls {
		if k > 0 && hasBlankLineIn(text[ls[k-1].endByte:l.startByte]) {
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

// lineBound is a trimmed line: its rune span and where it starts and ends
// in bytes.
type lineBound struct {
	core.Span
	startByte, endByte int
}

// lineBounds is linesOf with the lines' byte offsets too. Line breaks are
// ASCII, so it looks for them byte-wise and counts the runes of each line
// at once.
func lineBounds(text string) []lineBound {
	var out []lineBound
	pos, ri := 0, 0
	for {
		rest := text[pos:]
		stop := strings.IndexByte(rest, '\n')
		if stop < 0 {
			stop = len(rest)
		}
		if cr := strings.IndexByte(rest[:stop], '\r'); cr >= 0 {
			stop = cr
		}
		line := rest[:stop]
		if sp, lead, trail, ok := trimLineBytes(line, ri); ok {
			out = append(out, lineBound{Span: sp, startByte: pos + lead, endByte: pos + stop - trail})
		}
		if stop == len(rest) {
			return out
		}
		ri += utf8.RuneCountInString(line) + 1
		pos += stop + 1
	}
}

// trimLineBytes is trimLine, also giving the bytes of white space trimmed
// at each end.
func trimLineBytes(line string, base int) (sp core.Span, lead, trail int, ok bool) {
	n := len(line)
	leadRunes := 0
	for len(line) > 0 {
		r, w := utf8.DecodeRuneInString(line)
		if !unicode.IsSpace(r) {
			break
		}
		line, lead, leadRunes = line[w:], lead+w, leadRunes+1
	}
	for len(line) > 0 {
		r, w := utf8.DecodeLastRuneInString(line)
		if !unicode.IsSpace(r) {
			break
		}
		line = line[:len(line)-w]
	}
	if line == "" {
		return core.Span{}, 0, 0, false
	}
	start := base + leadRunes
	return core.Span{Start: start, End: start + utf8.RuneCountInString(line)}, lead, n - lead - len(line), true
}

// hasBlankLineIn is hasBlankLine on the bytes between two lines (line
// breaks are ASCII, never part of a longer encoding).
func hasBlankLineIn(gap string) bool {
	n := 0
	for k := 0; k < len(gap); k++ {
		if c := gap[k]; c == '\n' || (c == '\r' && (k+1 == len(gap) || gap[k+1] != '\n')) {
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
