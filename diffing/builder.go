package diffing

// iop is an op under construction: spans as pos (runes and bytes). A long
// diff builds tens of thousands of them, copied as parts are joined, so the
// names of its kind, move role and minor class are bytes here and become
// strings only in the exported Op: 80 bytes an op, where strings made 144.
type iop struct {
	kind   opKind
	role   moveRole
	why    minorWhy // the minor class, noWhy if not minor
	moveID int32
	a0, a1 pos
	b0, b1 pos
	detail *[]iop // the character diff inside a corrected word, or nil
}

func (o *iop) hasDetail() bool { return o.detail != nil && len(*o.detail) > 0 }

// opKind is an op's Kind inside the engine.
type opKind uint8

const (
	opEqual opKind = iota
	opInsert
	opDelete
	opMove
)

var kindNames = [...]Kind{opEqual: Equal, opInsert: Insert, opDelete: Delete, opMove: Move}

// moveRole is a move op's Role inside the engine.
type moveRole uint8

const (
	noRole moveRole = iota
	roleFrom
	roleTo
)

var roleNames = [...]string{noRole: "", roleFrom: MoveFrom, roleTo: MoveTo}

// minorWhy is a minor hunk's class (Op.Why) inside the engine.
type minorWhy uint8

const (
	noWhy minorWhy = iota
	whyBoilerplate
	whySpace
	whyCase
	whyTypography
	whyPunctuation
	whyVariant
)

var whyNames = [...]string{noWhy: "", whyBoilerplate: "boilerplate", whySpace: "space", whyCase: "case",
	whyTypography: "typography", whyPunctuation: "punctuation", whyVariant: "variant"}

// builder appends ops in order, merging neighbours of the same kind, and
// keeps the current position in both texts so that spans tile them.
type builder struct {
	ops    []iop
	pa, pb pos
}

func (bd *builder) add(k opKind, a1, b1 pos, role moveRole, id int32) {
	if a1 == bd.pa && b1 == bd.pb {
		return
	}
	if n := len(bd.ops); n > 0 && k != opMove {
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

func (bd *builder) equal(a1, b1 pos) { bd.add(opEqual, a1, b1, noRole, 0) }
func (bd *builder) del(a1 pos)       { bd.add(opDelete, a1, bd.pb, noRole, 0) }
func (bd *builder) ins(b1 pos)       { bd.add(opInsert, bd.pa, b1, noRole, 0) }

// replace deletes up to a1 and inserts up to b1: the coarsest change.
func (bd *builder) replace(a1, b1 pos) {
	bd.del(a1)
	bd.ins(b1)
}

// push appends an op built elsewhere (from the builder's position),
// merging it with the last op as add does.
func (bd *builder) push(o iop) {
	if o.kind != opMove && !o.hasDetail() {
		bd.add(o.kind, o.a1, o.b1, noRole, 0)
		return
	}
	bd.ops = append(bd.ops, o)
	bd.pa, bd.pb = o.a1, o.b1
}
