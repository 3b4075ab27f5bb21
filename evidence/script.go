package evidence

import (
	"strings"
	"unicode"
)

// cyrLatin transliterates Russian, Ukrainian, Belarusian, Bulgarian and
// Serbian Cyrillic the way English-language news spells names (Шойгу →
// shoigu, Зеленский → zelenskii, then VariantKey folds the ending), so that
// a name matches across scripts without a name list.
var cyrLatin = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "e", 'ж': "zh", 'з': "z",
	'и': "i", 'й': "i", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o", 'п': "p", 'р': "r",
	'с': "s", 'т': "t", 'у': "u", 'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch",
	'ъ': "", 'ы': "y", 'ь': "", 'э': "e", 'ю': "yu", 'я': "ya",
	'і': "i", 'ї': "i", 'є': "ye", 'ґ': "g", 'ў': "u", 'ђ': "dj", 'ј': "j", 'љ': "lj", 'њ': "nj", 'ћ': "c", 'џ': "dz",
}

// greekLatin follows the ELOT 743 transliteration, simplified.
var greekLatin = map[rune]string{
	'α': "a", 'β': "v", 'γ': "g", 'δ': "d", 'ε': "e", 'ζ': "z", 'η': "i", 'θ': "th", 'ι': "i",
	'κ': "k", 'λ': "l", 'μ': "m", 'ν': "n", 'ξ': "x", 'ο': "o", 'π': "p", 'ρ': "r", 'σ': "s",
	'ς': "s", 'τ': "t", 'υ': "y", 'φ': "f", 'χ': "ch", 'ψ': "ps", 'ω': "o",
}

// transliterate writes a folded Cyrillic or Greek word in Latin letters;
// other words are returned unchanged.
func transliterate(word string) string {
	if isLatin(word) {
		return word
	}
	var b strings.Builder
	changed := false
	for _, r := range word {
		if s, ok := cyrLatin[r]; ok {
			b.WriteString(s)
			changed = true
			continue
		}
		if s, ok := greekLatin[r]; ok {
			b.WriteString(s)
			changed = true
			continue
		}
		b.WriteRune(r)
	}
	if !changed {
		return word
	}
	return b.String()
}

// arabicLetter unifies the letter variants Arabic, Persian and Urdu texts
// write one word with: hamza-carrying alefs, alef maqsura and Persian yeh,
// teh marbuta, Arabic and Urdu kaf and heh. Tatweel (elongation) is
// dropped; diacritics are dropped later with every combining mark.
func arabicLetter(r rune) (rune, bool) {
	switch r {
	case 'أ', 'إ', 'آ', 'ٱ':
		return 'ا', true
	case 'ى', 'ی', 'ې', 'ئ':
		return 'ي', true
	case 'ة':
		return 'ه', true
	case 'ک':
		return 'ك', true
	case 'ہ', 'ھ', 'ۀ':
		return 'ه', true
	case 'ؤ':
		return 'و', true
	case 'ـ':
		return 0, false
	}
	return r, true
}

// isCJK reports a Han, Hiragana or Katakana character: scripts written
// without spaces, which are cut into character bigrams.
func isCJK(r rune) bool {
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r)
}

func isArabic(r rune) bool { return unicode.Is(unicode.Arabic, r) }
