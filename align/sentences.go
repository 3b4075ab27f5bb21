package align

import (
	"hash/fnv"
	"math"
	"slices"

	"github.com/storydiff/storydiff/detect"
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
	// grams are the hashes of the sentence's word triples holding a word
	// that is not a stop word, ascending.
	grams []uint64
}

// prepare segments both texts and weighs their words by rarity, both
// across the sentences of the two texts and in everyday English, so that
// what the two versions share on every line (the, said, Ukraine in a story
// on Ukraine) counts little and a shared name or number counts much.
func prepare(a, b string) (sa, sb side) {
	terms := map[string]int32{}
	var df []int
	ka, ga := segment(a, &sa, terms, &df)
	kb, gb := segment(b, &sb, terms, &df)
	n := float64(len(ka) + len(kb))
	idf := make([]float32, len(df))
	for key, t := range terms {
		idf[t] = float32(math.Log(1+n/float64(df[t])) * background(key))
	}
	sa.bags = bags(ka, ga, idf)
	sb.bags = bags(kb, gb, idf)
	return sa, sb
}

// segment fills s with the sentences of text and returns each sentence's
// term ids, counting in df the sentences each term occurs in.
func segment(text string, s *side, terms map[string]int32, df *[]int) ([][]int32, [][]uint64) {
	rs := []rune(text)
	lines := textnorm.Lines(text)
	line := 0
	var keys [][]int32
	var grams [][]uint64
	for _, sp := range textnorm.Sentences(text) {
		for line < len(lines)-1 && lines[line].End <= sp.Start {
			line++
		}
		words := textnorm.WordsRunes(rs[sp.Start:sp.End])
		ids := make([]int32, 0, len(words))
		for k := range words {
			words[k].Key = latinKey(words[k].Key)
		}
		for _, w := range words {
			id, ok := terms[w.Key]
			if !ok {
				id = int32(len(terms))
				terms[w.Key] = id
				*df = append(*df, 0)
			}
			ids = append(ids, id)
		}
		grams = append(grams, triples(words))
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
	return keys, grams
}

// bags turns sorted term ids (with repeats) into weighted bags.
func bags(keys [][]int32, grams [][]uint64, idf []float32) []bag {
	out := make([]bag, len(keys))
	for k, ids := range keys {
		b := bag{grams: grams[k]}
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
		grams: append(slices.Clone(x.grams), y.grams...),
	}
	slices.Sort(out.grams)
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
	return simFrom(sharedWeight(x, y), x, y)
}

// sharedWeight is the weight two bags have in common.
func sharedWeight(x, y bag) float32 {
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
	return shared
}

// simFrom is the similarity of two bags sharing the given weight.
func simFrom(shared float32, x, y bag) float64 {
	if x.total == 0 || y.total == 0 {
		return 0
	}
	sim := min(1, float64(2*shared/(x.total+y.total))) // float32 sums may round past 1
	return sim + (1-sim)*phraseBonus*float64(min(maxPhrases, sharedGrams(x.grams, y.grams)))
}

// simBound is the most a similarity with the given Dice part can reach
// once shared phrases are counted.
func simBound(dice float64) float64 {
	dice = min(1, dice)
	return dice + (1-dice)*phraseBonus*maxPhrases
}

// Each shared word triple (with a word that is not a stop word) closes
// phraseBonus of the distance between a similarity and 1, up to maxPhrases
// of them: two outlets quoting one phrase ("for the first time since
// February 18") say the same thing even when the rest of their sentences
// differ, as rewritten wire copy does. Closing a share of the distance,
// rather than adding, leaves near-identical groups apart, so that a merged
// sentence still matches its two sources better than either alone.
const (
	phraseBonus = 0.05
	maxPhrases  = 4
)

func sharedGrams(x, y []uint64) int {
	n, i, j := 0, 0, 0
	for i < len(x) && j < len(y) {
		switch {
		case x[i] < y[j]:
			i++
		case y[j] < x[i]:
			j++
		default:
			n++
			i++
			j++
		}
	}
	return n
}

// triples hashes the word triples of a sentence that hold a word that is
// not a stop word.
func triples(words []textnorm.Token) []uint64 {
	var out []uint64
	for k := 2; k < len(words); k++ {
		content := false
		h := fnv.New64a()
		for _, w := range words[k-2 : k+1] {
			if _, stop := detect.Rarity(w.Key); !stop {
				content = true
			}
			h.Write([]byte(w.Key))
			h.Write([]byte{0})
		}
		if content {
			out = append(out, h.Sum64())
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// background scales a word's weight by its rarity in everyday English
// (detect.Rarity): two articles alone cannot tell that "stressed" says more
// than "that" when both occur once in each. Stop words keep a little
// weight, so that sentences made only of them can still match exactly.
func background(key string) float64 {
	idf, stop := detect.Rarity(key)
	if stop {
		return stopWeight
	}
	return min(1, max(stopWeight, idf/maxRarity))
}

const (
	stopWeight = 0.2
	maxRarity  = 14 // about Rarity of a word never seen in the counts
)
