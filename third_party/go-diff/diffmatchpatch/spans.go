package diffmatchpatch

import "time"

// Span is one operation of a diff of two rune slices A and B, by position:
// Len runes of A from A (DiffDelete, DiffEqual) or of B from B (DiffInsert).
// A and B are where the operation starts on each side, so that an insertion
// also says where in A it goes and a deletion where in B.
type Span struct {
	Type Operation
	A, B int
	Len  int
}

// DiffMainRunesSpans is DiffMainRunes(text1, text2, false) giving positions
// instead of texts: the same operations, in the same order, each Span
// covering the runes of the Diff at the same index, for runes that are
// valid code points (DiffMainRunes's strings hold U+FFFD for others). It
// builds no strings (DiffMainRunes turns every rune slice of every level of
// its recursion into a string and back), which makes it about twice as
// fast on the short sequences of token ids that word diffs compare.
func (dmp *DiffMatchPatch) DiffMainRunesSpans(text1, text2 []rune) []Span {
	return dmp.DiffMainRunesSpansWith(&SpanBuffers{}, text1, text2)
}

// SpanBuffers hold the memory DiffMainRunesSpansWith reuses from one call
// to the next: Myers' vectors and the list of spans. A caller that diffs
// many pairs in turn (the words of each changed paragraph of an article)
// then allocates them once, not once a pair. The zero value is ready.
type SpanBuffers struct {
	v   []int
	out []Span
}

// DiffMainRunesSpansWith is DiffMainRunesSpans with the memory of buf. The
// spans it returns are valid until the next call with the same buf.
func (dmp *DiffMatchPatch) DiffMainRunesSpansWith(buf *SpanBuffers, text1, text2 []rune) []Span {
	s := spanDiffer{a: text1, b: text2, halfMatch: dmp.DiffTimeout > 0, v: buf.v}
	if dmp.DiffTimeout > 0 {
		s.deadline = time.Now().Add(dmp.DiffTimeout)
	}
	out := s.main(buf.out[:0], 0, len(text1), 0, len(text2))
	buf.v, buf.out = s.v, out
	return out
}

// spanDiffer runs diffMainRunes's recursion on windows [a0, a1) of a and
// [b0, b1) of b: every text that diffMainRunes cuts from the two slices is
// such a window.
type spanDiffer struct {
	a, b      []rune
	deadline  time.Time
	halfMatch bool  // diffHalfMatch runs only with a time limit
	v         []int // diffBisect's two vectors, reused: each bisection is done with them before it recurses
}

// main is diffMainRunes, appending its operations to out. Each level of
// the recursion appends to the same slice and merges the operations it
// appended, as diffMainRunes merges the list it returns.
func (s *spanDiffer) main(out []Span, a0, a1, b0, b1 int) []Span {
	if runesEqual(s.a[a0:a1], s.b[b0:b1]) {
		if a1 > a0 {
			out = append(out, Span{DiffEqual, a0, b0, a1 - a0})
		}
		return out
	}
	start := len(out)
	prefix := commonPrefixLength(s.a[a0:a1], s.b[b0:b1])
	suffix := commonSuffixLength(s.a[a0+prefix:a1], s.b[b0+prefix:b1])
	if prefix != 0 {
		out = append(out, Span{DiffEqual, a0, b0, prefix})
	}
	out = s.compute(out, a0+prefix, a1-suffix, b0+prefix, b1-suffix)
	if suffix != 0 {
		out = append(out, Span{DiffEqual, a1 - suffix, b1 - suffix, suffix})
	}
	// The level's list is the end of out: merging it may append to it.
	level := s.cleanupMerge(out[start:], a1, b1)
	return append(out[:start], level...)
}

