package quotes

import (
	"strings"
	"unicode"
)

// who is a speaker found in the text: a token range and what kind of
// phrase it is.
type who struct {
	kind     int
	a, b     int // tokens of the name or phrase
	title    string
	resolved bool
}

const (
	nobody    = iota
	named     // a name: Pat Ryder, Zelensky
	described // a phrase without a name: the Russian Defense Ministry
	pronoun   // he, she, er, il, он…
)

// window limits: how far from a quote its attribution is looked for.
const (
	postWindow = 20
	preWindow  = 25
	preVerbGap = 8  // tokens between a verb before the quote and the quote
	colonGap   = 15 // the same when a colon introduces the quote
	phraseMax  = 8
)

// attribute finds who speaks the quote sp. It reports attributed when a
// speech verb or marker ties the quote to a speaker, pronouns included.
// The order is the reliability of the pattern: an attribution right after
// the quote (", Ryder said"), a verb leading into it ("Ryder said that
// Austin “…”"), "according to X" in the sentence, and last the speaker of
// the previous quote of the same sentence ("…,” he said, adding, “…”).
func (d *doc) attribute(sp span, prevClose int, prev who) (who, bool) {
	pa, pb := d.postWindow(sp)
	if d.endsSentence(sp) && pb-pa > shortAttribution {
		// “…life.” A spokesman later said Mr Galloway had friends: after
		// a quote ending its sentence, only a short attribution ("Smith
		// said.") belongs to it; a longer sentence is the next one.
		pa, pb = 0, 0
	}
	post, _ := d.postVerb(pa, pb)
	if post.kind == named || post.kind == described {
		return post, true
	}
	a, e, cut := d.preWindow(sp, prevClose)
	w, verb := d.preVerb(a, e, sp)
	if w.kind == named || w.kind == described {
		return w, true
	}
	if acc := d.according(a, e); acc.kind != nobody {
		return acc, true
	}
	if acc := d.according(pa, pb); acc.kind != nobody {
		return acc, true
	}
	if post.kind == pronoun {
		return post, true
	}
	if w.kind == pronoun {
		return w, true
	}
	if verb && cut && prev.kind != nobody {
		return prev, true
	}
	return who{}, false
}

// shortAttribution is the most words of a sentence that follows a quote
// ending in a full stop and may still attribute it: "said Pentagon
// spokesman Pat Ryder on Tuesday".
const shortAttribution = 8

// endsSentence reports whether the quote's last character ends a sentence.
func (d *doc) endsSentence(sp span) bool {
	r := d.rs[sp.end-1]
	return r == '.' || r == '!' || r == '?' || r == '…'
}

// postWindow returns the tokens of the sentence right after the closing
// mark, or an empty range when the sentence ended with the quote.
func (d *doc) postWindow(sp span) (int, int) {
	if sp.close < 0 {
		return 0, 0
	}
	a, _ := d.tokensIn(sp.close+1, len(d.rs))
	if a >= len(d.toks) || !d.clauseGap(sp.close+1, d.toks[a].Start) {
		return 0, 0
	}
	b := a + 1
	for b < len(d.toks) && b-a < postWindow && d.sameSentence(b) {
		b++
	}
	return a, b
}

// preWindow returns the tokens of the sentence before the opening mark, cut
// at the end of the previous quote; cut says whether it was.
func (d *doc) preWindow(sp span, prevClose int) (int, int, bool) {
	e, _ := d.tokensIn(sp.open, len(d.rs))
	if e == 0 || !d.clauseGap(d.toks[e-1].End, sp.open) && !d.colonBreak(d.toks[e-1].End, sp.open) {
		return 0, 0, false
	}
	a := e - 1
	for a > 0 && e-a < preWindow && d.sameSentence(a) && d.toks[a-1].Start > prevClose {
		a--
	}
	cut := prevClose >= 0 && prevClose < d.toks[a].Start && d.clauseGap(prevClose+1, d.toks[a].Start)
	return a, e, cut
}

