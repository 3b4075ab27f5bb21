package evidence

import (
	_ "embed"
	"strings"
	"sync"

	"github.com/storydiff/storydiff/detect"
	"github.com/storydiff/storydiff/textnorm"
)

//go:embed lexicon.txt
var lexiconFile string

//go:embed stopwords.txt
var stopwordsFile string

// lexEntry is a place or name known under several forms.
type lexEntry struct {
	place bool
	key   string // canonical Latin key
}

type lexForm struct {
	form  string
	entry lexEntry
}

// lexiconData is the embedded lexicon and stop-word list, read on first use:
// every command links this package, few of them score evidence.
type lexiconData struct {
	// words maps the matching key of a one- or two-word form to its entry.
	words map[string]lexEntry
	// cjk holds forms written without spaces, found as substrings.
	cjk      []lexForm
	stopword map[string]bool
}

var lexicon = sync.OnceValue(loadLexicon)

func loadLexicon() *lexiconData {
	lex := &lexiconData{words: map[string]lexEntry{}, stopword: map[string]bool{}}
	for _, line := range strings.Split(lexiconFile, "\n") {
		f := strings.Fields(line)
		if len(f) < 2 || strings.HasPrefix(f[0], "#") {
			continue
		}
		e := lexEntry{place: f[0] == "place", key: f[1]}
		for _, form := range f[1:] {
			rs := []rune(form)
			if isCJK(rs[0]) {
				lex.cjk = append(lex.cjk, lexForm{form, e})
				continue
			}
			lex.words[joinKey(normArabic(form))] = e
		}
	}
	for _, line := range strings.Split(stopwordsFile, "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		for _, w := range strings.Fields(line) {
			lex.stopword[transliterate(textnorm.Fold(w))] = true
		}
	}
	return lex
}

// joinKey is the key a lexicon form is looked up by: the variant key of its
// folded, transliterated letters, spaces removed.
func joinKey(form string) string {
	return textnorm.VariantKey(transliterate(textnorm.Fold(strings.ReplaceAll(form, " ", ""))))
}

// stopCount: English keys this frequent in the background counts carry no
// topic (the same bar package detect uses).
const stopCount = 20000

// isStop reports a function word of English (by background frequency) or of
// another listed language.
func isStop(folded, key string) bool {
	return lexicon().stopword[folded] || detect.BackgroundCount(key) > stopCount
}

// rarity is the information a key carries against everyday English, about
// ln(total/count) with counts smoothed so that unseen words get the most.
// Words of other languages are unseen there, so rarity over-rates their
// common words: the stop lists keep the worst out.
func rarity(key string) float64 {
	c := float64(detect.BackgroundCount(key))
	r := logf((detect.BackgroundTotal() + 1) / (c + 50))
	return r
}