// compute is diffCompute (the texts have no common prefix or suffix),
// appending to diffs.
func (s *spanDiffer) compute(diffs []Span, a0, a1, b0, b1 int) []Span {
	n1, n2 := a1-a0, b1-b0
	switch {
	case n1 == 0:
		return append(diffs, Span{DiffInsert, a0, b0, n2})
	case n2 == 0:
		return append(diffs, Span{DiffDelete, a0, b0, n1})
	}
	if n1 > n2 {
		// The shorter text inside the longer one.
		if i := runesIndex(s.a[a0:a1], s.b[b0:b1]); i != -1 {
			return append(diffs,
				Span{DiffDelete, a0, b0, i},
				Span{DiffEqual, a0 + i, b0, n2},
				Span{DiffDelete, a0 + i + n2, b1, n1 - i - n2})
		}
	} else if i := runesIndex(s.b[b0:b1], s.a[a0:a1]); i != -1 {
		return append(diffs,
			Span{DiffInsert, a0, b0, i},
			Span{DiffEqual, a0, b0 + i, n1},
			Span{DiffInsert, a1, b0 + i + n1, n2 - i - n1})
	}
	if min(n1, n2) == 1 {
		return append(diffs, Span{DiffDelete, a0, b0, n1}, Span{DiffInsert, a1, b0, n2})
	}
	if x, y, m, ok := s.halfMatchAt(a0, a1, b0, b1); ok {
		diffs = s.main(diffs, a0, a0+x, b0, b0+y)
		diffs = append(diffs, Span{DiffEqual, a0 + x, b0 + y, m})
		return s.main(diffs, a0+x+m, a1, b0+y+m, b1)
	}
	return s.bisect(diffs, a0, a1, b0, b1)
}

// halfMatchAt is diffHalfMatch: a common run (at x in the A window, y in
// the B window, m long) at least half as long as the longer text.
func (s *spanDiffer) halfMatchAt(a0, a1, b0, b1 int) (x, y, m int, ok bool) {
	if !s.halfMatch {
		return 0, 0, 0, false
	}
	long, short := s.a[a0:a1], s.b[b0:b1]
	swapped := false
	if len(long) <= len(short) {
		long, short = short, long
		swapped = true
	}
	if len(long) < 4 || len(short)*2 < len(long) {
		return 0, 0, 0, false
	}
	l1, s1, m1 := halfMatchSpan(long, short, (len(long)+3)/4)
	l2, s2, m2 := halfMatchSpan(long, short, (len(long)+1)/2)
	var l, sh int
	switch {
	case m1 < 0 && m2 < 0:
		return 0, 0, 0, false
	case m2 < 0:
		l, sh, m = l1, s1, m1
	case m1 < 0:
		l, sh, m = l2, s2, m2
	case m1 > m2:
		l, sh, m = l1, s1, m1
	default:
		l, sh, m = l2, s2, m2
	}
	if swapped {
		return sh, l, m, true
	}
	return l, sh, m, true
}

// halfMatchSpan is diffHalfMatchI: where the common run starts in l and in
// s and its length, or m = -1 for none.
func halfMatchSpan(l, s []rune, i int) (li, si, m int) {
	seed := l[i : i+len(l)/4]
	best := 0
	for j := runesIndexOf(s, seed, 0); j != -1; j = runesIndexOf(s, seed, j+1) {
		prefix := commonPrefixLength(l[i:], s[j:])
		suffix := commonSuffixLength(l[:i], s[:j])
		if best < suffix+prefix {
			best = suffix + prefix
			li, si = i-suffix, j-suffix
		}
	}
	if best*2 < len(l) {
		return 0, 0, -1
	}
	return li, si, best
}

