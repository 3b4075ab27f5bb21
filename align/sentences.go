package align

import (
	"cmp"
	"hash/fnv"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storydiff/storydiff/detect"
	"github.com/storydiff/storydiff/textnorm"
)

// side is one text cut into sentences, with what comparing them needs.
type side struct {
	sents []Sentence
	norm  []string // textnorm.Normalize of each sentence: the exact key
	bags  []bag
	// content marks the terms (shared by both sides) that count as
	// evidence between related versions: words that are not stop words and
	// not found in many of their sentences. Nil when any shared word is
	// evidence.
	content []bool
	word    []bool       // terms that are not stop words (with content)
	caps    [][][2]int32 // per sentence, see segment
	stems   [][]uint64   // per sentence, see bag
	heads   []bool       // per sentence, see titleLike
	// rare marks the terms that count as items of evidence for a window
	// (see windowLinks): not stop words, in few sentences, and rare in
	// everyday English; rareStem the light stems of such words written in
	// lower case, termStem each term's stem (0 when none).
	rare     []bool
	rareStem map[uint64]bool
	termStem []uint64
	number   []bool // terms written in digits
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
	// named are the terms written capitalised in the sentence (a name or a
	// title), ascending; the first word only when never written otherwise.
	named []int32
	// namedAt is the word position of each named term in the sentence (in
	// a group, positions of later sentences are offset by groupGap).
	namedAt []int32
	// stems are the hashes of the first stemLen letters of the sentence's
	// longer words written in lower case that are not stop words,
	// ascending: a light stem that lets "spoke" meet "spoken" and
	// "maintain" meet "maintaining" as evidence.
	stems []uint64
	// head is set, between related versions, for a headline, caption or
	// other line of its own not ending as a sentence does (see titleLike).
	head bool
}

const stemLen = 5

const groupGap = 1 << 16

// prepare segments both texts and weighs their words by rarity, both
// across the sentences of the two texts and in everyday English, so that
// what the two versions share on every line (the, said, Ukraine in a story
// on Ukraine) counts little and a shared name or number counts much.
func prepare(a, b string, related bool) (sa, sb side) {
	v := newVocab()
	ka, ga := v.segment(a, &sa)
	kb, gb := v.segment(b, &sb)
	n := float64(len(ka) + len(kb))
	idf := make([]float32, len(v.df))
	for t, d := range v.df {
		idf[t] = float32(math.Log(1+n/float64(d)) * v.bg[t])
	}
	sa.bags = bags(ka, ga, idf)
	sb.bags = bags(kb, gb, idf)
	if related {
		content, word := make([]bool, len(v.df)), make([]bool, len(v.df))
		for t := range v.df {
			// A name of the story's topic (Ukraine, Russian in a story on
			// the war) is in too many sentences to say which go together.
			content[t] = !v.stop[t] && (v.cased[t] != upperSeen || v.df[t] <= max(4, int(n)/10))
			word[t] = !v.stop[t]
		}
		sa.content, sb.content = content, content
		few := max(4, int(n)/10)
		number := make([]bool, len(v.df))
		for k, t := range v.terms {
			r, _ := utf8.DecodeRuneInString(k)
			number[t] = unicode.IsDigit(r)
		}
		rare, rareStem := make([]bool, len(v.df)), map[uint64]bool{}
		stemDF := map[uint64]int{}
		for _, s := range []*side{&sa, &sb} {
			for _, st := range s.stems {
				for _, h := range st {
					stemDF[h]++
				}
			}
		}
		for t := range v.df {
			if v.cased[t] == upperSeen { // a name
				rare[t] = !v.stop[t] && v.df[t] <= few
			} else {
				rare[t] = !v.stop[t] && v.df[t] <= windowWordSentences && v.bg[t] >= windowRarity
			}
			if h := v.stem[t]; h != 0 && rare[t] && v.cased[t]&lowerSeen != 0 && stemDF[h] <= windowWordSentences {
				rareStem[h] = true
			}
		}
		for _, s := range []*side{&sa, &sb} {
			s.rare, s.rareStem, s.termStem, s.number = rare, rareStem, v.stem, number
		}
		sa.word, sb.word = word, word
		named(sa.bags, sa.caps, v.cased)
		named(sb.bags, sb.caps, v.cased)
		for _, s := range []*side{&sa, &sb} {
			for k := range s.bags {
				s.bags[k].stems, s.bags[k].head = s.stems[k], s.heads[k]
			}
		}
	}
	return sa, sb
}

