package quotes

import (
	"strings"
	"unicode"
)

// commaBefore reports whether a comma separates token i from the one
// before: the edge of an apposition.
func (d *doc) commaBefore(i int) bool {
	return i > 0 && strings.ContainsRune(string(d.rs[d.toks[i-1].End:d.toks[i].Start]), ',')
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
	if leadIns()[k] {
		return false
	}
	return capital(d.toks[i].Text) || titles()[k] || modifiers()[k] || determiners()[k] ||
		resolvable()[k] || otherPronouns()[k]
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
		if resolvable()[k] || otherPronouns()[k] {
			// Italian "il" before a title or name is an article:
			// ha detto il ministro Crosetto.
			if e == s && e+1 < limit && d.tight(e+1) && (titles()[d.toks[e+1].Key] || capital(d.toks[e+1].Text)) {
				e++
				continue
			}
			if e == s {
				e++
			}
			break
		}
		if connectors()[k] && e > s {
			if e+1 < limit && d.tight(e+1) && d.phraseWord(e+1) {
				e++
				continue
			}
			break
		}
		if determiners()[k] && e > s && !connectors()[d.toks[e-1].Key] {
			break // a second phrase begins
		}
		if !d.phraseWord(e) {
			// said the East Kilbride athlete: a phrase opened by an
			// article ends with its noun, in lower case or not.
			if e > s+1 && determiners()[d.toks[s].Key] && d.headNoun(e) {
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
	return !stopwords()[k] && !leadIns()[k] && !speechVerbs()[k] && !connectors()[k] && !fillers()[k] &&
		d.match(speechVerbs(), i) == 0
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
		if resolvable()[k] || otherPronouns()[k] {
			if s == e {
				return s - 1
			}
			break
		}
		if connectors()[k] {
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
		if determiners()[k] {
			// the Pentagon in "a spokesman for the Pentagon" goes on
			// through its connector.
			if s-2 >= limit && connectors()[d.toks[s-1].Key] && d.tight(s) && d.tight(s-1) && d.phraseWord(s-2) {
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
	article := a < b && determiners()[d.toks[a].Key]
	for a < b && (determiners()[d.toks[a].Key] || resolvable()[d.toks[a].Key]) && b-a > 1 {
		a++
	}
	for b > a && connectors()[d.toks[b-1].Key] {
		b--
	}
	if a >= b {
		return who{}
	}
	if b-a == 1 {
		k := d.toks[a].Key
		if resolvable()[k] {
			return who{kind: pronoun, a: a, b: b}
		}
		if otherPronouns()[k] || determiners()[k] {
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
			if connectors()[d.toks[c].Key] {
				if w := d.classify(a, c); w.kind == named {
					return w
				}
				break
			}
		}
		for i := a; i < b; i++ {
			if titles()[d.toks[i].Key] {
				return who{kind: described, a: a, b: b}
			}
		}
		if article && !capital(d.toks[b-1].Text) {
			return who{kind: described, a: a, b: b} // the East Kilbride athlete
		}
		return who{} // lower-case words without a role are no speaker
	case n > a && connectors()[d.toks[d.skipDeterminers(a, n-1)].Key]:
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
	for i > a && determiners()[d.toks[i].Key] {
		i--
	}
	return i
}

func (d *doc) nameWord(i int) bool {
	k := d.toks[i].Key
	return capital(d.toks[i].Text) && !titles()[k] && !determiners()[k] && !connectors()[k] &&
		!modifiers()[k] && !resolvable()[k] && !otherPronouns()[k]
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