// bisect is diffBisect: Myers' middle snake, then both halves, appended to
// diffs.
func (s *spanDiffer) bisect(diffs []Span, a0, a1, b0, b1 int) []Span {
	runes1, runes2 := s.a[a0:a1], s.b[b0:b1]
	runes1Len, runes2Len := len(runes1), len(runes2)
	maxD := (runes1Len + runes2Len + 1) / 2
	vOffset := maxD
	vLength := 2 * maxD
	if cap(s.v) < 2*vLength {
		s.v = make([]int, 2*vLength)
	}
	v1, v2 := s.v[:vLength], s.v[vLength:2*vLength]
	for i := range v1 {
		v1[i] = -1
		v2[i] = -1
	}
	v1[vOffset+1] = 0
	v2[vOffset+1] = 0

	delta := runes1Len - runes2Len
	front := (delta%2 != 0)
	k1start, k1end, k2start, k2end := 0, 0, 0, 0
	for d := 0; d < maxD; d++ {
		if !s.deadline.IsZero() && d%16 == 0 && time.Now().After(s.deadline) {
			break
		}
		for k1 := -d + k1start; k1 <= d-k1end; k1 += 2 {
			k1Offset := vOffset + k1
			var x1 int
			if k1 == -d || (k1 != d && v1[k1Offset-1] < v1[k1Offset+1]) {
				x1 = v1[k1Offset+1]
			} else {
				x1 = v1[k1Offset-1] + 1
			}
			y1 := x1 - k1
			for x1 < runes1Len && y1 < runes2Len && runes1[x1] == runes2[y1] {
				x1++
				y1++
			}
			v1[k1Offset] = x1
			if x1 > runes1Len {
				k1end += 2
			} else if y1 > runes2Len {
				k1start += 2
			} else if front {
				k2Offset := vOffset + delta - k1
				if k2Offset >= 0 && k2Offset < vLength && v2[k2Offset] != -1 {
					if x1 >= runes1Len-v2[k2Offset] {
						return s.split(diffs, a0, a1, b0, b1, x1, y1)
					}
				}
			}
		}
		for k2 := -d + k2start; k2 <= d-k2end; k2 += 2 {
			k2Offset := vOffset + k2
			var x2 int
			if k2 == -d || (k2 != d && v2[k2Offset-1] < v2[k2Offset+1]) {
				x2 = v2[k2Offset+1]
			} else {
				x2 = v2[k2Offset-1] + 1
			}
			y2 := x2 - k2
			for x2 < runes1Len && y2 < runes2Len && runes1[runes1Len-x2-1] == runes2[runes2Len-y2-1] {
				x2++
				y2++
			}
			v2[k2Offset] = x2
			if x2 > runes1Len {
				k2end += 2
			} else if y2 > runes2Len {
				k2start += 2
			} else if !front {
				k1Offset := vOffset + delta - k2
				if k1Offset >= 0 && k1Offset < vLength && v1[k1Offset] != -1 {
					x1 := v1[k1Offset]
					y1 := vOffset + x1 - k1Offset
					if x1 >= runes1Len-x2 {
						return s.split(diffs, a0, a1, b0, b1, x1, y1)
					}
				}
			}
		}
	}
	// Out of time, or nothing in common.
	return append(diffs, Span{DiffDelete, a0, b0, runes1Len}, Span{DiffInsert, a1, b0, runes2Len})
}

// split is diffBisectSplit.
func (s *spanDiffer) split(diffs []Span, a0, a1, b0, b1, x, y int) []Span {
	diffs = s.main(diffs, a0, a0+x, b0, b0+y)
	return s.main(diffs, a0+x, a1, b0+y, b1)
}

// text is the runes a span covers.
func (s *spanDiffer) text(d Span) []rune {
	if d.Type == DiffInsert {
		return s.b[d.B : d.B+d.Len]
	}
	return s.a[d.A : d.A+d.Len]
}

