package reuse

// span is a stretch of words in each text, ends inclusive.
type span struct{ a0, a1, b0, b1 int }

// keyed is one seed candidate of one text: its key and the words it covers.
type keyed struct {
	key    uint64
	lo, hi int32
}

// gramSeeds pairs the word n-grams (exact keys, stop words included) found
// in both texts. N-grams of stop words alone ("one of the") are left out.
func gramSeeds(wa, wb []word, opt Options) []span {
	grams := func(ws []word) []keyed {
		var out []keyed
		for i := 0; i+opt.Gram <= len(ws); i++ {
			h, content := uint64(gramSeed), false
			for _, w := range ws[i : i+opt.Gram] {
				h = mix(h ^ w.key)
				content = content || !w.stop
			}
			if content {
				out = append(out, keyed{h, int32(i), int32(i + opt.Gram - 1)})
			}
		}
		return out
	}
	return join(grams(wa), grams(wb), opt.MaxRepeat)
}

// pairSeeds pairs the sorted pairs of content-word stems lying within
// Window content words of each other, found in both texts: they survive
// words inserted, dropped or swapped between them.
func pairSeeds(wa, wb []word, opt Options) []span {
	pairs := func(ws []word) []keyed {
		var idx []int
		for i, w := range ws {
			if !w.stop && !w.common {
				idx = append(idx, i)
			}
		}
		out := make([]keyed, 0, len(idx)*opt.Window)
		for p, i := range idx {
			for q := p + 1; q < len(idx) && q <= p+opt.Window; q++ {
				j := idx[q]
				if ws[i].stem == ws[j].stem {
					continue // a repeated word is no pair
				}
				out = append(out, keyed{hashPair(ws[i].stem, ws[j].stem), int32(i), int32(j)})
			}
		}
		return out
	}
	return join(pairs(wa), pairs(wb), opt.MaxRepeat)
}

// join matches the keys of both sides by sorting them, skipping keys that
// occur more than maxRepeat times on either side.
func join(ka, kb []keyed, maxRepeat int) []span {
	sortKeyed(ka)
	sortKeyed(kb)
	var out []span
	i, j := 0, 0
	for i < len(ka) && j < len(kb) {
		switch {
		case ka[i].key < kb[j].key:
			i++
			continue
		case ka[i].key > kb[j].key:
			j++
			continue
		}
		k := ka[i].key
		ie, je := i, j
		for ie < len(ka) && ka[ie].key == k {
			ie++
		}
		for je < len(kb) && kb[je].key == k {
			je++
		}
		if ie-i <= maxRepeat && je-j <= maxRepeat {
			for _, x := range ka[i:ie] {
				for _, y := range kb[j:je] {
					out = append(out, span{int(x.lo), int(x.hi), int(y.lo), int(y.hi)})
				}
			}
		}
		i, j = ie, je
	}
	return out
}
