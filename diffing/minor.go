package diffing

import (
	"github.com/storydiff/storydiff/core"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storydiff/storydiff/textnorm"
)

// classifyMinor marks each hunk (a run of deletes and inserts between equal
// text or moves) whose change is only of a minor kind. The kinds form a
// ladder, each including the ones before it: space, case, typography
// (quotes, apostrophes, dashes, NFKC forms), punctuation, variant; a hunk
// gets the first rung at which both sides compare equal, if that kind is
// enabled.
// Boilerplate is checked first and on its own.
func (e *engine) classifyMinor(ops []iop) {
	// Each hunk is classified on its own (reading the ops around it, writing
	// only its own), so a long diff's two halves are classified at once,
	// cut between hunks.
	if mid := len(ops) / 2; len(ops) >= parallelOps {
		for mid < len(ops) && isChange(&ops[mid]) {
			mid++
		}
		done := make(chan struct{})
		go func() {
			e.classifyRange(ops, 0, mid)
			close(done)
		}()
		e.classifyRange(ops, mid, len(ops))
		<-done
		return
	}
	e.classifyRange(ops, 0, len(ops))
}

// parallelOps is the number of ops from which classifyMinor works on two
// cores (a variable for TestParallelIsSequential).
var parallelOps = 2000

// classifyRange classifies the hunks that start in ops[from:to].
func (e *engine) classifyRange(ops []iop, from, to int) {
	for i := from; i < to; {
		if ops[i].kind != opDelete && ops[i].kind != opInsert {
			i++
			continue
		}
		j := i
		for j < len(ops) && isChange(&ops[j]) {
			j++
		}
		if why := e.minorKind(ops, i, j); why != noWhy {
			for k := i; k < j; k++ {
				ops[k].why = why
			}
		}
		i = j
	}
}

// contextRunes bounds how far minorKind looks around a hunk for the rest of
// the words it touches.
const contextRunes = 64

func (e *engine) minorKind(ops []iop, i, j int) minorWhy {
	var del, ins strings.Builder
	// Boilerplate spans are trimmed lines, so the line breaks deleted or
	// inserted with a whole line lie outside them: only the text counts.
	boiler := e.opts.Minor&MinorBoilerplate != 0
	content := false
	for _, o := range ops[i:j] {
		var text string
		var from pos
		spans := e.opts.BoilerplateA
		if o.kind == opDelete {
			text, from = e.a[o.a0.b:o.a1.b], o.a0
		} else {
			text, from = e.b[o.b0.b:o.b1.b], o.b0
			spans = e.opts.BoilerplateB
		}
		if o.kind == opDelete {
			del.WriteString(text)
		} else {
			ins.WriteString(text)
		}
		s, end, ok := trimmedRunes(text)
		if !ok {
			continue
		}
		content = true
		boiler = boiler && within(from.r+s, from.r+end, spans)
	}
	if boiler && content {
		return whyBoilerplate
	}
	// Compare the hunk inside the words around it: a deleted space between
	// two words joins them and must not pass for a white-space edit.
	// At either end of the text, or next to a moved paragraph, a hunk
	// borders a paragraph break.
	left, right := "\n", "\n"
	if i > 0 && ops[i-1].kind == opEqual {
		left = tailContext(e.a[ops[i-1].a0.b:ops[i-1].a1.b])
	}
	if j < len(ops) && ops[j].kind == opEqual {
		right = headContext(e.a[ops[j].a0.b:ops[j].a1.b])
	}
	x := left + del.String() + right
	y := left + ins.String() + right
	var kind MinorKind
	var name minorWhy
	if countWords(x) != countWords(y) {
		return noWhy // a word added, removed, split or joined: never minor
	}
	cx, cy := collapseSpace(x), collapseSpace(y)
	var wx, wy []textnorm.Token // the words, made once for the last two rungs
	words := func() ([]textnorm.Token, []textnorm.Token) {
		if wx == nil && wy == nil {
			wx, wy = textnorm.Words(x), textnorm.Words(y)
		}
		return wx, wy
	}
	switch {
	case cx == cy:
		kind, name = MinorSpace, whySpace
	case strings.EqualFold(cx, cy):
		kind, name = MinorCase, whyCase
	case sameNormalized(x, y):
		kind, name = MinorTypography, whyTypography
	case sameWords(words, false):
		kind, name = MinorPunctuation, whyPunctuation
	case sameWords(words, true):
		kind, name = MinorVariant, whyVariant
	default:
		return noWhy
	}
	if e.opts.Minor&kind == 0 {
		return noWhy
	}
	return name
}

func sameNormalized(x, y string) bool {
	// Guard the ends so that Normalize's trimming cannot hide an added or
	// removed space at the edge of the hunk.
	return textnorm.Normalize("\x00"+x+"\x00") == textnorm.Normalize("\x00"+y+"\x00")
}

// sameWords compares the word sequences of two texts, by folded text or by
// variant key.
func sameWords(words func() ([]textnorm.Token, []textnorm.Token), variant bool) bool {
	wx, wy := words()
	if len(wx) != len(wy) {
		return false
	}
	for k := range wx {
		if variant {
			if wx[k].Key != wy[k].Key {
				return false
			}
		} else if textnorm.Fold(wx[k].Text) != textnorm.Fold(wy[k].Text) {
			return false
		}
	}
	return true
}

// collapseSpace turns every run of white space into one space.
func collapseSpace(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// tailContext returns the end of s back to and including the last white
// space (at most contextRunes runes): the part of the word a hunk continues.
func tailContext(s string) string {
	for n, i := 0, len(s); i > 0 && n < contextRunes; n++ {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
		if unicode.IsSpace(r) {
			return s[i:]
		}
		if n+1 == contextRunes || i == 0 {
			return s[i:]
		}
	}
	return ""
}

// headContext returns the start of s up to and including the first white space.
func headContext(s string) string {
	for n, i := 0, 0; i < len(s) && n < contextRunes; n++ {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if unicode.IsSpace(r) || n+1 == contextRunes {
			return s[:i]
		}
	}
	return s
}

// within reports whether [s,e) lies inside the union of spans.
func within(s, e int, spans []core.Span) bool {
	if s == e {
		return true
	}
	for {
		advanced := false
		for _, sp := range spans {
			if sp.Start <= s && s < sp.End {
				if e <= sp.End {
					return true
				}
				s = sp.End
				advanced = true
			}
		}
		if !advanced {
			return false
		}
	}
}

// trimmedRunes returns the rune range of text without its leading and
// trailing white space; ok is false when text is all white space.
func trimmedRunes(text string) (start, end int, ok bool) {
	n, first, last := 0, -1, -1
	for _, r := range text {
		if !unicode.IsSpace(r) {
			if first < 0 {
				first = n
			}
			last = n
		}
		n++
	}
	return first, last + 1, first >= 0
}
