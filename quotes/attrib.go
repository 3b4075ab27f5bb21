package quotes

import "strings"

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

// postVerb reads an attribution after the quote: "X said", "said X",
// "X, a spokesman for Y, said", "the agency quoted X as saying".
func (d *doc) postVerb(a, b int) (who, bool) {
	for v := a; v < b; v++ {
		n := d.match(speechVerbs(), v)
		if n == 0 && v == a {
			n = d.match(verbFirstOnly(), v)
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
					if w.kind == nobody && v-1-(q+1) <= 3 && determiners()[d.toks[q+1].Key] {
						w = who{kind: described, a: q + 2, b: v - 1} // quoted one trader as saying
					}
					return w, w.kind != nobody
				}
			}
		}
		w := d.subject(a, v)
		if w.kind == nobody && v-a >= 2 && v-a <= 4 && determiners()[d.toks[a].Key] && d.tight(v-1) {
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
		n := d.match(speechVerbs(), v)
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
		if n := d.match(accordingTo(), i); n > 0 {
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
	for v > a && fillers()[d.toks[v-1].Key] && !d.commaBefore(v) {
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

func (d *doc) onlyFillers(a, v int) bool {
	for i := a; i < v; i++ {
		if !fillers()[d.toks[i].Key] {
			return false
		}
	}
	return true
}
