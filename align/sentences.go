package align

import (
	"math"
	"slices"

	"github.com/storydiff/storydiff/textnorm"
)

// side is one text cut into sentences, with what comparing them needs.
type side struct {
	sents []Sentence
	norm  []string // textnorm.Normalize of each sentence: the exact key
	bags  []bag
}

// bag is a sentence's words as term ids, ascending, each with its weight
// (count times rarity).
type bag struct {
	ids   []int32
	w     []float32
	total float32
}

// prepare segments both texts and weighs their words by rarity across the
// sentences of both, so that what the two versions share on every line
// (the, said) counts little and a shared name or number counts much.
func prepare(a, b string) (sa, sb side) {
	terms := map[string]int32{}
	var df []int
	ka := segment(a, &sa, terms, &df)
	kb := segment(b, &sb, terms, &df)
	n := float64(len(ka) + len(kb))
	idf := make([]float32, len(df))
	for t, d := range df {
		idf[t] = float32(math.Log(1 + n/float64(d)))
	}
	sa.bags = bags(ka, idf)
	sb.bags = bags(kb, idf)
	return sa, sb
}

// segment fills s with the sentences of text and returns each sentence's
// term ids, counting in df the sentences each term occurs in.
func segment(text string, s *side, terms map[string]int32, df *[]int) [][]int32 {
	rs := []rune(text)
	lines := textnorm.Lines(text)
	line := 0
	var keys [][]int32
	for _, sp := range textnorm.Sentences(text) {
		for line < len(lines)-1 && lines[line].End <= sp.Start {
			line++
		}
		words := textnorm.WordsRunes(rs[sp.Start:sp.End])
		ids := make([]int32, 0, len(words))
		for _, w := range words {
			id, ok := terms[w.Key]
			if !ok {
				id = int32(len(terms))
				terms[w.Key] = id
				*df = append(*df, 0)
			}
			ids = append(ids, id)
		}
		slices.Sort(ids)
		for k, id := range ids {
			if k == 0 || ids[k-1] != id {
				(*df)[id]++
			}
		}
		s.sents = append(s.sents, Sentence{Span: sp, Paragraph: line, Words: len(words)})
		s.norm = append(s.norm, textnorm.Normalize(string(rs[sp.Start:sp.End])))
		keys = append(keys, ids)
	}
	return keys
}

// bags turns sorted term ids (with repeats) into weighted bags.
func bags(keys [][]int32, idf []float32) []bag {
	out := make([]bag, len(keys))
	for k, ids := range keys {
		var b bag
		for i, id := range ids {
			if i > 0 && ids[i-1] == id {
				b.w[len(b.w)-1] += idf[id]
			} else {
				b.ids = append(b.ids, id)
				b.w = append(b.w, idf[id])
			}
			b.total += idf[id]
		}
		out[k] = b
	}
	return out
}

// join is the bag of several sentences read as one.
func join(bs []bag) bag {
	if len(bs) == 1 {
		return bs[0]
	}
	var out bag
	for _, b := range bs {
		out = add(out, b)
	}
	return out
}

func add(x, y bag) bag {
	out := bag{
		ids:   make([]int32, 0, len(x.ids)+len(y.ids)),
		w:     make([]float32, 0, len(x.ids)+len(y.ids)),
		total: x.total + y.total,
	}
	i, j := 0, 0
	for i < len(x.ids) || j < len(y.ids) {
		switch {
		case j == len(y.ids) || (i < len(x.ids) && x.ids[i] < y.ids[j]):
			out.ids, out.w = append(out.ids, x.ids[i]), append(out.w, x.w[i])
			i++
		case i == len(x.ids) || y.ids[j] < x.ids[i]:
			out.ids, out.w = append(out.ids, y.ids[j]), append(out.w, y.w[j])
			j++
		default:
			out.ids, out.w = append(out.ids, x.ids[i]), append(out.w, x.w[i]+y.w[j])
			i++
			j++
		}
	}
	return out
}

// similarity is the weighted Dice coefficient of two bags: twice the weight
// they share over the weight of both, 0 to 1.
func similarity(x, y bag) float64 {
	if x.total == 0 || y.total == 0 {
		return 0
	}
	var shared float32
	i, j := 0, 0
	for i < len(x.ids) && j < len(y.ids) {
		switch {
		case x.ids[i] < y.ids[j]:
			i++
		case y.ids[j] < x.ids[i]:
			j++
		default:
			shared += min(x.w[i], y.w[j])
			i++
			j++
		}
	}
	return min(1, float64(2*shared/(x.total+y.total))) // float32 sums may round past 1
}
