package textnorm

import (
	"github.com/storydiff/storydiff/core"
	"unicode"
	"unicode/utf8"
)

// Token is one word of a text: where it is, what it says, and the key it is
// compared by (VariantKey of its Fold).
type Token struct {
	core.Span
	Text string
	Key  string
}

// Words splits text into word tokens. A word is a run of letters, digits and
// combining marks; an apostrophe between letters stays inside it (don't,
// Kyiv's) and so does a point or comma between digits (15.8m, 1,000), so that
// numbers survive as single tokens. Hyphens split words.
func Words(text string) []Token {
	rs := []rune(text)
	return WordsRunes(rs)
}

// WordsRunes is Words for a text already converted to runes.
func WordsRunes(rs []rune) []Token {
	var out []Token
	i := 0
	for i < len(rs) {
		// A word starts with a letter or digit: a lone combining mark
		// would fold to nothing.
		if r := rs[i]; !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			i++
			continue
		}
		start := i
		for i < len(rs) {
			r := rs[i]
			if isWordRune(r) {
				i++
				continue
			}
			if i+1 < len(rs) && i > start && IsJoiner(rs[i-1], r, rs[i+1]) {
				i += 2
				continue
			}
			break
		}
		word := string(rs[start:i])
		key := VariantKey(Fold(word))
		if key == "" {
			key = word // letters that fold away entirely still need a key
		}
		out = append(out, Token{Span: core.Span{Start: start, End: i}, Text: word, Key: key})
	}
	return out
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// IsJoiner reports whether r, between prev and next, belongs inside a word:
// an apostrophe between letters (Kyiv's), a point or comma between digits
// (15.8m, 1,000).
func IsJoiner(prev, r, next rune) bool {
	switch r {
	case '\'', '\u2019', '\u02BC':
		return unicode.IsLetter(prev) && unicode.IsLetter(next)
	case '.', ',':
		return unicode.IsDigit(prev) && unicode.IsDigit(next)
	}
	return false
}

// CountWords returns len(Words(text)) without making the tokens: a count is
// all an import needs, and the tokens of a 35 MB text took 670 MB.
func CountWords(text string) int {
	n := 0
	for pos := 0; pos < len(text); {
		r, w := utf8.DecodeRuneInString(text[pos:])
		pos += w
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			continue
		}
		n++
		prev := r
		for pos < len(text) {
			r, w := utf8.DecodeRuneInString(text[pos:])
			if isWordRune(r) {
				prev, pos = r, pos+w
				continue
			}
			if pos+w < len(text) {
				next, nw := utf8.DecodeRuneInString(text[pos+w:])
				if IsJoiner(prev, r, next) {
					prev, pos = next, pos+w+nw
					continue
				}
			}
			break
		}
	}
	return n
}