// clauseGap reports whether the runes between a quote mark and a word
// leave them in one sentence: no line break, no full stop, no other quote.
func (d *doc) clauseGap(s, e int) bool {
	for _, r := range d.rs[s:e] {
		if r == '\n' || r == '.' || r == '!' || r == '?' || r == '…' || isMark(r) {
			return false
		}
	}
	return true
}

// colonBreak reports whether the runes between a word and a quote mark are
// a colon and a paragraph break: "Ryder said:" introducing a quoted
// paragraph.
func (d *doc) colonBreak(s, e int) bool {
	gap := strings.TrimLeftFunc(string(d.rs[s:e]), unicode.IsSpace)
	return strings.HasPrefix(gap, ":") && strings.TrimSpace(gap[1:]) == ""
}

// sameSentence reports whether token i continues the sentence of token
// i-1: no line break, quote mark or sentence end between them. A point
// after an initial or abbreviation (U.S., Gen.) does not end a sentence.
func (d *doc) sameSentence(i int) bool {
	prev := d.toks[i-1]
	for _, r := range d.rs[prev.End:d.toks[i].Start] {
		switch r {
		case '\n', '!', '?', '…', ';':
			return false
		case '\'', '’':
			// an apostrophe after a plural (Wales' physiotherapist)
		case '.':
			if !abbrev(prev.Text) {
				return false
			}
		default:
			if isMark(r) {
				return false
			}
		}
	}
	return true
}

var abbreviations = map[string]bool{"mr": true, "mrs": true, "ms": true, "dr": true, "gen": true,
	"sen": true, "rep": true, "gov": true, "lt": true, "col": true, "sgt": true, "st": true,
	"jr": true, "sr": true, "prof": true, "adm": true, "capt": true, "maj": true}

func abbrev(word string) bool {
	rs := []rune(word)
	return len(rs) == 1 && unicode.IsUpper(rs[0]) || abbreviations[strings.ToLower(word)]
}

// postVerb reads an attribution after the quote: "X said", "said X",
// "X, a spokesman for Y, said", "the agency quoted X as saying".
func (d *doc) postVerb(a, b int) (who, bool) {
	for v := a; v < b; v++ {
		n := d.match(speechVerbs, v)
		if n == 0 && v == a {
			n = d.match(verbFirstOnly, v)
		}
		if n == 0 {
			continue
		}
		if d.onlyFillers(a, v) {
			w := d.classify(d.forward(v+n, b))
			if w.kind == named && w.title == "" && w.b < b && d.commaBefore(w.b) {
				// said Kirby, a spokesman for the Pentagon.
				if app := d.classify(d.forward(w.b, b)); app.kind == described {
					w.title = d.textOf(app.a, app.b)
				}
			}
			return w, w.kind != nobody
		}
		if v-1 > a && d.toks[v-1].Key == "as" {
			for q := a; q < v-1; q++ {
				if d.toks[q].Key == "quoted" || d.toks[q].Key == "citing" {
					w := d.classify(d.forward(q+1, v-1))
					if w.kind == nobody && v-1-(q+1) <= 3 && determiners[d.toks[q+1].Key] {
						w = who{kind: described, a: q + 2, b: v - 1} // quoted one trader as saying
					}
					return w, w.kind != nobody
				}
			}
		}
		w := d.subject(a, v)
		if w.kind == nobody && v-a >= 2 && v-a <= 4 && determiners[d.toks[a].Key] && d.tight(v-1) {
			// “…,” one trader admitted: any short phrase with an article
			// right after the quote and before the verb is its speaker.
			w = who{kind: described, a: a + 1, b: v}
		}
		return w, w.kind != nobody
	}
	return who{}, false
}

// preVerb reads a verb leading into the quote: "X said: “…”", "X said
// that Austin “…”", "sagte Scholz: „…“". verb reports a speech verb in the
// window even when no speaker was found ("adding, “…”").
func (d *doc) preVerb(a, e int, sp span) (who, bool) {
	gap := preVerbGap
	if e > 0 && strings.ContainsRune(string(d.rs[d.toks[e-1].End:sp.open]), ':') {
		gap = colonGap
	}
	for v := e - 1; v >= a && e-v <= gap+1; v-- {
		n := d.match(speechVerbs, v)
		if n == 0 {
			continue
		}
		if w := d.subject(a, v); w.kind != nobody {
			return w, true
		}
		// sagte Scholz: „…“ — the speaker after the verb must reach the
		// quote, or it is the object of some other clause.
		if s, f := d.forward(v+n, e); f == e {
			return d.classify(s, f), true
		}
		return who{}, true
	}
	return who{}, false
}

