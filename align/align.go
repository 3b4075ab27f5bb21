package align

import (
	"cmp"
	"github.com/storydiff/storydiff/core"
	"slices"
)

// Align links the sentences of b (the newer version) to those of a.
func Align(a, b string, opts Options) Alignment {
	opts = opts.withDefaults()
	sa, sb := prepare(a, b, opts.related)
	chain, exact := anchors(sa, sb, opts.MoveScore, opts.MinMoveWords)

	var moves []bead
	takenA, takenB := make([]bool, len(sa.sents)), make([]bool, len(sb.sents))
	for _, p := range exact {
		moves = append(moves, bead{a: []int{p.a}, b: []int{p.b}, sim: p.sim})
		takenA[p.a], takenB[p.b] = true, true
	}

	// The stretches between anchors, in order, each aligned in place.
	var seq []bead
	degraded := false
	pi, pj := 0, 0
	stretch := func(i1, j1 int) {
		ia, ib := free(takenA, pi, i1), free(takenB, pj, j1)
		beads, banded := alignGap(sa, sb, ia, ib, opts.MinScore, opts.MaxCells)
		seq = append(seq, beads...)
		degraded = degraded || banded
	}
	for _, p := range chain {
		stretch(p.a, p.b)
		seq = append(seq, bead{a: []int{p.a}, b: []int{p.b}, sim: 1})
		pi, pj = p.a+1, p.b+1
	}
	stretch(len(sa.sents), len(sb.sents))

	// Sentences still alone on both sides may have moved.
	var loneA, loneB []int
	for _, s := range seq {
		if len(s.b) == 0 {
			loneA = append(loneA, s.a[0])
		} else if len(s.a) == 0 {
			loneB = append(loneB, s.b[0])
		}
	}
	moved := pairMoved(sa, sb, loneA, loneB, opts.MoveScore)
	for _, m := range moved {
		for _, i := range m.a {
			takenA[i] = true
		}
		for _, j := range m.b {
			takenB[j] = true
		}
	}
	moves = append(moves, moved...)
	if opts.related {
		free := func(single []int, taken []bool) []bool {
			out := make([]bool, len(taken))
			for _, i := range single {
				out[i] = !taken[i]
			}
			return out
		}
		fa, fb := free(loneA, takenA), free(loneB, takenB)
		attach(sa, sb, seq, moves, fa, fb, opts.MinScore)
		for _, w := range windowLinks(sa, sb, fa, fb) {
			w.inPlace = inOrder(seq, w)
			moves = append(moves, w)
		}
		for _, bs := range [][]bead{seq, moves} {
			for _, m := range bs {
				if len(m.a) > 0 && len(m.b) > 0 {
					for _, i := range m.a {
						takenA[i] = true
					}
					for _, j := range m.b {
						takenB[j] = true
					}
				}
			}
		}
	}
	slices.SortFunc(moves, func(x, y bead) int { return cmp.Compare(x.b[0], y.b[0]) })

	r := Alignment{A: sa.sents, B: sb.sents, Degraded: degraded}
	emit := func(s bead, isMove bool) {
		r.Links = append(r.Links, link(sa, sb, s, isMove))
	}
	k := 0
	for _, s := range seq {
		single := len(s.a)+len(s.b) == 1
		if single && ((len(s.a) == 1 && takenA[s.a[0]]) || (len(s.b) == 1 && takenB[s.b[0]])) {
			continue // now part of a move
		}
		if len(s.b) > 0 {
			for k < len(moves) && moves[k].b[0] < s.b[0] {
				emit(moves[k], !moves[k].inPlace)
				k++
			}
		}
		emit(s, false)
	}
	for ; k < len(moves); k++ {
		emit(moves[k], !moves[k].inPlace)
	}
	r.index()
	r.Stats = stats(r)
	return r
}

// free lists the sentences from..to-1 not taken by a move.
func free(taken []bool, from, to int) []int {
	var out []int
	for i := from; i < to; i++ {
		if !taken[i] {
			out = append(out, i)
		}
	}
	return out
}

// link turns a bead into a Link, naming how its sentences relate.
func link(sa, sb side, s bead, moved bool) Link {
	l := Link{Moved: moved, A: s.a, B: s.b, Score: s.sim}
	if l.A == nil {
		l.A = []int{}
	}
	if l.B == nil {
		l.B = []int{}
	}
	switch m, n := len(s.a), len(s.b); {
	case n == 0:
		l.Kind = Removed
	case m == 0:
		l.Kind = Added
	case m == 1 && n == 1 && sa.norm[s.a[0]] == sb.norm[s.b[0]]:
		l.Kind, l.Score = Equal, 1
	case m == 1 && n == 1:
		l.Kind = Edited
	case m == 1:
		l.Kind = Split
	case n == 1:
		l.Kind = Merged
	default:
		l.Kind = Regrouped
	}
	if len(s.a) > 0 {
		l.SpanA = core.Span{Start: sa.sents[s.a[0]].Span.Start, End: sa.sents[s.a[len(s.a)-1]].Span.End}
	}
	if len(s.b) > 0 {
		l.SpanB = core.Span{Start: sb.sents[s.b[0]].Span.Start, End: sb.sents[s.b[len(s.b)-1]].Span.End}
	}
	return l
}

// index fills LinkOfA and LinkOfB.
func (r *Alignment) index() {
	r.LinkOfA, r.LinkOfB = make([]int, len(r.A)), make([]int, len(r.B))
	for k, l := range r.Links {
		for _, i := range l.A {
			r.LinkOfA[i] = k
		}
		for _, j := range l.B {
			r.LinkOfB[j] = k
		}
	}
}

func stats(r Alignment) Stats {
	s := Stats{SentencesA: len(r.A), SentencesB: len(r.B)}
	words, kept := 0, 0
	for _, sent := range r.B {
		words += sent.Words
	}
	for _, l := range r.Links {
		n := len(l.B)
		switch l.Kind {
		case Equal:
			s.Equal += n
		case Edited:
			s.Edited += n
		case Split, Merged, Regrouped:
			s.Regrouped += n
		case Added:
			s.Added += n
		case Removed:
			s.Removed += len(l.A)
		}
		if l.Moved {
			s.Moved += n
		}
		if len(l.A) > 0 {
			for _, j := range l.B {
				kept += r.B[j].Words
			}
		}
	}
	if words > 0 {
		s.Kept = float64(kept) / float64(words)
	}
	return s
}
