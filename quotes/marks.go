package quotes

import (
	"sort"
	"unicode"
)

// span is a quoted passage: the runes between its marks, white space
// trimmed. open and close are the positions of its marks (close is -1 when
// the quote runs unclosed to the end of its paragraph).
type span struct {
	start, end  int
	open, close int
}

// opener is a quote mark waiting for its closing partner.
type opener struct {
	r     rune
	pos   int
	line  int
	lead  bool // the first thing on its line, or after a colon
	outer int  // position of the outermost mark that opened a multi-paragraph quote
}

// closers lists, for each opening mark, the marks that may close it. Some
// pairs are sloppy but common in scraped and machine-translated text: “…“,
// "…”, „…”.
var closers = map[rune]string{
	'"':      "\"”“",
	'“':      "”“\"",
	'„':      "“”\"",
	'”':      "”",
	'«':      "»",
	'»':      "«»",
	'‹':      "›",
	'›':      "‹›",
	'‘':      "’",
	'‚':      "‘’",
	'\'':     "'’",
	'「':      "」",
	'『':      "』",
	'\uFF02': "\uFF02",
}

func isMark(r rune) bool {
	switch r {
	case '"', '“', '”', '„', '«', '»', '‹', '›', '‘', '’', '‚', '\'', '「', '」', '『', '』', '\uFF02':
		return true
	}
	return false
}

func closes(open, r rune) bool {
	for _, c := range closers[open] {
		if c == r {
			return true
		}
	}
	return false
}

// scanMarks pairs the quote marks of rs and returns the outermost quoted
// passages in text order. Nested quotes stay inside their outer quote.
func scanMarks(rs []rune) []span {
	var out []span
	var stack []opener
	line := 0
	emit := func(o opener, closePos, end int) {
		open := o.pos
		if o.outer >= 0 {
			open = o.outer
		}
		s, e := open+1, end
		for s < e && unicode.IsSpace(rs[s]) {
			s++
		}
		for e > s && unicode.IsSpace(rs[e-1]) {
			e--
		}
		if e > s {
			out = append(out, span{start: s, end: e, open: open, close: closePos})
		}
	}
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if r == '\n' {
			if len(stack) > 0 {
				outer := stack[0]
				j := i
				for j < len(rs) && unicode.IsSpace(rs[j]) {
					j++
				}
				// English typography opens every paragraph of a long quote
				// again and closes only the last one.
				if j < len(rs) && continues(outer.r, rs[j]) {
					if outer.outer < 0 {
						outer.outer = outer.pos
					}
					outer.line = line + 1
					stack = append(stack[:0], outer)
					line++
					i = j
					continue
				}
				if outer.lead {
					emit(outer, -1, i)
				}
				stack = stack[:0]
			}
			line++
			continue
		}
		if !isMark(r) {
			continue
		}
		prev, next := rune(0), rune(0)
		if i > 0 {
			prev = rs[i-1]
		}
		if i+1 < len(rs) {
			next = rs[i+1]
		}
		if (r == '\'' || r == '’' || r == '‘') && isWordChar(prev) && isWordChar(next) {
			continue // an apostrophe: don't, O'Brien, Kyiv’s
		}
		canOpen := next != 0 && !unicode.IsSpace(next) && (prev == 0 || unicode.IsSpace(prev) || isOpenPunct(prev) || isMark(prev))
		canClose := prev != 0 && !unicode.IsSpace(prev) && (next == 0 || unicode.IsSpace(next) || unicode.IsPunct(next) || isMark(next))
		if k := closable(stack, r, canClose, line); k >= 0 {
			emit(stack[k], i, i)
			stack = stack[:k]
			continue
		}
		if _, ok := closers[r]; !ok || !mayOpen(r, prev, next, canOpen) {
			continue
		}
		stack = append(stack, opener{r: r, pos: i, line: line, lead: leads(rs, i), outer: -1})
	}
	if len(stack) > 0 && stack[0].lead {
		emit(stack[0], -1, len(rs))
	}
	return outermost(out)
}

// outermost drops the passages quoted inside another quoted passage: a
// quote within a quote belongs to the speaker of the outer one. An inner
// quote survives only when its outer mark never closed.
func outermost(spans []span) []span {
	sort.Slice(spans, func(a, b int) bool {
		if spans[a].open != spans[b].open {
			return spans[a].open < spans[b].open
		}
		return spans[a].end > spans[b].end
	})
	out := spans[:0]
	for _, s := range spans {
		if n := len(out); n > 0 && s.open < out[n-1].end {
			continue
		}
		out = append(out, s)
	}
	return out
}

// closable returns the depth of the open mark that r closes, or -1. A
// closing mark may skip unclosed inner marks (a stray apostrophe opening
// '90s never blocks the outer quote).
func closable(stack []opener, r rune, canClose bool, line int) int {
	for k := len(stack) - 1; k >= 0; k-- {
		o := stack[k]
		if !closes(o.r, r) {
			continue
		}
		switch {
		case canClose, r == '»' || r == '«' || r == '›' || r == '‹' || r == '」' || r == '』':
			return k
		case (r == '"' || r == '“' || r == '”' || r == '\uFF02') && o.line == line:
			// A double mark while a double quote is open on the same line
			// closes it even when spaced like an opening one (“…, “Haynes
			// told), since double quotes do not nest in double quotes.
			return k
		case o.r == '„' || o.r == '‚':
			return k // German closing marks hug the word before them
		}
	}
	return -1
}

// mayOpen says whether an opening mark that closes nothing starts a quote.
func mayOpen(r, prev, next rune, canOpen bool) bool {
	switch r {
	case '«', '‹', '「', '『', '„':
		// French puts a space inside guillemets; these never close.
		return next != 0
	case '\'', '‘', '‚':
		// '90s and 'em are elisions, not quotes.
		return canOpen && !unicode.IsDigit(next)
	}
	return canOpen
}

// continues reports whether r, first on a paragraph, reopens a quote that
// opener o left unclosed at the end of the previous paragraph.
func continues(o, r rune) bool {
	return r == o || (o == '«' && r == '»') || (o == '“' && r == '"') || (o == '"' && r == '“')
}

// leads reports whether the mark at i may open a quote that never closes:
// one that starts its paragraph or follows a colon. Elsewhere an unpaired
// mark is more likely a typo than a quote running to the paragraph's end.
func leads(rs []rune, i int) bool {
	for j := i - 1; j >= 0; j-- {
		switch r := rs[j]; {
		case r == '\n':
			return true
		case r == ':':
			return true
		case unicode.IsSpace(r), r == '—', r == '–', r == '-':
			continue
		default:
			return false
		}
	}
	return true
}

func isWordChar(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func isOpenPunct(r rune) bool {
	switch r {
	case '(', '[', '{', '—', '–', '-', '/', ':', '¡', '¿':
		return true
	}
	return false
}
