package quotes

import (
	"sort"
	"strings"
	"unicode"

	"github.com/storydiff/storydiff/textnorm"
)

// Quote is one passage of quoted speech in an article.
type Quote struct {
	// Start and End are code-point offsets of the quoted words in the text,
	// without the quote marks, End exclusive. A quote running over several
	// paragraphs spans them all, so Text then holds the paragraph breaks and
	// the marks that reopen each paragraph.
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	// Speaker is who the text says spoke, as written ("Pat Ryder",
	// "Russian Defense Ministry", a leading article dropped), or "" when the
	// text does not say.
	// SpeakerStart and SpeakerEnd locate it in the text (both 0 when
	// Speaker is ""). When the text says only "he" or "she", Speaker is the
	// last named speaker before it, located where it was named, and
	// Resolved is set.
	Speaker      string `json:"speaker"`
	SpeakerStart int    `json:"speaker_start"`
	SpeakerEnd   int    `json:"speaker_end"`
	Resolved     bool   `json:"resolved,omitempty"`
	// Title is the speaker's role when the text gives one next to the name
	// ("Pentagon spokesman" for "Pentagon spokesman Pat Ryder").
	Title string `json:"title,omitempty"`
	// Key is the quote's words in the form quotes are matched by: folded,
	// name variants unified, punctuation and marks dropped, one space apart.
	Key string `json:"key"`
}

// shortQuote is the most words a quote may have and still be taken for
// scare quotes ("immediate ceasefire") unless it is attributed.
const shortQuote = 2

// Find returns the quotes of text in text order, each with its speaker
// when the text names one near it (see the package documentation for the
// patterns). Quotes never overlap; a quote inside another is part of it.
func Find(text string) []Quote {
	d := newDoc(text)
	var out []Quote
	var last *who // the last named speaker, for "he said"
	lastPara := 0 // the paragraph of the last quote it spoke
	prevClose := -1
	prevSpeaker := who{}
	for _, sp := range scanMarks(d.rs) {
		q := Quote{Start: sp.start, End: sp.end, Text: string(d.rs[sp.start:sp.end])}
		qa, qb := d.tokensIn(sp.start, sp.end)
		keys := make([]string, 0, qb-qa)
		for _, t := range d.toks[qa:qb] {
			keys = append(keys, t.Key)
		}
		q.Key = strings.Join(keys, " ")
		if q.Key == "" {
			continue // nothing but punctuation between the marks
		}
		w, attributed := d.attribute(sp, prevClose, prevSpeaker)
		if wordCount(d.toks[qa:qb]) <= shortQuote && !attributed {
			continue
		}
		if !attributed && d.follows(prevClose, sp.open) {
			// “…,” Ryder said. “We remain in contact.” — a quote right after
			// another one and its attribution goes on with the same speaker.
			w = prevSpeaker
		}
		switch w.kind {
		case named:
			c := w
			last, lastPara = &c, d.para(sp.open)
		case pronoun:
			if last != nil && d.para(sp.open)-lastPara <= 2 && d.agrees(w, *last) {
				w = *last
				w.resolved = true
			} else {
				w = who{}
			}
		}
		if w.kind == named || w.kind == described {
			q.SpeakerStart = d.toks[w.a].Start
			q.SpeakerEnd = d.toks[w.b-1].End
			q.Speaker = string(d.rs[q.SpeakerStart:q.SpeakerEnd])
			q.Title = w.title
			q.Resolved = w.resolved
		}
		prevClose, prevSpeaker = sp.close, w
		if sp.close < 0 {
			prevClose = sp.end
		}
		out = append(out, q)
	}
	return out
}

// doc is a text with its tokens and paragraph starts, shared by the steps
// of Find.
type doc struct {
	rs    []rune
	toks  []textnorm.Token
	paras []int
}

func newDoc(text string) *doc {
	rs := []rune(text)
	d := &doc{rs: rs, toks: textnorm.WordsRunes(rs)}
	fresh := true
	for i, r := range rs {
		switch {
		case r == '\n':
			fresh = true
		case fresh && !unicode.IsSpace(r):
			d.paras = append(d.paras, i)
			fresh = false
		}
	}
	return d
}

// tokensIn returns the range of tokens lying inside runes [s, e).
func (d *doc) tokensIn(s, e int) (int, int) {
	a := sort.Search(len(d.toks), func(i int) bool { return d.toks[i].Start >= s })
	b := sort.Search(len(d.toks), func(i int) bool { return d.toks[i].End > e })
	if b < a {
		b = a
	}
	return a, b
}

// follows reports whether a quote opening at open comes right after the
// quote that closed at prevClose: at most a short attribution between them,
// at most one paragraph break.
func (d *doc) follows(prevClose, open int) bool {
	if prevClose < 0 || d.para(open)-d.para(prevClose) > 1 {
		return false
	}
	a, b := d.tokensIn(prevClose, open)
	return b-a <= followGap
}

// followGap is the most words between two quotes for the second to go on
// with the first one's speaker: room for "Pentagon spokesman Pat Ryder said
// on Tuesday".
const followGap = 10

// para is the index of the line holding rune pos.
func (d *doc) para(pos int) int {
	return sort.Search(len(d.paras), func(i int) bool { return d.paras[i] > pos })
}

// agrees reports whether pronoun p may stand for speaker s: "she" not for
// a Mr, "he" not for a Mrs, when the title says.
func (d *doc) agrees(p, s who) bool {
	pk := d.toks[p.a].Key
	for _, f := range strings.Fields(strings.ToLower(s.title)) {
		f = key(f)
		if male()[pk] && female()[f] || female()[pk] && male()[f] {
			return false
		}
	}
	return true
}

// wordCount counts the words of toks. Chinese and Japanese are written
// without spaces, so a run of their characters is one token: it counts a
// word for every two characters, a usual length of a word in those
// languages.
func wordCount(toks []textnorm.Token) int {
	n := 0
	for _, t := range toks {
		c := 0
		for _, r := range t.Text {
			if unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r) {
				c++
			}
		}
		n += 1 + c/2
	}
	return n
}
