package render

import (
	"bufio"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/storydiff/storydiff/diffing"
)

const (
	ansiReset = "\x1b[0m"
	ansiDel   = "\x1b[31;9m" // red, struck through
	ansiIns   = "\x1b[32m"   // green
	ansiMove  = "\x1b[36m"   // cyan
	ansiFaint = "\x1b[2m"
)

// Text renders r inline, B's reading order with A's deletions in place.
func Text(r *diffing.Result, opts Options) string {
	var b strings.Builder
	n := 0
	for _, o := range r.Ops {
		n += len(o.Text) + 4 // and the markers of most ops
	}
	b.Grow(n)
	writeText(&b, pieces(r.Ops, opts), opts, "")
	return b.String()
}

// WriteText writes what Text returns to w, without holding it all: the
// text of a long diff is as long as both articles.
func WriteText(w io.Writer, r *diffing.Result, opts Options) error {
	b := bufio.NewWriterSize(w, 32<<10)
	writeText(b, pieces(r.Ops, opts), opts, "")
	return b.Flush()
}

// textWriter is what writeText writes to: a strings.Builder for Text, a
// bufio.Writer (which keeps its first error for Flush) for WriteText.
type textWriter interface {
	WriteString(s string) (int, error)
	WriteRune(r rune) (int, error)
}

// writeText writes ps; outer is the colour to return to after a nested
// change inside a move.
func writeText(b textWriter, ps []piece, opts Options, outer string) {
	for _, p := range ps {
		open, close, color := "", "", ""
		switch {
		case p.kind == diffing.Delete:
			open, close, color = "[-", "-]", ansiDel
		case p.kind == diffing.Insert:
			open, close, color = "{+", "+}", ansiIns
		case p.kind == diffing.Move && p.role == diffing.MoveFrom:
			open, close, color = "[-moved to #"+strconv.Itoa(p.moveID)+": ", "-]", ansiMove
		case p.kind == diffing.Move:
			open, close, color = "{+moved from #"+strconv.Itoa(p.moveID)+": ", "+}", ansiMove
		}
		if p.minor && color != "" {
			color += ansiFaint
		}
		if opts.Color && color != "" {
			b.WriteString(color)
		}
		b.WriteString(open)
		if p.detail != nil {
			writeText(b, p.detail, opts, color)
		} else {
			writeSafe(b, p.text)
		}
		b.WriteString(close)
		if opts.Color && color != "" {
			b.WriteString(ansiReset + outer)
		}
	}
}

// writeSafe writes s with control characters (other than newline and tab)
// replaced by their visible Unicode control pictures, and C1 controls and
// bidi overrides by U+FFFD, so article text cannot drive the terminal or
// make a line read other than it is (the rule package cli applies to
// everything else it prints).
func writeSafe(b textWriter, s string) {
	if safeAsIs(s) {
		// Nearly all text: one copy, not a rune at a time (this loop was a
		// tenth of a 200 KB diff's time).
		b.WriteString(s)
		return
	}
	for _, r := range s {
		switch {
		case r == '\n' || r == '\t':
			b.WriteRune(r)
		case r < 0x20:
			b.WriteRune(0x2400 + r)
		case r == 0x7f:
			b.WriteRune('\u2421')
		case r >= 0x80 && r < 0xa0, r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
			b.WriteRune('\uFFFD')
		default:
			b.WriteRune(r)
		}
	}
}

// safeAsIs reports whether writeSafe would write s unchanged: valid UTF-8
// without C0 controls other than newline and tab, DEL, C1 controls
// (U+0080-U+009F, encoded 0xC2 0x80-0x9F) or bidi controls (U+202A-U+202E,
// encoded 0xE2 0x80 0xAA-0xAE, and U+2066-U+2069, 0xE2 0x81 0xA6-0xA9).
func safeAsIs(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c < 0x20 && c != '\n' && c != '\t', c == 0x7f:
			return false
		case c == 0xC2 && i+1 < len(s) && s[i+1] >= 0x80 && s[i+1] < 0xA0:
			return false
		case c == 0xE2 && i+2 < len(s) && (s[i+1] == 0x80 && s[i+2] >= 0xAA && s[i+2] <= 0xAE ||
			s[i+1] == 0x81 && s[i+2] >= 0xA6 && s[i+2] <= 0xA9):
			return false
		}
	}
	return utf8.ValidString(s)
}
