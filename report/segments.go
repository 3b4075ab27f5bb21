package report

import (
	"strconv"

	"github.com/storydiff/storydiff/diffing"
)

// seg is one run of a rendered diff for the PDF writer, which draws runs
// itself (render covers HTML and text). Marks are the labels of moves.
type seg struct {
	kind   diffing.Kind // Equal, Insert, Delete, Move; "" for a mark
	role   string
	text   string
	minor  bool
	inMove bool // a change inside a moved passage
}

// segments flattens a diff's ops the way render does: short replaced words
// show their character detail, a moved passage that changed shows the
// changes inside it, and hidden minor edits read as B.
func segments(ops []diffing.Op, hideMinor bool) []seg {
	var out []seg
	for k := 0; k < len(ops); k++ {
		o := ops[k]
		if o.Minor && hideMinor {
			if o.Op == diffing.Insert {
				out = append(out, seg{kind: diffing.Equal, text: o.Text})
			}
			continue
		}
		if o.Op == diffing.Delete && len(o.Detail) > 0 && k+1 < len(ops) &&
			ops[k+1].Op == diffing.Insert && len(ops[k+1].Detail) > 0 {
			for _, d := range o.Detail {
				out = append(out, seg{kind: d.Op, text: d.Text, minor: o.Minor})
			}
			k++
			continue
		}
		if o.Op != diffing.Move {
			out = append(out, seg{kind: o.Op, text: o.Text, minor: o.Minor})
			continue
		}
		id := strconv.Itoa(o.MoveID)
		if o.Role == diffing.MoveFrom {
			out = append(out, seg{role: o.Role, text: "[moved to #" + id + "] "})
			out = append(out, seg{kind: diffing.Move, role: o.Role, text: o.Text})
			continue
		}
		out = append(out, seg{role: o.Role, text: "[moved from #" + id + "] "})
		if len(o.Detail) == 0 {
			out = append(out, seg{kind: diffing.Move, role: o.Role, text: o.Text})
			continue
		}
		for _, d := range segments(o.Detail, false) {
			if d.kind == diffing.Equal {
				d.kind, d.role = diffing.Move, o.Role
			}
			d.inMove = true
			out = append(out, d)
		}
	}
	return out
}