// according reads "according to X", "según X", "по словам X" anywhere in
// the window.
func (d *doc) according(a, b int) who {
	for i := a; i < b; i++ {
		if n := d.match(accordingTo, i); n > 0 {
			if w := d.classify(d.forward(i+n, b)); w.kind != nobody {
				return w
			}
		}
	}
	return who{}
}

// subject is the speaker phrase ending right before verb v, not reaching
// before token a. "Name, a title, said" gives the name with the title.
func (d *doc) subject(a, v int) who {
	for v > a && fillers[d.toks[v-1].Key] && !d.commaBefore(v) {
		v--
	}
	if v <= a {
		return who{}
	}
	if d.commaBefore(v) {
		// Only an apposition may stand between a subject and its verb.
		s2 := d.backward(v, a)
		if s2 == v || s2 <= a || !d.commaBefore(s2) {
			return who{}
		}
		app := d.classify(s2, v)
		w := d.classify(d.backward(s2, a), s2)
		if w.kind != named || app.kind != described {
			return who{}
		}
		w.title = d.textOf(app.a, app.b)
		return w
	}
	return d.classify(d.backward(v, a), v)
}

func (d *doc) commaBefore(i int) bool {
	return i > 0 && strings.ContainsRune(string(d.rs[d.toks[i-1].End:d.toks[i].Start]), ',')
}

func (d *doc) onlyFillers(a, v int) bool {
	for i := a; i < v; i++ {
		if !fillers[d.toks[i].Key] {
			return false
		}
	}
	return true
}

// match returns how many tokens from i spell an entry of set (0 if none).
func (d *doc) match(set map[phrase]bool, i int) int {
	if i+1 < len(d.toks) && d.tight(i+1) && set[d.toks[i].Key+" "+d.toks[i+1].Key] {
		return 2
	}
	if set[d.toks[i].Key] {
		return 1
	}
	return 0
}

// tight reports whether only white space, a hyphen or an initial's point
// separates token i from the one before.
func (d *doc) tight(i int) bool {
	for _, r := range d.rs[d.toks[i-1].End:d.toks[i].Start] {
		switch {
		case r == '\n':
			return false
		case unicode.IsSpace(r), r == '-', r == '\'', r == '’':
		case r == '.' && abbrev(d.toks[i-1].Text):
		default:
			return false
		}
	}
	return true
}

// phraseWord says whether token i may stand in a speaker's phrase.
func (d *doc) phraseWord(i int) bool {
	k := d.toks[i].Key
	if leadIns[k] {
		return false
	}
	return capital(d.toks[i].Text) || titles[k] || modifiers[k] || determiners[k] ||
		resolvable[k] || otherPronouns[k]
}

// forward returns the speaker phrase starting at token s, not reaching
// token limit.
func (d *doc) forward(s, limit int) (int, int) {
	e := s
	for e < limit && e-s < phraseMax {
		if e > s && !d.tight(e) {
			break
		}
		k := d.toks[e].Key
		if resolvable[k] || otherPronouns[k] {
			// Italian "il" before a title or name is an article:
			// ha detto il ministro Crosetto.
			if e == s && e+1 < limit && d.tight(e+1) && (titles[d.toks[e+1].Key] || capital(d.toks[e+1].Text)) {
				e++
				continue
			}
			if e == s {
				e++
			}
			break
		}
		if connectors[k] && e > s {
			if e+1 < limit && d.tight(e+1) && d.phraseWord(e+1) {
				e++
				continue
			}
			break
		}
		if determiners[k] && e > s && !connectors[d.toks[e-1].Key] {
			break // a second phrase begins
		}
		if !d.phraseWord(e) {
			// said the East Kilbride athlete: a phrase opened by an
			// article ends with its noun, in lower case or not.
			if e > s+1 && determiners[d.toks[s].Key] && d.headNoun(e) {
				e++
			}
			break
		}
		e++
	}
	return s, e
}

