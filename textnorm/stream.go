package textnorm

import (
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storydiff/storydiff/core"
	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// streamPiece is how much of a text NormalizeTo transforms at once.
const streamPiece = 64 << 10

// NormalizeTo writes Normalize(s) to w piece by piece, for texts too large
// to normalise whole: Normalize makes two copies of its input (the folded
// text and the result), 70 MB more for a 35 MB text. Pieces end before an
// ASCII character, which nothing before it composes with and which ends a
// run of combining marks (norm's stream-safe limit of 30 counts from it), so
// the bytes written are Normalize's.
func NormalizeTo(w io.Writer, s string) error {
	started, space := false, false
	// Sized to the text when it is shorter than a piece: a 64 KB buffer for
	// each 3 KB article was most of what an import allocated.
	buf := make([]byte, 0, min(len(s), streamPiece)+utf8.UTFMax)
	for len(s) > 0 {
		piece := s[:pieceEnd(s)]
		s = s[len(piece):]
		if !isASCII(piece) {
			// A run of broken bytes cut in two would give two U+FFFD where
			// Normalize gives one; texts from ingest are valid UTF-8.
			piece = cases.Fold().String(norm.NFKC.String(strings.ToValidUTF8(piece, "\uFFFD")))
		} else {
			piece = foldASCII(piece)
		}
		buf = buf[:0]
		for _, r := range piece {
			r = unifyPunct(r)
			if unicode.IsSpace(r) {
				space = started
				continue
			}
			if space {
				buf = append(buf, ' ')
				space = false
			}
			buf = utf8.AppendRune(buf, r)
			started = true
		}
		if _, err := w.Write(buf); err != nil {
			return err
		}
	}
	return nil
}

// pieceEnd returns where the piece at the start of s ends: before the last
// ASCII byte within streamPiece, else before the first one after, else at
// the end of s.
func pieceEnd(s string) int {
	if len(s) <= streamPiece {
		return len(s)
	}
	for i := streamPiece; i > 0; i-- {
		if s[i] < utf8.RuneSelf {
			return i
		}
	}
	for i := streamPiece + 1; i < len(s); i++ {
		if s[i] < utf8.RuneSelf {
			return i
		}
	}
	return len(s)
}

// Hasher computes Hash over bytes written to it, for a text normalised with
// NormalizeTo: Hash(Normalize(s)) without the normalised copy.
type Hasher struct{ h uint64 }

// NewHasher returns a Hasher holding the hash of nothing.
func NewHasher() *Hasher { return &Hasher{h: fnvOffset} }

func (h *Hasher) Write(p []byte) (int, error) {
	for _, c := range p {
		h.h ^= uint64(c)
		h.h *= fnvPrime
	}
	return len(p), nil
}

// Sum is Hash of everything written.
func (h *Hasher) Sum() uint64 { return Mix(h.h) }

// linesOf is Lines without converting the text to runes (four bytes each):
// offsets are still counted in runes.
func linesOf(text string) []core.Span {
	var out []core.Span
	pos, ri := 0, 0
	lineStart, lineRune := 0, 0
	for {
		end := pos >= len(text)
		var r rune
		w := 0
		if !end {
			r, w = utf8.DecodeRuneInString(text[pos:])
		}
		if end || r == '\n' || r == '\r' {
			if sp, ok := trimLine(text[lineStart:pos], lineRune); ok {
				out = append(out, sp)
			}
			if end {
				return out
			}
			pos, ri = pos+w, ri+1
			lineStart, lineRune = pos, ri
			continue
		}
		pos, ri = pos+w, ri+1
	}
}

// trimLine gives the span of line, which starts at rune base, without the
// white space around it.
func trimLine(line string, base int) (core.Span, bool) {
	lead := 0
	for len(line) > 0 {
		r, w := utf8.DecodeRuneInString(line)
		if !unicode.IsSpace(r) {
			break
		}
		line, lead = line[w:], lead+1
	}
	for len(line) > 0 {
		r, w := utf8.DecodeLastRuneInString(line)
		if !unicode.IsSpace(r) {
			break
		}
		line = line[:len(line)-w]
	}
	if line == "" {
		return core.Span{}, false
	}
	start := base + lead
	return core.Span{Start: start, End: start + utf8.RuneCountInString(line)}, true
}
