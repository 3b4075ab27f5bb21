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
// encoding/json's reflection: a diff of two long articles is thousands of
// ops, and walking them by reflection was about a tenth of the command.
// What the fast writer does not cover (no result, a float JSON cannot
// hold) goes to writeJSON, which also reports the error.
func writeComparisonJSON(w io.Writer, c *app.Comparison) error {
	if c.Result == nil || !finite(c.Similarity) || !finite(c.Stats.ChangedShare) {
		return writeJSON(w, c)
	}
	compact := appendComparison(make([]byte, 0, 1024+200*len(c.Ops)), c)
	compact = append(compact, '\n') // as json.Encoder ends a value
	_, err := w.Write(indentJSON(make([]byte, 0, len(compact)*3/2), compact))
	return err
}

func finite(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }

// appendComparison appends c as encoding/json marshals it (with HTML
// escaping off, as writeJSON sets it): the fields in the order of their
// structs, Result's promoted from its embedding, omitempty honoured.
func appendComparison(b []byte, c *app.Comparison) []byte {
	b = append(b, `{"a":`...)
	b = strconv.AppendInt(b, c.A, 10)
	b = append(b, `,"b":`...)
	b = strconv.AppendInt(b, c.B, 10)
	b = append(b, `,"similarity":`...)
	b = appendFloat(b, c.Similarity)
	b = append(b, `,"stats":`...)
	b = appendStats(b, &c.Stats)
	b = append(b, `,"ops":`...)
	b = appendOps(b, c.Ops)
	if c.Degraded {
		b = append(b, `,"degraded":true`...)
	}
	if c.Reason != "" {
		b = append(b, `,"reason":`...)
		b = appendString(b, c.Reason)
	}
	return append(b, '}')
}

func appendStats(b []byte, s *diffing.Stats) []byte {
	b = append(b, `{"changed_share":`...)
	b = appendFloat(b, s.ChangedShare)
	for _, f := range []struct {
		name string
		n    int
	}{
		{`,"words_a":`, s.WordsA}, {`,"words_b":`, s.WordsB}, {`,"words_inserted":`, s.WordsInserted},
		{`,"words_deleted":`, s.WordsDeleted}, {`,"words_moved":`, s.WordsMoved},
		{`,"paragraphs_changed":`, s.ParagraphsChanged}, {`,"minor_edits":`, s.MinorEdits}, {`,"moves":`, s.Moves},
	} {
		b = append(b, f.name...)
		b = strconv.AppendInt(b, int64(f.n), 10)
	}
	return append(b, '}')
}

func appendOps(b []byte, ops []diffing.Op) []byte {
	if ops == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for k := range ops {
		if k > 0 {
			b = append(b, ',')
		}
		b = appendOp(b, &ops[k])
	}
	return append(b, ']')
}

func appendOp(b []byte, o *diffing.Op) []byte {
	b = append(b, `{"op":`...)
	b = appendString(b, string(o.Op))
	b = append(b, `,"text":`...)
	b = appendString(b, o.Text)
	b = append(b, `,"a":{"start":`...)
	b = strconv.AppendInt(b, int64(o.A.Start), 10)
	b = append(b, `,"end":`...)
	b = strconv.AppendInt(b, int64(o.A.End), 10)
	b = append(b, `},"b":{"start":`...)
	b = strconv.AppendInt(b, int64(o.B.Start), 10)
	b = append(b, `,"end":`...)
	b = strconv.AppendInt(b, int64(o.B.End), 10)
	b = append(b, '}')
	if o.Role != "" {
		b = append(b, `,"role":`...)
		b = appendString(b, o.Role)
	}
	if o.MoveID != 0 {
		b = append(b, `,"move_id":`...)
		b = strconv.AppendInt(b, int64(o.MoveID), 10)
	}
	if o.Minor {
		b = append(b, `,"minor":true`...)
	}
	if o.Why != "" {
		b = append(b, `,"why":`...)
		b = appendString(b, o.Why)
	}
	if len(o.Detail) > 0 {
		b = append(b, `,"detail":`...)
		b = appendOps(b, o.Detail)
	}
	return append(b, '}')
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