// headNoun reports whether token i may be the lower-case noun ending a
// phrase: a plain word, not a function word, verb or lead-in.
func (d *doc) headNoun(i int) bool {
	k := d.toks[i].Key
	return !stopwords[k] && !leadIns[k] && !speechVerbs[k] && !connectors[k] && !fillers[k] &&
		d.match(speechVerbs, i) == 0
}

// backward returns the start of the speaker phrase ending before token e,
// not reaching before token limit.
func (d *doc) backward(e, limit int) int {
	s := e
	for s > limit && e-s < phraseMax {
		if s < e && !d.tight(s) {
			break
		}
		k := d.toks[s-1].Key
		if resolvable[k] || otherPronouns[k] {
			if s == e {
				return s - 1
			}
			break
		}
		if connectors[k] {
			if s < e && s-2 >= limit && d.tight(s-1) && d.phraseWord(s-2) {
				s--
				continue
			}
			break
		}
		if !d.phraseWord(s - 1) {
			break
		}
		s--
		if determiners[k] {
			// the Pentagon in "a spokesman for the Pentagon" goes on
			// through its connector.
			if s-2 >= limit && connectors[d.toks[s-1].Key] && d.tight(s) && d.tight(s-1) && d.phraseWord(s-2) {
				s--
				continue
			}
			break
		}
	}
	return s
}

// classify turns a phrase into a speaker: a pronoun, a name with the title
// before it, or a description without a name.
func (d *doc) classify(a, b int) who {
	article := a < b && determiners[d.toks[a].Key]
	for a < b && (determiners[d.toks[a].Key] || resolvable[d.toks[a].Key]) && b-a > 1 {
		a++
	}
	for b > a && connectors[d.toks[b-1].Key] {
		b--
	}
	if a >= b {
		return who{}
	}
	if b-a == 1 {
		k := d.toks[a].Key
		if resolvable[k] {
			return who{kind: pronoun, a: a, b: b}
		}
		if otherPronouns[k] || determiners[k] {
			return who{}
		}
	}
	n := b
	for n > a && d.nameWord(n-1) {
		n--
	}
	switch {
	case n == b:
		// Dr Jeremy Philpott of the UK Patent Office: a name before the
		// organisation.
		for c := a + 1; c < b; c++ {
			if connectors[d.toks[c].Key] {
				if w := d.classify(a, c); w.kind == named {
					return w
				}
				break
			}
		}
		for i := a; i < b; i++ {
			if titles[d.toks[i].Key] {
				return who{kind: described, a: a, b: b}
			}
		}
		if article && !capital(d.toks[b-1].Text) {
			return who{kind: described, a: a, b: b} // the East Kilbride athlete
		}
		return who{} // lower-case words without a role are no speaker
	case n > a && connectors[d.toks[d.skipDeterminers(a, n-1)].Key]:
		// analyst Alex Potter at Lehman Brothers: the name is before the
		// connector; a spokesman for (the) Y has none.
		c := d.skipDeterminers(a, n-1)
		if w := d.classify(a, c); w.kind == named {
			return w
		}
		return who{kind: described, a: a, b: b}
	}
	w := who{kind: named, a: n, b: b}
	if n > a {
		w.title = d.textOf(a, n)
	}
	return w
}

// skipDeterminers returns the last token at or before i, not before a,
// that is not a determiner.
func (d *doc) skipDeterminers(a, i int) int {
	for i > a && determiners[d.toks[i].Key] {
		i--
	}
	return i
}

func (d *doc) nameWord(i int) bool {
	k := d.toks[i].Key
	return capital(d.toks[i].Text) && !titles[k] && !determiners[k] && !connectors[k] &&
		!modifiers[k] && !resolvable[k] && !otherPronouns[k]
}

func (d *doc) textOf(a, b int) string {
	return string(d.rs[d.toks[a].Start:d.toks[b-1].End])
}

func capital(word string) bool {
	for _, r := range word {
		return unicode.IsUpper(r) || unicode.IsTitle(r)
	}
	return false
}
