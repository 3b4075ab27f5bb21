package cli

import (
	"io"
	"math"
	"strconv"
	"unicode/utf8"

	"github.com/storydiff/storydiff/app"
	"github.com/storydiff/storydiff/diffing"
)

// writeComparisonJSON writes c as writeJSON does, byte for byte, without
// encoding/json's reflection and without indenting a compact copy
// afterwards, streaming it in pieces of about 64 KB: a diff of two long
// articles is thousands of ops, and encoding them by reflection into one
// buffer, then indenting the megabyte of JSON into another, was about a
// fifth of the command. What the fast writer does not cover (no result, a
// float JSON cannot hold) goes to writeJSON, which also reports the error.
func writeComparisonJSON(w io.Writer, c *app.Comparison) error {
	if c.Result == nil || !finite(c.Similarity) || !finite(c.Stats.ChangedShare) {
		return writeJSON(w, c)
	}
	o := &jsonOut{b: make([]byte, 0, jsonPiece+4096), w: w}
	o.comparison(c)
	o.b = append(o.b, '\n') // as json.Encoder ends a value
	o.flush()
	return o.err
}

// jsonPiece is how much JSON the writer gathers before writing it.
const jsonPiece = 64 << 10

func finite(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }

// jsonOut appends JSON indented as json.Encoder with SetIndent("", "  ")
// writes it: each member or element on its own line, two spaces a level.
type jsonOut struct {
	b     []byte
	depth int
	first bool // no member written yet at this level
	w     io.Writer
	err   error
}

// flush writes what was gathered; after an error it only drops it.
func (o *jsonOut) flush() {
	if o.err == nil {
		_, o.err = o.w.Write(o.b)
	}
	o.b = o.b[:0]
}

// open starts an object or array.
func (o *jsonOut) open(c byte) {
	o.b = append(o.b, c)
	o.depth++
	o.first = true
}

// close ends one; an empty one stays on its line ({} or []).
func (o *jsonOut) close(c byte) {
	o.depth--
	if !o.first {
		o.newline()
	}
	o.b = append(o.b, c)
	o.first = false
}

func (o *jsonOut) newline() {
	o.b = append(o.b, '\n')
	for range o.depth {
		o.b = append(o.b, ' ', ' ')
	}
}

// next starts a member or element: a comma after the one before, then a
// new line.
func (o *jsonOut) next() {
	if !o.first {
		o.b = append(o.b, ',')
	}
	o.first = false
	o.newline()
}

// key starts the member name.
func (o *jsonOut) key(name string) {
	o.next()
	o.b = append(o.b, '"')
	o.b = append(o.b, name...)
	o.b = append(o.b, '"', ':', ' ')
}

func (o *jsonOut) int(name string, n int64) {
	o.key(name)
	o.b = strconv.AppendInt(o.b, n, 10)
}

func (o *jsonOut) str(name, s string) {
	o.key(name)
	o.b = appendString(o.b, s)
}

// comparison writes c as encoding/json marshals it (with HTML escaping
// off, as writeJSON sets it), indented as writeJSON indents it: the fields
// in the order of their structs, Result's promoted from its embedding,
// omitempty honoured.
func (o *jsonOut) comparison(c *app.Comparison) {
	o.open('{')
	o.int("a", c.A)
	o.int("b", c.B)
	o.key("similarity")
	o.b = appendFloat(o.b, c.Similarity)
	o.key("stats")
	o.stats(&c.Stats)
	o.key("ops")
	o.ops(c.Ops)
	if c.Degraded {
		o.key("degraded")
		o.b = append(o.b, "true"...)
	}
	if c.Reason != "" {
		o.str("reason", c.Reason)
	}
	o.close('}')
}

func (o *jsonOut) stats(s *diffing.Stats) {
	o.open('{')
	o.key("changed_share")
	o.b = appendFloat(o.b, s.ChangedShare)
	o.int("words_a", int64(s.WordsA))
	o.int("words_b", int64(s.WordsB))
	o.int("words_inserted", int64(s.WordsInserted))
	o.int("words_deleted", int64(s.WordsDeleted))
	o.int("words_moved", int64(s.WordsMoved))
	o.int("paragraphs_changed", int64(s.ParagraphsChanged))
	o.int("minor_edits", int64(s.MinorEdits))
	o.int("moves", int64(s.Moves))
	o.close('}')
}

func (o *jsonOut) ops(ops []diffing.Op) {
	if ops == nil {
		o.b = append(o.b, "null"...)
		return
	}
	o.open('[')
	for k := range ops {
		o.next()
		o.op(&ops[k])
		if len(o.b) >= jsonPiece {
			o.flush()
		}
	}
	o.close(']')
}

func (o *jsonOut) op(op *diffing.Op) {
	o.open('{')
	o.str("op", string(op.Op))
	o.str("text", op.Text)
	o.key("a")
	o.span(op.A.Start, op.A.End)
	o.key("b")
	o.span(op.B.Start, op.B.End)
	if op.Role != "" {
		o.str("role", op.Role)
	}
	if op.MoveID != 0 {
		o.int("move_id", int64(op.MoveID))
	}
	if op.Minor {
		o.key("minor")
		o.b = append(o.b, "true"...)
	}
	if op.Why != "" {
		o.str("why", op.Why)
	}
	if len(op.Detail) > 0 {
		o.key("detail")
		o.ops(op.Detail)
	}
	o.close('}')
}

func (o *jsonOut) span(start, end int) {
	o.open('{')
	o.int("start", int64(start))
	o.int("end", int64(end))
	o.close('}')
}

// appendFloat writes a float64 as encoding/json does: plain decimals, and
// the exponent form for very small and very large magnitudes (e-7, not
// e-07).
func appendFloat(b []byte, f float64) []byte {
	abs := math.Abs(f)
	format := byte('f')
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}

const hexDigits = "0123456789abcdef"

// appendString writes s as a JSON string as encoding/json does without
// HTML escaping: quotes, backslashes and control characters escaped (\b,
// \f, \n, \r, \t short), invalid UTF-8 as \ufffd, and U+2028 and U+2029
// escaped for JavaScript.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i++
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
