package cli

import (
	"fmt"
	"strings"
)

// Article fields come from scraped files: a title, outlet, byline or URL
// may hold escape sequences (an OSC 52 write to the clipboard, a cursor
// move, a colour that never ends) or bidi overrides that make a line read
// other than it is. Everything a command prints as text goes through
// termText or termField (clip and dash call termField), so no record can
// drive the terminal. JSON output needs neither: it escapes.

// unsafeRune reports whether r may not reach a terminal as it is: C0
// controls (tab and line break included: the callers decide), DEL, C1
// controls, and the bidi embeddings, overrides and isolates.
func unsafeRune(r rune) bool {
	return r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) ||
		(r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069)
}

// termText makes a body of text (an article, a passage, a row of an
// alignment) safe to print: line breaks and tabs stay; C0 controls and DEL
// show as their control pictures (ESC as ␛), C1 and bidi controls as U+FFFD.
func termText(s string) string {
	return terminalSafe(s, false)
}

// termField makes a one-line field (a title, outlet, label, path or
// message) safe to print: line breaks, carriage returns and tabs become
// spaces, the rest as termText.
func termField(s string) string {
	return terminalSafe(s, true)
}

func terminalSafe(s string, oneLine bool) string {
	if !strings.ContainsFunc(s, unsafeRune) {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t':
			if oneLine {
				return ' '
			}
			return r
		case r == '\r' && oneLine:
			return ' '
		case r < 0x20:
			return 0x2400 + r
		case r == 0x7f:
			return '\u2421'
		case unsafeRune(r):
			return '\uFFFD'
		}
		return r
	}, s)
}

// quotePath shows a path on one line even if it holds control characters:
// such a path is printed Go-quoted, which escapes them all.
func quotePath(p string) string {
	if strings.ContainsFunc(p, func(r rune) bool { return unsafeRune(r) || r == 0xfffd }) {
		return fmt.Sprintf("%+q", p)
	}
	return p
}
