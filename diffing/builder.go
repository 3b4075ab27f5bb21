package diffing

// iop is an op under construction: spans as pos (runes and bytes).
type iop struct {
	kind   Kind
	role   string
	a0, a1 pos
	b0, b1 pos
	moveID int
	why    string // minor kind, "" if not minor
	detail []iop
}

// builder appends ops in order, merging neighbours of the same kind, and
// keeps the current position in both texts so that spans tile them.
type builder struct {
	ops    []iop
	pa, pb pos
}

func (bd *builder) add(k Kind, a1, b1 pos, role string, id int) {
	if a1 == bd.pa && b1 == bd.pb {
		return
	}
	if n := len(bd.ops); n > 0 && k != Move {
		last := &bd.ops[n-1]
		if last.kind == k && last.a1 == bd.pa && last.b1 == bd.pb {
			last.a1, last.b1 = a1, b1
			bd.pa, bd.pb = a1, b1
			return
		}
	}
	bd.ops = append(bd.ops, iop{kind: k, role: role, a0: bd.pa, a1: a1, b0: bd.pb, b1: b1, moveID: id})
	bd.pa, bd.pb = a1, b1
}

func (bd *builder) equal(a1, b1 pos) { bd.add(Equal, a1, b1, "", 0) }
func (bd *builder) del(a1 pos)       { bd.add(Delete, a1, bd.pb, "", 0) }
func (bd *builder) ins(b1 pos)       { bd.add(Insert, bd.pa, b1, "", 0) }

// replace deletes up to a1 and inserts up to b1: the coarsest change.
func (bd *builder) replace(a1, b1 pos) {
	bd.del(a1)
	bd.ins(b1)
}

// push appends an op built elsewhere (from the builder's position),
// merging it with the last op as add does.
func (bd *builder) push(o iop) {
	if o.kind != Move && len(o.detail) == 0 {
		bd.add(o.kind, o.a1, o.b1, "", 0)
		return
	}
	bd.ops = append(bd.ops, o)
	bd.pa, bd.pb = o.a1, o.b1
}
