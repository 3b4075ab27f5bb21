package diffing

import "unicode/utf8"

// Detail is computed for a replaced word no longer than this many runes.
const detailMaxRunes = 40

// addDetail gives each hunk that replaces one short word or phrase (a delete
// then an insert, at most two words each) the character diff inside it, when
// so little changes (at most two runes, or a third of the longer side) that
// it reads as a correction ("goverment" -> "government", "Zelensky" ->
// "Zelenskyy") rather than a different word.
func (e *engine) addDetail(ops []iop) {
	for i := 0; i+1 < len(ops); i++ {
		d, n := &ops[i], &ops[i+1]
		if d.kind != opDelete || n.kind != opInsert {
			continue
		}
		if (i > 0 && isChange(&ops[i-1])) || (i+2 < len(ops) && isChange(&ops[i+2])) {
			continue
		}
		if d.a1.r-d.a0.r > detailMaxRunes || n.b1.r-n.b0.r > detailMaxRunes {
			continue
		}
		dt, nt := e.a[d.a0.b:d.a1.b], e.b[n.b0.b:n.b1.b]
		if countWords(dt) > 2 || countWords(nt) > 2 {
			continue
		}
		longest := max(utf8.RuneCountInString(dt), utf8.RuneCountInString(nt))
		if longest-sharedRunes(dt, nt) > max(2, longest/3) {
			continue // cannot be close enough, whatever the alignment
		}
		sub := &builder{pa: d.a0, pb: n.b0}
		e.refine(sub, d.a1, n.b1, lvChar, true)
		same := 0
		for _, o := range sub.ops {
			if o.kind == opEqual {
				same += o.a1.r - o.a0.r
			}
		}
		if longest-same > max(2, longest/3) {
			continue // a different word (Monday -> Friday), not a correction
		}
		d.detail, n.detail = &sub.ops, &sub.ops
		i++
	}
}

func isChange(o *iop) bool { return o.kind == opDelete || o.kind == opInsert }

// sharedRunes is the size of the multiset intersection of the runes of x and
// y: an upper bound on the runes a character diff can keep equal.
func sharedRunes(x, y string) int {
	var counts [128]int
	var other map[rune]int
	for _, r := range x {
		if r < 128 {
			counts[r]++
			continue
		}
		if other == nil {
			other = map[rune]int{}
		}
		other[r]++
	}
	n := 0
	for _, r := range y {
		if r < 128 {
			if counts[r] > 0 {
				counts[r]--
				n++
			}
		} else if other[r] > 0 {
			other[r]--
			n++
		}
	}
	return n
}
