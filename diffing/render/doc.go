// Package render shows a diffing.Result to people: as inline text for a
// terminal (coloured with ANSI escapes, or with plain markers) and as an
// HTML fragment for the desktop app and reports.
//
// Article text is untrusted. Text output replaces control characters with
// visible symbols, so an article cannot send escape sequences to the
// terminal; HTML output escapes every piece of article text. In both,
// inserts, deletes and the two ends of a move are told apart by markers, not
// by colour alone:
//
//	delete     [-text-]                 <del class="sd-del">text</del>
//	insert     {+text+}                 <ins class="sd-ins">text</ins>
//	move from  [-moved to #1: text-]    <del class="sd-move-from" ...>[moved to #1] text</del>
//	move to    {+moved from #1: text+}  <ins class="sd-move-to" ...>[moved from #1] text</ins>
//
// A short replaced word with character detail shows the detail inline
// (gover{+n+}ment), and a move whose text changed on the way shows the
// changes inside its "to" end. Minor edits are shown like any other (marked faint in
// colour, class sd-minor in HTML) unless Options.HideMinor is set; then the
// text reads as B does there.
package render

import "github.com/storydiff/storydiff/diffing"

// Options tune rendering.
type Options struct {
	// Color uses ANSI colours in Text (red deleted, green inserted, cyan
	// moved, faint minor). Markers are written either way.
	Color bool
	// HideMinor shows minor edits as B's text, unmarked.
	HideMinor bool
}

// piece is one run of text with its role, after minor edits and detail have
// been resolved.
type piece struct {
	kind   diffing.Kind
	role   string
	text   string
	minor  bool
	why    string
	moveID int
	// detail is the word diff inside a near-identical move's "to" end.
	detail []piece
}

// pieces flattens ops into what is shown, in order.
func pieces(ops []diffing.Op, opts Options) []piece {
	out := make([]piece, 0, len(ops))
	for k := 0; k < len(ops); k++ {
		o := ops[k]
		if o.Minor && opts.HideMinor {
			if o.Op == diffing.Insert {
				out = append(out, piece{kind: diffing.Equal, text: o.Text})
			}
			continue
		}
		if o.Op == diffing.Delete && len(o.Detail) > 0 && k+1 < len(ops) &&
			ops[k+1].Op == diffing.Insert && len(ops[k+1].Detail) > 0 {
			for _, d := range o.Detail {
				out = append(out, piece{kind: d.Op, text: d.Text, minor: o.Minor, why: o.Why})
			}
			k++
			continue
		}
		p := piece{kind: o.Op, role: o.Role, text: o.Text, minor: o.Minor, why: o.Why, moveID: o.MoveID}
		if o.Op == diffing.Move && o.Role == diffing.MoveTo && len(o.Detail) > 0 {
			p.detail = pieces(o.Detail, Options{})
		}
		out = append(out, p)
	}
	return out
}
