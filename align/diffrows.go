package align

import (
	"github.com/storydiff/storydiff/core"
	"strings"

	"github.com/storydiff/storydiff/diffing"
)

// diffRows cuts the plain word diff of a and b into rows, as Meld lines up
// its panes: a row ends wherever both texts are at the start of a line, so
// unchanged lines face each other, a changed line faces its new form and an
// inserted or deleted paragraph faces a gap. A moved paragraph's two ends
// are rows of their own, marked Moved. The rows' ops, in order, are the
// word diff itself.
func diffRows(a, b string, opt Options) []Row {
	r := diffing.Diff(a, b, diffing.Options{Timeout: opt.DiffTimeout})
	ra, rb := []rune(a), []rune(b)
	var rows []Row
	var cur []diffing.Op
	pa, pb := 0, 0 // where the current row starts
	ea, eb := 0, 0 // where it ends so far
	flush := func() {
		if len(cur) == 0 {
			return
		}
		row := Row{Ops: convertOps(cur)}
		if ea > pa {
			row.A = span(ra, pa, ea)
		}
		if eb > pb {
			row.B = span(rb, pb, eb)
		}
		same, all := 0, 0
		for _, o := range cur {
			n := len([]rune(o.Text))
			all += n
			switch {
			case o.Op == diffing.Move:
				row.Moved = true
			case o.Op == diffing.Equal:
				same += n
				all += n // counted on both sides
			}
		}
		if all > 0 {
			row.Score = 2 * float64(same) / float64(all)
		}
		rows = append(rows, row)
		cur, pa, pb = nil, ea, eb
	}
	lineStart := func(rs []rune, at int) bool { return at == 0 || rs[at-1] == '\n' }
	for _, o := range r.Ops {
		if o.Op == diffing.Move {
			// A move's end is a row of its own, apart from its surroundings.
			flush()
			cur, ea, eb = append(cur, o), o.A.End, o.B.End
			flush()
			continue
		}
		for _, piece := range splitLines(o) {
			cur, ea, eb = append(cur, piece), piece.A.End, piece.B.End
			if lineStart(ra, ea) && lineStart(rb, eb) {
				flush()
			}
		}
	}
	flush()
	return rows
}

// splitLines cuts an equal op after each line break, so that unchanged
// paragraphs make rows of their own; other ops stay whole.
func splitLines(o diffing.Op) []diffing.Op {
	if o.Op != diffing.Equal || !strings.Contains(o.Text, "\n") {
		return []diffing.Op{o}
	}
	var out []diffing.Op
	rs := []rune(o.Text)
	from := 0
	for k, c := range rs {
		if c != '\n' || k+1 == len(rs) {
			continue
		}
		out = append(out, piece(o, from, k+1, rs))
		from = k + 1
	}
	return append(out, piece(o, from, len(rs), rs))
}

func piece(o diffing.Op, from, to int, rs []rune) diffing.Op {
	return diffing.Op{
		Op:   o.Op,
		Text: string(rs[from:to]),
		A:    core.Span{Start: o.A.Start + from, End: o.A.Start + to},
		B:    core.Span{Start: o.B.Start + from, End: o.B.Start + to},
	}
}