// vocab numbers the words of the two texts compared and keeps, once per
// distinct word, what comparing sentences needs of it: transliterating,
// looking up its rarity and hashing it once rather than at every
// occurrence is most of the cost of reading a text.
type vocab struct {
	raw   map[string]int32 // word as written -> term
	terms map[string]int32 // transliterated key -> term
	df    []int            // sentences holding each term
	cased []uint8          // how each term was written (upperSeen, lowerSeen)
	stop  []bool           // a stop word (detect.Rarity)
	bg    []float64        // background weight
	hash  []uint64         // of the key, for word triples
	stem  []uint64         // of the key's first stemLen letters; 0 when shorter or a stop word
}

func newVocab() *vocab {
	return &vocab{raw: map[string]int32{}, terms: map[string]int32{}}
}

// term is the id of a word as written, added on first sight. Its key is
// textnorm.WordsRunes's (folded, spelling variants merged), transliterated.
func (v *vocab) term(w string) int32 {
	if id, ok := v.raw[w]; ok {
		return id
	}
	key := textnorm.VariantKey(textnorm.Fold(w))
	if key == "" {
		key = w // letters that fold away entirely still need a key
	}
	key = latinKey(key)
	id, ok := v.terms[key]
	if !ok {
		id = int32(len(v.df))
		v.terms[key] = id
		_, stop := detect.Rarity(key)
		var stem uint64
		if rk := []rune(key); len(rk) >= stemLen && !stop {
			stem = hashString(string(rk[:stemLen]))
		}
		v.df = append(v.df, 0)
		v.cased = append(v.cased, 0)
		v.stop = append(v.stop, stop)
		v.bg = append(v.bg, background(key))
		v.hash = append(v.hash, hashString(key))
		v.stem = append(v.stem, stem)
	}
	v.raw[w] = id
	return id
}

// segment fills s with the sentences of text and returns each sentence's
// term ids (ascending, with repeats) and word triples, counting in df the
// sentences each term occurs in.
func (v *vocab) segment(text string, s *side) ([][]int32, [][]uint64) {
	if !utf8.ValidString(text) {
		text = string([]rune(text)) // as offsets count: one U+FFFD per bad byte
	}
	// Sentences (ascending) are cut from text without copying: a cursor
	// turns their code-point offsets into byte offsets.
	cr, cb := 0, 0
	at := func(r int) int {
		for cr < r {
			_, n := utf8.DecodeRuneInString(text[cb:])
			cr, cb = cr+1, cb+n
		}
		return cb
	}
	lines := textnorm.Lines(text)
	line := 0
	var keys [][]int32
	var grams [][]uint64
	var words []word
	var caps [][2]int32
	for _, sp := range textnorm.Sentences(text) {
		for line < len(lines)-1 && lines[line].End <= sp.Start {
			line++
		}
		from := at(sp.Start)
		sent := text[from:at(sp.End)]
		words = v.words(sent, words[:0])
		ids := make([]int32, len(words))
		caps = caps[:0] // term and position: the first word, then the capitalised ones
		var stems []uint64
		for k, w := range words {
			id := w.id
			ids[k] = id
			if k == 0 {
				caps = append(caps, [2]int32{id, 0}) // capitalised whatever it is
				continue
			}
			switch r := w.first; {
			case unicode.IsUpper(r):
				v.cased[id] |= upperSeen
				caps = append(caps, [2]int32{id, int32(k)})
			case unicode.IsLower(r):
				v.cased[id] |= lowerSeen
				// Only a word written in lower case (and not first, where
				// it may be a name) lends its stem as evidence.
				if v.stem[id] != 0 {
					stems = append(stems, v.stem[id])
				}
			}
		}
		slices.Sort(stems)
		s.stems = append(s.stems, slices.Compact(stems))
		s.caps = append(s.caps, slices.Clone(caps))
		grams = append(grams, v.triples(ids))
		slices.Sort(ids)
		for k, id := range ids {
			if k == 0 || ids[k-1] != id {
				v.df[id]++
			}
		}
		r, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(sent))
		s.heads = append(s.heads, !strings.ContainsRune(".!?\"”’»…", r)) // line of its own: below
		s.sents = append(s.sents, Sentence{Span: sp, Paragraph: line, Words: len(words)})
		s.norm = append(s.norm, textnorm.Normalize(sent))
		keys = append(keys, ids)
	}
	// A sentence not ending as one does is title-like when its line holds
	// no other sentence: a headline, a caption, a credit.
	for k, st := range s.sents {
		if !s.heads[k] || len(lines) == 0 {
			continue
		}
		ln := lines[min(st.Paragraph, len(lines)-1)]
		alone := st.Span.Start >= ln.Start && st.Span.End <= ln.End &&
			(k == 0 || s.sents[k-1].Span.End <= ln.Start) && (k+1 == len(s.sents) || s.sents[k+1].Span.Start >= ln.End)
		s.heads[k] = alone
	}
	return keys, grams
}

