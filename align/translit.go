package align

import (
	"strings"

	"github.com/storydiff/storydiff/textnorm"
)

// latinKey makes a word key written in Cyrillic or Greek comparable with
// its Latin transliteration, so that a translation's sentences align with
// the original's by the names, numbers and dates they share: Шойгу and
// Shoigu, Белоусов and Belousov, 18 февраля and February 18. Keys are
// already folded (lower case, no diacritics); the transliteration then goes
// through textnorm.VariantKey like any Latin word, which absorbs the usual
// y/i disagreements (Шойгу gives shoygu, then shoigu).
func latinKey(key string) string {
	var b strings.Builder
	other := false
	for _, r := range key {
		if t, ok := translit[r]; ok {
			b.WriteString(t)
			other = true
			continue
		}
		b.WriteRune(r)
	}
	if !other {
		return key
	}
	w := b.String()
	switch w {
	case "may", "maya", "mae": // май, мая, мае: too short for a stem
		return "may"
	}
	for _, m := range months {
		if strings.HasPrefix(w, m.stem) && len(w) <= len(m.stem)+3 {
			return m.name
		}
	}
	return textnorm.VariantKey(w)
}

// translit follows the common news transliteration of Russian and
// Ukrainian (BGN/PCGN without diacritics) and of modern Greek.
var translit = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "e", 'ж': "zh", 'з': "z",
	'и': "i", 'й': "y", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o", 'п': "p", 'р': "r",
	'с': "s", 'т': "t", 'у': "u", 'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch",
	'ъ': "", 'ы': "y", 'ь': "", 'э': "e", 'ю': "yu", 'я': "ya", 'і': "i", 'ї': "yi", 'є': "ye", 'ґ': "g",
	'α': "a", 'β': "v", 'γ': "g", 'δ': "d", 'ε': "e", 'ζ': "z", 'η': "i", 'θ': "th", 'ι': "i",
	'κ': "k", 'λ': "l", 'μ': "m", 'ν': "n", 'ξ': "x", 'ο': "o", 'π': "p", 'ρ': "r", 'σ': "s",
	'ς': "s", 'τ': "t", 'υ': "y", 'φ': "f", 'χ': "ch", 'ψ': "ps", 'ω': "o",
}

// months maps the transliterated stems of Russian and Ukrainian month
// names (in any case ending) to the English key, as dates say the most in
// a translated news sentence after names and numbers.
var months = []struct{ stem, name string }{
	{"yanvar", "january"}, {"fevral", "february"}, {"mart", "march"}, {"aprel", "april"},
	{"iyun", "june"}, {"iyul", "july"}, {"avgust", "august"},
	{"sentyabr", "september"}, {"oktyabr", "october"}, {"noyabr", "november"}, {"dekabr", "december"},
	{"sich", "january"}, {"lyut", "february"}, {"berez", "march"}, {"kvit", "april"}, {"trav", "may"},
	{"cherv", "june"}, {"lyp", "july"}, {"serp", "august"}, {"veres", "september"}, {"zhovt", "october"},
	{"lystopad", "november"}, {"grud", "december"},
}
