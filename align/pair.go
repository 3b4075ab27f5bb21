package align

import (
	"strings"
	"unicode"

	"github.com/storydiff/storydiff/core"
	"github.com/storydiff/storydiff/diffing"
)

// The two ways of comparing a pair (see Mode).
const (
	ModeAligned = "aligned" // related versions: sentences aligned, word diff inside each row
	ModeDiff    = "diff"    // near-duplicates: the plain word diff, cut into rows
)

// Articles that are not near-duplicates are other outlets' versions,
// rewrites or translations: their corresponding sentences share fewer words
// than the edits Align's defaults were chosen on. On the seed articles
// (003 and 004, 000 and 001) these thresholds, with the rules on evidence
// and neighbours of the package documentation, pair the sentences
// reporting the same fact while leaving sentences that only share a name
// and a title apart.
const (
	RelatedMinScore  = 0.25
	RelatedMoveScore = 0.25
)

// Span is a stretch of one article: code-point offsets into its text, End
// exclusive, and the text itself.
type Span struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// Op is one run of the word diff inside a row: equal, delete or insert.
// Minor marks an edit of case, punctuation, white space, quote style or
// name spelling (see diffing), which a view may hide.
type Op struct {
	Kind  string `json:"kind"`
	Text  string `json:"text"`
	Minor bool   `json:"minor,omitempty"`
}

// Row is one line of a side-by-side comparison: a stretch of A and the
// stretch of B that says the same thing, or either alone against a gap.
type Row struct {
	A     *Span   `json:"a"`
	B     *Span   `json:"b"`
	Score float64 `json:"score"`
	Moved bool    `json:"moved"`
	Ops   []Op    `json:"ops"`
}

// Result is the comparison of two articles as the CLI and API give it.
type Result struct {
	A    int64  `json:"a"`
	B    int64  `json:"b"`
	Mode string `json:"mode"`
	Rows []Row  `json:"rows"`
}

// Compare is Pair with the articles' ids, in the shape the CLI and API
// serialise.
func Compare(idA, idB int64, a, b string, opt Options) Result {
	if opt.Mode == "" {
		opt.Mode = Mode(a, b)
	}
	return Result{A: idA, B: idB, Mode: opt.Mode, Rows: Pair(a, b, opt)}
}

// Pair compares two articles row by row. Every code point of both texts is
// in exactly one row: the white space after a sentence belongs to its row
// (and any before the first sentence to the first), so the A spans of the
// rows tile A and the B spans tile B. Rows follow B's order; a row whose A
// side stands elsewhere in A is Moved. opt.Mode chooses the way (Mode(a, b)
// when empty).
func Pair(a, b string, opt Options) []Row {
	a, b = diffing.Clean(a), diffing.Clean(b)
	if opt.Mode == "" {
		opt.Mode = Mode(a, b)
	}
	if opt.Mode == ModeDiff {
		return diffRows(a, b, opt)
	}
	if opt.MinScore <= 0 {
		opt.MinScore = RelatedMinScore
	}
	if opt.MoveScore <= 0 {
		opt.MoveScore = RelatedMoveScore
	}
	opt.related = true
	al := Align(a, b, opt)
	ra, rb := []rune(a), []rune(b)
	ta, tb := tiles(al.A, len(ra)), tiles(al.B, len(rb))
	var rows []Row
	if len(al.A) == 0 && len(ra) > 0 {
		rows = append(rows, Row{A: span(ra, 0, len(ra)), Ops: []Op{{Kind: "delete", Text: a}}})
	}
	if len(al.B) == 0 && len(rb) > 0 {
		rows = append(rows, Row{B: span(rb, 0, len(rb)), Ops: []Op{{Kind: "insert", Text: b}}})
	}
	for _, l := range al.Links {
		row := Row{Score: l.Score, Moved: l.Moved}
		if len(l.A) > 0 {
			row.A = span(ra, ta[l.A[0]].Start, ta[l.A[len(l.A)-1]].End)
		}
		if len(l.B) > 0 {
			row.B = span(rb, tb[l.B[0]].Start, tb[l.B[len(l.B)-1]].End)
		}
		rows = append(rows, row)
	}
	parallel(len(rows), func(k int) {
		if rows[k].Ops == nil {
			rows[k].Ops = rowOps(rows[k].A, rows[k].B, opt)
		}
	})
	return rows
}

// tiles widens each sentence to the start of the next (the first to the
// start of the text, the last to its end), so that the sentences tile it.
func tiles(sents []Sentence, n int) []core.Span {
	out := make([]core.Span, len(sents))
	for k := range sents {
		out[k] = core.Span{Start: sents[k].Span.Start, End: n}
		if k == 0 {
			out[k].Start = 0
		}
		if k+1 < len(sents) {
			out[k].End = sents[k+1].Span.Start
		}
	}
	return out
}

func span(rs []rune, start, end int) *Span {
	return &Span{Start: start, End: end, Text: string(rs[start:end])}
}

// rowOps is the word diff from the row's A text to its B text.
func rowOps(a, b *Span, opt Options) []Op {
	switch {
	case a == nil && b == nil:
		return nil
	case a == nil:
		return []Op{{Kind: "insert", Text: b.Text}}
	case b == nil:
		return []Op{{Kind: "delete", Text: a.Text}}
	}
	return wordDiff(a.Text, b.Text, opt)
}

// wordDiff runs the project's word diff without moves: inside one row a
// move would only restate the row's own alignment.
func wordDiff(a, b string, opt Options) []Op {
	if a == b {
		return []Op{{Kind: "equal", Text: a}}
	}
	// A sentence kept as it was often differs only in the white space
	// after it (a paragraph break moved by a neighbour's split or merge):
	// no word diff is needed for that.
	ca, cb := strings.TrimRightFunc(a, unicode.IsSpace), strings.TrimRightFunc(b, unicode.IsSpace)
	if ca == cb && ca != "" {
		ops := []Op{{Kind: "equal", Text: ca}}
		if t := a[len(ca):]; t != "" {
			ops = append(ops, Op{Kind: "delete", Text: t, Minor: true})
		}
		if t := b[len(cb):]; t != "" {
			ops = append(ops, Op{Kind: "insert", Text: t, Minor: true})
		}
		return ops
	}
	r := diffing.Diff(a, b, diffing.Options{MinMoveWords: -1, Timeout: opt.DiffTimeout})
	return convertOps(r.Ops)
}

// convertOps turns diffing ops into row ops; a move's "from" end reads as a
// deletion and its "to" end as an insertion, as diffing applies them.
func convertOps(ops []diffing.Op) []Op {
	out := make([]Op, 0, len(ops))
	for _, o := range ops {
		kind := string(o.Op)
		if o.Op == diffing.Move {
			kind = "insert"
			if o.Role == diffing.MoveFrom {
				kind = "delete"
			}
		}
		if n := len(out); n > 0 && out[n-1].Kind == kind && out[n-1].Minor == o.Minor {
			out[n-1].Text += o.Text
			continue
		}
		out = append(out, Op{Kind: kind, Text: o.Text, Minor: o.Minor})
	}
	return out
}
