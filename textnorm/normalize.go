package textnorm

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// Normalize returns s in the form used to compare texts: NFKC, case folded,
// typographic quotes, apostrophes and dashes unified to their ASCII forms,
// and every run of white space collapsed to one space, trimmed. It is for
// comparison only; the original text is always what is displayed.
func Normalize(s string) string {
	if !isASCII(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
		// A Caser holds state, so each call gets its own.
		s = cases.Fold().String(norm.NFKC.String(s))
	} else {
		// NFKC leaves ASCII alone and folding it is lower-casing: skip the
		// two transformers, which cost most of the time.
		s = foldASCII(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		r = unifyPunct(r)
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// unifyPunct maps the many quote, apostrophe and dash code points that
// outlets and translation tools use interchangeably to one ASCII form each.
func unifyPunct(r rune) rune {
	switch r {
	case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '\u02BC', '\u02BB', '`', '\u00B4':
		return '\''
	case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033', '\u00AB', '\u00BB', '\u2039', '\u203A', '\u300C', '\u300D':
		return '"'
	case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\uFE58', '\uFE63', '\uFF0D':
		return '-'
	case '\u00A0', '\u2007', '\u202F', '\u200B', '\uFEFF':
		return ' '
	}
	return r
}

// Fold returns word case folded, without diacritics and with apostrophes
// unified, so that "Zelenskyy’s", "ZELENSKYY's" and "Zelenskÿy's" compare
// equal. It works on single words; use Normalize for running text.
func Fold(word string) string {
	if isASCII(word) {
		return foldASCII(word)
	}
	word = strings.ToValidUTF8(word, "\uFFFD")
	var b strings.Builder
	b.Grow(len(word))
	for _, r := range norm.NFD.String(word) {
		if unicode.Is(unicode.Mn, r) {
			continue // a diacritic split off by NFD
		}
		r = unifyPunct(r)
		switch r {
		case 'ß', 'ẞ':
			b.WriteString("ss")
			continue
		case 'Æ', 'æ':
			b.WriteString("ae")
			continue
		case 'Œ', 'œ':
			b.WriteString("oe")
			continue
		case 'Þ', 'þ':
			b.WriteString("th")
			continue
		case 'Ø', 'ø':
			r = 'o'
		case 'Ł', 'ł':
			r = 'l'
		case 'Đ', 'đ':
			r = 'd'
		case 'ı':
			r = 'i'
		case 'ς':
			r = 'σ'
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func foldASCII(word string) string {
	upper := false
	for i := 0; i < len(word); i++ {
		if c := word[i]; c >= 'A' && c <= 'Z' || c == '`' {
			upper = true
			break
		}
	}
	if !upper {
		return word
	}
	b := []byte(word)
	for i, c := range b {
		switch {
		case c >= 'A' && c <= 'Z':
			b[i] = c + 'a' - 'A'
		case c == '`':
			b[i] = '\''
		}
	}
	return string(b)
}
