package evidence

import (
	"math"
	"strings"
	"unicode"

	"github.com/storydiff/storydiff/textnorm"
)

func logf(x float64) float64 { return math.Log(x) }

// token is one word (or, in Chinese and Japanese, one character bigram).
type token struct {
	text      string // as written
	folded    string // folded and transliterated
	key       string // VariantKey of folded: what exact word runs compare
	stem      string // key cut to stemLen runes: what names and terms compare
	pos       int    // rune offset of its start
	end       int    // rune offset past its end
	num       bool
	cjk       bool
	capital   bool
	sentStart bool // first word of a sentence or line, so its capital says nothing
	// spaced: only spaces or tabs lie between it and the word before it
	// on its line (no punctuation, no line break).
	spaced bool
	quoted bool
	stop   bool
}

// stemLen: cutting words to their first six letters conflates the
// inflections of one word in most European languages (Regierung,
// Regierungen; gobierno, gobiernos; Putin, Putins, Putina) at a small
// cost in collisions, without a stemmer per language.
const stemLen = 6

// normArabic unifies Arabic-script letter variants (see arabicLetter).
func normArabic(s string) string {
	has := false
	for _, r := range s {
		if isArabic(r) {
			has = true
			break
		}
	}
	if !has {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if r2, keep := arabicLetter(r); keep {
			b.WriteRune(r2)
		}
	}
	return b.String()
}

// tokenize cuts text into tokens, fitting each script: words for scripts
// written with spaces, overlapping character bigrams for Chinese and
// Japanese runs.
func tokenize(text string) []token {
	rs := []rune(normArabic(text))
	var out []token
	sentStart, quoted, spaced := true, false, false
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case isCJK(r):
			j := i
			for j < len(rs) && isCJK(rs[j]) {
				j++
			}
			run := rs[i:j]
			if len(run) == 1 {
				out = append(out, cjkToken(string(run), i, quoted))
			}
			for k := 0; k+1 < len(run); k++ {
				out = append(out, cjkToken(string(run[k:k+2]), i+k, quoted))
			}
			i = j
			sentStart, spaced = false, false
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j := i
			for j < len(rs) {
				c := rs[j]
				if (unicode.IsLetter(c) || unicode.IsDigit(c) || unicode.Is(unicode.Mn, c)) && !isCJK(c) {
					j++
					continue
				}
				if j+1 < len(rs) && j > i && textnorm.IsJoiner(rs[j-1], c, rs[j+1]) {
					j += 2
					continue
				}
				break
			}
			t := wordToken(string(rs[i:j]), i, j, sentStart, quoted)
			t.spaced = spaced
			out = append(out, t)
			sentStart, spaced = false, true
			i = j
			continue
		}
		if r != ' ' && r != '\t' {
			spaced = false
		}
		switch r {
		case '.', '!', '?', ':', '\n', '。', '！', '？', ';':
			sentStart = true
		case '“', '«', '„', '「', '『':
			quoted = true
		case '”', '»', '」', '』':
			quoted = false
		case '"':
			quoted = !quoted
		}
		if r == '\n' {
			quoted = false
		}
		i++
	}
	return out
}

func cjkToken(s string, pos int, quoted bool) token {
	return token{text: s, folded: s, key: s, stem: s, pos: pos, end: pos + len([]rune(s)), cjk: true, quoted: quoted}
}

func wordToken(w string, start, end int, sentStart, quoted bool) token {
	t := token{text: w, pos: start, end: end, sentStart: sentStart, quoted: quoted}
	first := []rune(w)[0]
	if unicode.IsDigit(first) {
		if n, ok := normNumber(w); ok {
			t.num = true
			t.folded, t.key, t.stem = n, n, n
			return t
		}
	}
	t.capital = unicode.IsUpper(first)
	t.folded = transliterate(textnorm.Fold(w))
	t.key = textnorm.VariantKey(t.folded)
	t.stem = cut(stemKey(t.key), stemLen)
	n := len([]rune(t.folded))
	t.stop = n < 2 || (n < 3 && isLatin(t.folded)) || isStop(t.folded, t.key)
	return t
}

// stemKey evens out what transliteration and inflection leave apart in a
// variant key: q, w and x written k, v and ks (Lindqvist, Линдквист →
// lindkvist), and a final vowel dropped from longer words, which is where
// Russian, Spanish and Italian put case and number (Аннику, Annika).
func stemKey(k string) string {
	if !isLatin(k) {
		return k
	}
	if strings.ContainsAny(k, "qwx") {
		k = respellQWX(k)
	}
	if n := len(k); n >= 5 && strings.IndexByte("aeiouy", k[n-1]) >= 0 {
		k = k[:n-1]
	}
	return k
}

// respellQWX writes q, w and x of a Latin key as k, v and ks. A Replacer
// made per word spent more on being built than on replacing.
func respellQWX(k string) string {
	b := make([]byte, 0, len(k)+4)
	for i := 0; i < len(k); i++ {
		switch c := k[i]; c {
		case 'q':
			b = append(b, 'k')
		case 'w':
			b = append(b, 'v')
		case 'x':
			b = append(b, 'k', 's')
		default:
			b = append(b, c)
		}
	}
	return string(b)
}

func isLatin(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

func cut(s string, n int) string {
	k := 0
	for i := range s {
		if k == n {
			return s[:i]
		}
		k++
	}
	return s
}

// isAcronym: two or more letters, all capitals (NATO, EU, OTAN).
func isAcronym(w string) bool {
	n := 0
	for _, r := range w {
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n >= 2
}

// normNumber writes a number the same way whatever the language's
// separators: 1,000 / 1.000 / 1 000 → 1000; 3,5 / 3.5 → 3.5. A group of
// exactly three digits after the separator is read as thousands. Trailing
// letters (15.8m, 3rd) are dropped.
func normNumber(w string) (string, bool) {
	end := 0
	for end < len(w) && (w[end] >= '0' && w[end] <= '9' || w[end] == '.' || w[end] == ',') {
		end++
	}
	s := strings.TrimRight(w[:end], ".,")
	if s == "" {
		return "", false
	}
	var intPart, frac strings.Builder
	groups := strings.FieldsFunc(s, func(r rune) bool { return r == '.' || r == ',' })
	intPart.WriteString(groups[0])
	for k, g := range groups[1:] {
		last := k == len(groups)-2
		if len(g) == 3 && !(last && strings.Count(s, ".")+strings.Count(s, ",") == 1 && len(groups[0]) > 3) {
			intPart.WriteString(g)
			continue
		}
		if last {
			frac.WriteString(strings.TrimRight(g, "0"))
		} else {
			intPart.WriteString(g)
		}
	}
	n := strings.TrimLeft(intPart.String(), "0")
	if n == "" {
		n = "0"
	}
	if frac.Len() > 0 {
		n += "." + frac.String()
	}
	return n, true
}
