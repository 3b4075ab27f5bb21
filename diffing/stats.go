package diffing

import (
	"github.com/storydiff/storydiff/core"
	"sort"
	"strings"

	"github.com/storydiff/storydiff/textnorm"
)

func (e *engine) stats(ops []iop) Stats {
	// Below char granularity no op cuts a word, so the words of A and B are
	// the sums over their ops, which saves two passes over the texts.
	exact := e.opts.Granularity == Char
	var st Stats
	if exact {
		st.WordsA, st.WordsB = countWords(e.a), countWords(e.b)
	}
	sideA := func(n int) int {
		if !exact {
			st.WordsA += n
		}
		return n
	}
	sideB := func(n int) int {
		if !exact {
			st.WordsB += n
		}
		return n
	}
	ignore := e.opts.IgnoreMinor
	kept := 0 // words counted as unchanged, on both sides together
	ids := map[int32]bool{}
	for k := range ops {
		o := &ops[k] // not a copy: addDetail may be writing the details
		switch {
		case o.kind == opEqual:
			w := countWords(e.a[o.a0.b:o.a1.b])
			kept += 2 * w
			sideA(w)
			sideB(w)
		case o.kind == opMove:
			ids[o.moveID] = true
			if o.role == roleFrom {
				kept += sideA(countWords(e.a[o.a0.b:o.a1.b]))
			} else {
				w := sideB(countWords(e.b[o.b0.b:o.b1.b]))
				kept += w
				st.WordsMoved += w
			}
		case o.why != noWhy && ignore:
			if o.kind == opDelete {
				kept += sideA(countWords(e.a[o.a0.b:o.a1.b]))
			} else {
				kept += sideB(countWords(e.b[o.b0.b:o.b1.b]))
			}
		case o.kind == opDelete:
			st.WordsDeleted += sideA(countWords(e.a[o.a0.b:o.a1.b]))
		case o.kind == opInsert:
			st.WordsInserted += sideB(countWords(e.b[o.b0.b:o.b1.b]))
		}
		if o.why != noWhy && (k == 0 || ops[k-1].why == noWhy || !isChange(&ops[k-1])) {
			st.MinorEdits++
		}
	}
	st.Moves = len(ids)
	total := st.WordsA + st.WordsB
	unchanged := 0.0
	switch {
	case total > 0:
		unchanged = float64(kept) / float64(total)
	case e.a == e.b:
		unchanged = 1
	}
	st.ChangedShare = max(0, 1-min(unchanged, 1))
	st.ParagraphsChanged = e.paragraphsChanged(ops)
	return st
}

// paragraphsChanged counts the paragraphs of B that hold a change (an
// insertion, a moved-in passage, or the place of a deletion) plus the
// paragraphs of A deleted whole.
func (e *engine) paragraphsChanged(ops []iop) int {
	pa, pb := textnorm.Paragraphs(e.a), textnorm.Paragraphs(e.b)
	touched := map[int]bool{}
	deleted := map[int]bool{}
	for i := range ops {
		o := &ops[i]
		if o.kind == opEqual || o.role == roleFrom || (o.why != noWhy && e.opts.IgnoreMinor) {
			continue
		}
		if o.kind != opMove && strings.TrimSpace(e.text(o)) == "" {
			continue // breaks and spaces between paragraphs change none
		}
		if o.kind == opDelete {
			whole := false
			for _, k := range overlapping(pa, o.a0.r, o.a1.r) {
				if o.a0.r <= pa[k].Start && pa[k].End <= o.a1.r {
					deleted[k] = true
					whole = true
				}
			}
			if !whole {
				if k, ok := containing(pb, o.b0.r); ok {
					touched[k] = true
				}
			}
			continue
		}
		for _, k := range overlapping(pb, o.b0.r, o.b1.r) {
			touched[k] = true
		}
	}
	return len(touched) + len(deleted)
}

// overlapping returns the indexes of the sorted spans that share a rune with [s,e).
func overlapping(spans []core.Span, s, e int) []int {
	var out []int
	for k := sort.Search(len(spans), func(k int) bool { return spans[k].End > s }); k < len(spans) && spans[k].Start < e; k++ {
		out = append(out, k)
	}
	return out
}

// containing returns the span that p lies in or at the edge of.
func containing(spans []core.Span, p int) (int, bool) {
	k := sort.Search(len(spans), func(k int) bool { return spans[k].End >= p })
	if k < len(spans) && spans[k].Start <= p {
		return k, true
	}
	return 0, false
}

// text is the op's text: B's for inserts and move-to ends, A's otherwise.
func (e *engine) text(o *iop) string {
	if o.kind == opInsert || o.role == roleTo {
		return e.b[o.b0.b:o.b1.b]
	}
	return e.a[o.a0.b:o.a1.b]
}
