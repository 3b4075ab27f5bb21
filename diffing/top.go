package diffing

import "slices"

// gap is a change between two equal blocks of the top-level comparison, as
// token ranges [a0,a1) of A and [b0,b1) of B.
type gap struct{ a0, a1, b0, b1 int }

// top compares lines (or paragraphs, for a paragraph diff), pairs up moved
// ones, and refines the rest.
func (e *engine) top(bd *builder) {
	tokens := lineTokens
	if e.opts.Granularity == Paragraph {
		tokens = paragraphTokens
	}
	if e.a == e.b {
		bd.equal(e.ea, e.eb)
		return
	}
	ta, tb := tokens(e.a, pos{}, e.ea), tokens(e.b, pos{}, e.eb)
	blocks := e.topBlocks(ta, tb)
	gaps := make([]gap, 0, len(blocks)+1)
	pa, pb := 0, 0
	for _, bl := range blocks {
		gaps = append(gaps, gap{pa, bl.a, pb, bl.b})
		pa, pb = bl.a+bl.n, bl.b+bl.n
	}
	gaps = append(gaps, gap{pa, len(ta) - 1, pb, len(tb) - 1})

	moves := e.findMoves(ta, tb, gaps)
	from := make([][]move, len(gaps))
	to := make([][]move, len(gaps))
	for _, m := range moves {
		from[m.gapA] = append(from[m.gapA], m)
	}
	for _, m := range sortedByB(moves) {
		to[m.gapB] = append(to[m.gapB], m)
	}
	changed := 0
	for _, g := range gaps {
		changed += ta[g.a1].b - ta[g.a0].b + tb[g.b1].b - tb[g.b0].b
	}
	if changed > parallelBytes && len(gaps) > 1 {
		e.emitGapsParallel(bd, ta, tb, blocks, gaps, from, to)
		return
	}
	for k, g := range gaps {
		e.emitGap(bd, ta, tb, g, from[k], to[k])
		if k < len(blocks) {
			e.equalBlock(bd, ta, tb, blocks[k])
		}
	}
}

// emitGapsParallel does what the loop at the end of top does with the gaps
// refined concurrently, each into its own builder from where it starts, and
// joined in order as refineParallel joins its changes: the ops are the
// same, and the sentence comparison of one long changed stretch no longer
// waits for the others.
func (e *engine) emitGapsParallel(bd *builder, ta, tb []pos, blocks []block, gaps []gap, from, to [][]move) {
	out := make([][]iop, len(gaps))
	parallelDo(len(gaps), func(k int) int {
		g := gaps[k]
		return ta[g.a1].b - ta[g.a0].b + tb[g.b1].b - tb[g.b0].b
	}, func(w *engine, k int) {
		g := gaps[k]
		sub := &builder{pa: ta[g.a0], pb: tb[g.b0]}
		w.emitGap(sub, ta, tb, g, from[k], to[k])
		out[k] = sub.ops
	}, e)
	n := 0
	for _, ops := range out {
		n += len(ops)
	}
	bd.ops = slices.Grow(bd.ops, n+len(blocks))
	for k := range gaps {
		for _, o := range out[k] {
			bd.push(o)
		}
		if k < len(blocks) {
			e.equalBlock(bd, ta, tb, blocks[k])
		}
	}
}

// emitGap writes one top-level change: the moved lines in it as move ends,
// and the text between them refined, the k-th stretch of A between move
// ends against the k-th stretch of B.
func (e *engine) emitGap(bd *builder, ta, tb []pos, g gap, from, to []move) {
	first := e.firstLevel()
	for k := 0; ; k++ {
		na, nb := g.a1, g.b1
		if k < len(from) {
			na = from[k].a0
		}
		if k < len(to) {
			nb = to[k].b0
		}
		e.refine(bd, ta[na], tb[nb], first, false)
		if k >= len(from) && k >= len(to) {
			return
		}
		if k < len(from) {
			m := from[k]
			bd.add(opMove, ta[m.a1], bd.pb, roleFrom, int32(m.id))
		}
		if k < len(to) {
			m := to[k]
			bd.add(opMove, bd.pa, tb[m.b1], roleTo, int32(m.id))
			src, dst := ta[m.a0], tb[m.b0]
			if e.a[src.b:ta[m.a1].b] != e.b[dst.b:tb[m.b1].b] {
				sub := &builder{pa: src, pb: dst}
				e.refine(sub, ta[m.a1], tb[m.b1], lvWord, false)
				bd.ops[len(bd.ops)-1].detail = &sub.ops
			}
		}
	}
}

// topBlocks matches the lines of A and B: the unique lines worth keeping in
// place first (uniqueAnchors), then Myers between them. Lines match
// whatever white space follows them.
func (e *engine) topBlocks(ta, tb []pos) []block {
	anchors := e.uniqueAnchors(ta, tb)
	anchors = append(anchors, block{a: len(ta) - 1, b: len(tb) - 1}) // the ends
	var blocks []block
	pa, pb := 0, 0
	e.m.trimKeys = true
	defer func() { e.m.trimKeys = false }()
	for _, an := range anchors {
		if an.a > pa && an.b > pb {
			seg, ok := e.m.match(e.a, ta[pa:an.a+1], e.b, tb[pb:an.b+1], e.deadline)
			if !ok {
				if seg == nil && !e.expired() {
					e.degrade(tooManyTokens)
				} else {
					e.degrade(e.timeReason())
				}
			}
			for _, bl := range seg {
				blocks = append(blocks, block{a: bl.a + pa, b: bl.b + pb, n: bl.n})
			}
		}
		if an.n > 0 {
			blocks = append(blocks, an)
		}
		pa, pb = an.a+an.n, an.b+an.n
	}
	return blocks
}
