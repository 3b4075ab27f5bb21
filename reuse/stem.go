package reuse

// stem reduces a word key (folded, see textnorm.Token.Key) to a crude stem,
// so that a rewording that changes a word's form still matches it:
// importance/important, maintain/maintaining, Russia/Russian/Russians,
// emphasised/emphasizes. A few inflectional endings are dropped, then the
// word is cut to six letters (prefix truncation, a known cheap stand-in for
// a stemmer in retrieval). Cutting merges some unrelated words
// (international/internal); seeds need two matching words close together in
// both texts, which keeps such merges from seeding on their own. Words that
// are not plain a-z (numbers, other scripts) are left as they are.
func stem(w string) string {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c < 'a' || c > 'z' {
			return w
		}
	}
	for _, suf := range suffixes {
		if n := len(w) - len(suf); n >= 3 && w[n:] == suf {
			if suf == "s" {
				switch w[n-1] {
				case 's', 'u', 'i':
					continue // class, status, analysis: not plurals
				}
			}
			w = w[:n]
			break
		}
	}
	if len(w) > 6 {
		w = w[:6]
	}
	// British and American spellings of -ise/-ize verbs end alike once cut.
	if len(w) >= 5 && w[4] == 'z' || len(w) == 6 && w[5] == 'z' {
		b := []byte(w)
		for i := 4; i < len(b); i++ {
			if b[i] == 'z' {
				b[i] = 's'
			}
		}
		return string(b)
	}
	return w
}

// suffixes are tried longest first; only the first that fits is dropped.
var suffixes = []string{"ings", "ing", "edly", "ed", "ies", "ly", "s"}