// cleanupMerge is DiffCleanupMerge on spans whose texts end at a1 in A and
// b1 in B. The texts an operation is merged from are neighbours in A or B,
// so each merged text is again a window.
func (s *spanDiffer) cleanupMerge(diffs []Span, a1, b1 int) []Span {
	diffs = append(diffs, Span{DiffEqual, a1, b1, 0}) // the dummy entry at the end
	pointer := 0
	countDelete, countInsert := 0, 0
	lenDelete, lenInsert := 0, 0
	for pointer < len(diffs) {
		switch diffs[pointer].Type {
		case DiffInsert:
			countInsert++
			lenInsert += diffs[pointer].Len
			pointer++
		case DiffDelete:
			countDelete++
			lenDelete += diffs[pointer].Len
			pointer++
		case DiffEqual:
			if countDelete+countInsert > 1 {
				// The run of edits starts where its first one does;
				// its deleted text is a window of A from there, its
				// inserted text one of B.
				x := pointer - countDelete - countInsert
				ra, rb := diffs[x].A, diffs[x].B
				if countDelete != 0 && countInsert != 0 {
					c := commonPrefixLength(s.b[rb:rb+lenInsert], s.a[ra:ra+lenDelete])
					if c != 0 {
						if x > 0 && diffs[x-1].Type == DiffEqual {
							diffs[x-1].Len += c
						} else {
							// DiffCleanupMerge puts it first in the list:
							// a run with no equality before it is first.
							diffs = append(diffs, Span{})
							copy(diffs[1:], diffs)
							diffs[0] = Span{DiffEqual, ra, rb, c}
							pointer++
						}
						ra, rb = ra+c, rb+c
						lenInsert -= c
						lenDelete -= c
					}
					c = commonSuffixLength(s.b[rb:rb+lenInsert], s.a[ra:ra+lenDelete])
					if c != 0 {
						diffs[pointer].A -= c
						diffs[pointer].B -= c
						diffs[pointer].Len += c
						lenInsert -= c
						lenDelete -= c
					}
				}
				start := pointer - countDelete - countInsert
				switch {
				case countDelete == 0:
					diffs = spliceSpans(diffs, start, countInsert, Span{DiffInsert, ra, rb, lenInsert})
				case countInsert == 0:
					diffs = spliceSpans(diffs, start, countDelete, Span{DiffDelete, ra, rb, lenDelete})
				default:
					diffs = spliceSpans(diffs, start, countDelete+countInsert,
						Span{DiffDelete, ra, rb, lenDelete}, Span{DiffInsert, ra + lenDelete, rb, lenInsert})
				}
				pointer = start + 1
				if countDelete != 0 {
					pointer++
				}
				if countInsert != 0 {
					pointer++
				}
			} else if pointer != 0 && diffs[pointer-1].Type == DiffEqual {
				diffs[pointer-1].Len += diffs[pointer].Len
				diffs = append(diffs[:pointer], diffs[pointer+1:]...)
			} else {
				pointer++
			}
			countInsert, countDelete = 0, 0
			lenInsert, lenDelete = 0, 0
		}
	}
	if diffs[len(diffs)-1].Len == 0 {
		diffs = diffs[:len(diffs)-1]
	}

	// Second pass: single edits between equalities that can slide over one
	// of them: A<ins>BA</ins>C -> <ins>AB</ins>AC.
	changes := false
	for pointer = 1; pointer < len(diffs)-1; pointer++ {
		prev, edit, next := diffs[pointer-1], diffs[pointer], diffs[pointer+1]
		if prev.Type != DiffEqual || next.Type != DiffEqual {
			continue
		}
		if runesHasSuffix(s.text(edit), s.text(prev)) {
			// The edit starts where the equality before it did, and
			// that equality joins the one after it.
			diffs[pointer].A, diffs[pointer].B = prev.A, prev.B
			diffs[pointer+1].A -= prev.Len
			diffs[pointer+1].B -= prev.Len
			diffs[pointer+1].Len += prev.Len
			diffs = spliceSpans(diffs, pointer-1, 1)
			changes = true
		} else if runesHasPrefix(s.text(edit), s.text(next)) {
			diffs[pointer-1].Len += next.Len
			diffs[pointer].A += next.Len
			diffs[pointer].B += next.Len
			diffs = spliceSpans(diffs, pointer+1, 1)
			changes = true
		}
	}
	if changes {
		diffs = s.cleanupMerge(diffs, a1, b1)
	}
	return diffs
}

// spliceSpans is splice for spans, when no more elements are put in than
// are taken out (as in every call here).
func spliceSpans(slice []Span, index, amount int, elements ...Span) []Span {
	copy(slice[index:], elements)
	n := copy(slice[index+len(elements):], slice[index+amount:])
	return slice[:index+len(elements)+n]
}

func runesHasSuffix(s, suffix []rune) bool {
	return len(s) >= len(suffix) && runesEqual(s[len(s)-len(suffix):], suffix)
}

func runesHasPrefix(s, prefix []rune) bool {
	return len(s) >= len(prefix) && runesEqual(s[:len(prefix)], prefix)
}
