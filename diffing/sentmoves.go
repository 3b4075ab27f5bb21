package diffing

import (
	"slices"
	"unicode/utf8"

	"github.com/storydiff/storydiff/textnorm"
)

// cut is a sentence inside a delete or insert op that becomes one end of a
// move: [from,to) in the op's text.
type cut struct {
	from, to pos
	id       int32
	role     moveRole
	detail   *[]iop
}

// sentCand is a sentence of at least minMove words inside a changed op.
type sentCand struct {
	op       int // index in ops
	hunk     int // which run of changes the op belongs to
	from, to pos
	used     bool
}

// maxSentCands bounds the sentences considered for sentence moves.
const maxSentCands = 4000

// sentenceMoves finds sentences deleted in one place and inserted, the same
// up to case, quotes and white space (textnorm.Normalize), in another change
// of the text (a sentence moved within or between paragraphs), and turns
// them into moves. Paragraph moves were found before; this catches what
// moved without its paragraph.
func (e *engine) sentenceMoves(ops []iop) []iop {
	if e.opts.MinMoveWords < 0 || e.opts.Granularity == Paragraph || e.expired() {
		return ops
	}
	var del, ins []*sentCand
	hunk := 0
	for k, o := range ops {
		if k > 0 && !isChange(&ops[k-1]) {
			hunk++
		}
		switch o.kind {
		case opDelete:
			del = e.sentCands(del, e.a, k, hunk, o.a0, o.a1)
		case opInsert:
			ins = e.sentCands(ins, e.b, k, hunk, o.b0, o.b1)
		}
		if len(del)+len(ins) > maxSentCands {
			return ops
		}
	}
	if len(del) == 0 || len(ins) == 0 {
		return ops
	}
	byKey := map[string][]*sentCand{}
	for _, c := range ins {
		k := textnorm.Normalize(e.b[c.from.b:c.to.b])
		byKey[k] = append(byKey[k], c)
	}
	cuts := map[int][]cut{}
	for _, d := range del {
		for _, c := range byKey[textnorm.Normalize(e.a[d.from.b:d.to.b])] {
			if c.used || c.hunk == d.hunk {
				continue
			}
			c.used = true
			e.nextMove++
			to := cut{from: c.from, to: c.to, id: int32(e.nextMove), role: roleTo}
			if e.a[d.from.b:d.to.b] != e.b[c.from.b:c.to.b] {
				sub := &builder{pa: d.from, pb: c.from}
				e.refine(sub, d.to, c.to, lvWord, false)
				to.detail = &sub.ops
			}
			cuts[d.op] = append(cuts[d.op], cut{from: d.from, to: d.to, id: int32(e.nextMove), role: roleFrom})
			cuts[c.op] = append(cuts[c.op], to)
			break
		}
	}
	if len(cuts) == 0 {
		return ops
	}
	out := make([]iop, 0, len(ops)+3*len(cuts))
	for k, o := range ops {
		cs := cuts[k]
		if len(cs) == 0 {
			out = append(out, o)
			continue
		}
		slices.SortFunc(cs, func(x, y cut) int { return x.from.r - y.from.r })
		out = append(out, splitOp(o, cs)...)
	}
	return out
}

// sentCands adds the sentences of s[from:to] that are long enough to move.
func (e *engine) sentCands(out []*sentCand, s string, op, hunk int, from, to pos) []*sentCand {
	text := s[from.b:to.b]
	if countWords(text) < e.minMove {
		return out
	}
	// Walk the text once, turning the sentences' rune offsets into positions.
	p, rel := from, 0
	advance := func(r int) {
		for rel < r {
			_, n := utf8.DecodeRuneInString(s[p.b:to.b])
			p.b += n
			p.r++
			rel++
		}
	}
	for _, sp := range textnorm.Sentences(text) {
		advance(sp.Start)
		start := p
		advance(sp.End)
		if countWords(s[start.b:p.b]) >= e.minMove {
			out = append(out, &sentCand{op: op, hunk: hunk, from: start, to: p})
		}
	}
	return out
}

// splitOp cuts a delete or insert op around the move ends inside it.
func splitOp(o iop, cs []cut) []iop {
	var out []iop
	onA := o.kind == opDelete
	at := o.a0
	if !onA {
		at = o.b0
	}
	piece := func(kind opKind, from, to pos, c *cut) {
		if from == to {
			return
		}
		n := iop{kind: kind, a0: o.a0, a1: o.a1, b0: o.b0, b1: o.b1}
		if onA {
			n.a0, n.a1 = from, to
		} else {
			n.b0, n.b1 = from, to
		}
		if c != nil {
			n.role, n.moveID, n.detail = c.role, c.id, c.detail
		}
		out = append(out, n)
	}
	for i := range cs {
		piece(o.kind, at, cs[i].from, nil)
		piece(opMove, cs[i].from, cs[i].to, &cs[i])
		at = cs[i].to
	}
	end := o.a1
	if !onA {
		end = o.b1
	}
	piece(o.kind, at, end, nil)
	return out
}