// word is one word of a sentence: its term and its first letter as
// written.
type word struct {
	id    int32
	first rune
}

// words splits a sentence into words exactly as textnorm.WordsRunes does
// (a run of letters, digits and combining marks, with an apostrophe between
// letters or a point or comma between digits inside it), appending them to
// out; each distinct word is folded and keyed once, by term.
func (v *vocab) words(s string, out []word) []word {
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			i += n
			continue
		}
		start, first, prev := i, r, r
		i += n
		for i < len(s) {
			r, n := utf8.DecodeRuneInString(s[i:])
			if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
				prev = r
				i += n
				continue
			}
			if i+n < len(s) {
				next, m := utf8.DecodeRuneInString(s[i+n:])
				if textnorm.IsJoiner(prev, r, next) {
					prev = next
					i += n + m
					continue
				}
			}
			break
		}
		out = append(out, word{id: v.term(s[start:i]), first: first})
	}
	return out
}

// bags turns sorted term ids (with repeats) into weighted bags.
func bags(keys [][]int32, grams [][]uint64, idf []float32) []bag {
	out := make([]bag, len(keys))
	for k, ids := range keys {
		b := bag{grams: grams[k], ids: make([]int32, 0, len(ids)), w: make([]float32, 0, len(ids))}
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
	out.named, out.namedAt = mergeNamed(x, y)
	out.stems = append(slices.Clone(x.stems), y.stems...)
	slices.Sort(out.stems)
	out.stems = slices.Compact(out.stems)
	out.head = x.head || y.head
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
func mergeNamed(x, y bag) ([]int32, []int32) {
	var ids, at []int32
	i, j := 0, 0
	for i < len(x.named) || j < len(y.named) {
		switch {
		case j == len(y.named) || (i < len(x.named) && x.named[i] < y.named[j]):
			ids, at = append(ids, x.named[i]), append(at, x.namedAt[i])
			i++
		case i == len(x.named) || y.named[j] < x.named[i]:
			ids, at = append(ids, y.named[j]), append(at, y.namedAt[j]+groupGap)
			j++
		default:
			ids, at = append(ids, x.named[i]), append(at, x.namedAt[i])
			i++
			j++
		}
	}
	return ids, at
}

func similarity(x, y bag) float64 {
	shared, n := overlap(x, y)
	return simFrom(shared, n, x, y)
}

// overlap is the weight two bags have in common and the number of terms
// they share.
func overlap(x, y bag) (shared float32, n int) {
	i, j := 0, 0
	for i < len(x.ids) && j < len(y.ids) {
		switch {
		case x.ids[i] < y.ids[j]:
			i++
		case y.ids[j] < x.ids[i]:
			j++
		default:
			shared += min(x.w[i], y.w[j])
			n++
			i++
			j++
		}
	}
	return shared, n
}

// simFrom is the similarity of two bags sharing the given weight and n
// terms. Fewer than three shared terms cannot make a shared triple (whose
// words differ, see triples), so the phrases are compared only from three.
func simFrom(shared float32, n int, x, y bag) float64 {
	if x.total == 0 || y.total == 0 {
		return 0
	}
	sim := min(1, float64(2*shared/(x.total+y.total))) // float32 sums may round past 1
	if n >= 3 {
		sim += (1 - sim) * phraseBonus * float64(min(maxPhrases, sharedGrams(x.grams, y.grams)))
	}
	if x.head != y.head {
		sim *= headFactor
	}
	return sim
}

// A headline or photo caption shares its names with the lede and with
// every sentence on the same call, but it is a line of another kind:
// against a sentence of the body it counts for headFactor of its
// similarity, so that a body sentence saying as much is preferred (003's
// caption "US Secretary of Defense Lloyd Austin makes a phone call at his
// desk" is not 004's lede), and it is never grouped with other sentences.
// A sentence is title-like when its line holds nothing else and it does
// not end as a sentence does (see segment).
const headFactor = 0.7

// simAtLeast is the similarity of two bags sharing the given weight and n
// terms when it could reach floor; otherwise it returns the Dice part
// alone, below floor, without comparing the bags' phrases.
func simAtLeast(shared float32, n int, x, y bag, floor float64) float64 {
	if x.total == 0 || y.total == 0 {
		return 0
	}
	if dice := float64(2 * shared / (x.total + y.total)); simBound(dice) < floor {
		return dice
	}
	return simFrom(shared, n, x, y)
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

// triples hashes the word triples of a sentence (its term ids in order)
// of three different words, one at least not a stop word.
func (v *vocab) triples(ids []int32) []uint64 {
	var out []uint64
	for k := 2; k < len(ids); k++ {
		x, y, z := ids[k-2], ids[k-1], ids[k]
		if (v.stop[x] && v.stop[y] && v.stop[z]) || x == y || y == z || x == z {
			continue
		}
		h := v.hash[x]
		h = (h^(h>>29))*0x9e3779b97f4a7c15 + v.hash[y]
		h = (h^(h>>29))*0x9e3779b97f4a7c15 + v.hash[z]
		out = append(out, h)
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

// sharedWords counts the words two bags share that are not stop words.
func (s side) sharedWords(x, y bag) int {
	n, i, j := 0, 0, 0
	for i < len(x.ids) && j < len(y.ids) {
		switch {
		case x.ids[i] < y.ids[j]:
			i++
		case y.ids[j] < x.ids[i]:
			j++
		default:
			if s.word == nil || s.word[x.ids[i]] {
				n++
			}
			i++
			j++
		}
	}
	return n
}

func has(ids []int32, t int32) bool {
	_, ok := slices.BinarySearch(ids, t)
	return ok
}

// named fills each bag's named terms: those capitalised inside the
// sentence, and its first word when the texts never write it otherwise.
func named(bs []bag, caps [][][2]int32, cased []uint8) {
	for k, c := range caps {
		var out [][2]int32
		for x, tp := range c {
			if x > 0 || cased[tp[0]]&lowerSeen == 0 {
				out = append(out, tp)
			}
		}
		slices.SortStableFunc(out, func(p, q [2]int32) int { return cmp.Compare(p[0], q[0]) })
		out = slices.CompactFunc(out, func(p, q [2]int32) bool { return p[0] == q[0] })
		for _, tp := range out {
			bs[k].named = append(bs[k].named, tp[0])
			bs[k].namedAt = append(bs[k].namedAt, tp[1])
		}
	}
}

// How a word was written inside sentences: a word only ever capitalised
// there is a name (or a title).
const (
	upperSeen uint8 = 1 << iota
	lowerSeen
)

// evident reports whether two bags share evidence that they say the same
// thing. Between related versions a shared name and title are not enough
// ("Ukrainian President Volodymyr Zelensky" opens many sentences of one
// story that report different things): they must share a content word,
// a verb, noun or number written in lower case somewhere in the texts.
func (s side) evident(x, y bag) bool {
	if s.content == nil || sharedGrams(x.stems, y.stems) > 0 {
		return true
	}
	var names []int32
	i, j := 0, 0
	for i < len(x.ids) && j < len(y.ids) {
		switch {
		case x.ids[i] < y.ids[j]:
			i++
		case y.ids[j] < x.ids[i]:
			j++
		default:
			t := x.ids[i]
			kx, inX := slices.BinarySearch(x.named, t)
			if s.content[t] && !inX && !has(y.named, t) {
				return true
			}
			if inX && has(y.named, t) && s.content[t] {
				names = append(names, x.namedAt[kx])
			}
			i++
			j++
		}
	}
	// Names shared from two places of the sentence (Sergei Shoigu ...
	// Russian Defense Minister) say more than one name with its title.
	slices.Sort(names)
	for k := 1; k < len(names); k++ {
		if names[k]-names[k-1] > 2 {
			return true
		}
	}
	return false
}

func hashString(s string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(s))
	return h.Sum64()
}
