package textnorm

import "strings"

// VariantKey reduces a folded word (see Fold) to a small phonetic skeleton
// so that spellings and transliterations of one name count as one token:
// Zelensky, Zelenskyy, Zelenskiy, Zhelensky and Selenskyj all give the same
// key, as do Kyiv and Kiev, Shoigu and Shoygu, Sergei and Sergey.
//
// The rules are deliberately narrow, because a broad skeleton (dropping
// vowels, collapsing every double letter) merges ordinary English words
// such as bat/bit or hoping/hopping and blurs every similarity built on top.
// Each rule touches a spot where Latin transliterations of Slavic names
// disagree and English rarely has minimal pairs:
//   - a possessive "'s" or trailing apostrophe is dropped;
//   - the endings -iy, -yy, -yj, -ij, -yi, -ii become -y, and -ey, -ej become -ei;
//   - an initial zh becomes z, and in words of six letters or more an initial
//     s before a vowel becomes z (German Selenskyj);
//   - inside a word, y after a vowel or before i is written i (Shoygu, Kyiv;
//     not dye/die or byte/bite), and ii is written i;
//   - a final -iev becomes -iv (Kiev).
//
// Words holding anything but a-z after folding are returned unchanged.
func VariantKey(word string) string {
	w := strings.TrimSuffix(word, "'s")
	w = strings.TrimSuffix(w, "'")
	if w == "" {
		return word
	}
	for i := 0; i < len(w); i++ {
		if c := w[i]; c < 'a' || c > 'z' {
			return w
		}
	}
	if len(w) <= 3 {
		return w // too short to carry a transliteration, and roman numerals
	}
	b := []byte(w)
	// The -ing suffix is set aside so that copying/coping and
	// taxiing/taxing stay apart.
	ing := len(b) > 5 && string(b[len(b)-3:]) == "ing"
	if ing {
		b = b[:len(b)-3]
	}
	b = variantEnding(b)
	b = variantInitial(b)
	b = variantInner(b)
	if ing {
		b = append(b, "ing"...)
	}
	if n := len(b); n >= 4 && string(b[n-3:]) == "iev" {
		b = append(b[:n-3], 'i', 'v')
	}
	return string(b)
}

func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}

func variantEnding(b []byte) []byte {
	n := len(b)
	if n < 4 {
		return b
	}
	switch string(b[n-2:]) {
	case "iy", "yy", "yj", "ij", "yi", "ii":
		return append(b[:n-2], 'y')
	case "ey", "ej":
		b[n-1] = 'i'
	}
	return b
}

func variantInitial(b []byte) []byte {
	if len(b) >= 3 && b[0] == 'z' && b[1] == 'h' {
		b = append(b[:1], b[2:]...)
	}
	if len(b) >= 6 && b[0] == 's' && isVowel(b[1]) {
		b[0] = 'z'
	}
	return b
}

func variantInner(b []byte) []byte {
	out := b[:1]
	for i := 1; i < len(b); i++ {
		c := b[i]
		if c == 'y' && i < len(b)-1 && (isVowel(b[i-1]) || b[i+1] == 'i') {
			c = 'i'
		}
		if c == 'i' && out[len(out)-1] == 'i' {
			continue
		}
		out = append(out, c)
	}
	return out
}
