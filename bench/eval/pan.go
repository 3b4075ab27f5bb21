package main

import (
	_ "embed"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/storydiff/storydiff/reuse"
)

// The "pan" section measures reuse.Find as a PAN text-alignment system:
// generated pairs of source and suspicious documents, some with passages of
// the source inserted in the suspicious document verbatim or with PAN-style
// random obfuscation, some with none, scored by PAN's plagdet (Potthast et
// al. 2010, see plagdet.go).

func init() { register("pan", runPAN) }

const (
	panPositive = 120 // pairs with reuse, per obfuscation level
	panNegative = 120 // pairs without, shared by every level
	panSeed     = 13
)

// panLevels are the obfuscation levels: the share of a passage's words
// touched by one random operation each.
var panLevels = []struct {
	name string
	ops  float64
}{
	{"none (verbatim)", 0},
	{"random, low (10% of words)", 0.10},
	{"random, medium (20%)", 0.20},
	{"random, high (30%)", 0.30},
}

//go:embed synonyms.txt
var synonymList string

func synonyms() map[string][]string {
	m := map[string][]string{}
	for _, line := range strings.Split(synonymList, "\n") {
		ws := strings.Fields(line)
		for _, w := range ws {
			for _, o := range ws {
				if o != w {
					m[w] = append(m[w], o)
				}
			}
		}
	}
	return m
}

// panDoc is one pool text with the topic it comes from; sources and
// suspicious documents of a pair are drawn from different topics so that
// they share no passage by accident.
type panDoc struct{ topic, text string }

func panPool() ([]panDoc, string) {
	dir := "../shared/corpora/bbc"
	if _, err := os.Stat(dir); err == nil {
		if docs, err := loadBBC(dir); err == nil && len(docs) > 100 {
			sort.Slice(docs, func(i, j int) bool { return docs[i].path < docs[j].path })
			// The corpus holds some articles twice (under one title): one
			// copy is kept, or reuse between the copies would go unlabelled.
			seen := map[string]bool{}
			var out []panDoc
			for _, d := range docs {
				if !seen[d.title] {
					seen[d.title] = true
					out = append(out, panDoc{d.topic, d.text})
				}
			}
			return out, fmt.Sprintf("the BBC News corpus (%s, %d articles)", dir, len(out))
		}
	}
	return generatedPool(), "a generated pool (the BBC News corpus was not found)"
}

// generatedPool writes articles of random sentences over a vocabulary with
// news-like word frequencies, in five topics of their own vocabularies.
func generatedPool() []panDoc {
	r := rand.New(rand.NewPCG(panSeed, 1))
	glue := strings.Fields("the a of in on and to for with at by from that was is has its their")
	var out []panDoc
	for topic := 0; topic < 5; topic++ {
		vocab := make([]string, 2000)
		for i := range vocab {
			w := make([]byte, 3+r.IntN(8))
			for k := range w {
				w[k] = byte('a' + r.IntN(26))
			}
			vocab[i] = string(w)
		}
		zipf := rand.NewZipf(r, 1.1, 2, uint64(len(vocab)-1))
		for d := 0; d < 100; d++ {
			var b strings.Builder
			for p := 0; p < 6; p++ {
				for s := 0; s < 4; s++ {
					n := 8 + r.IntN(20)
					for i := 0; i < n; i++ {
						if i%3 == 1 {
							b.WriteString(glue[r.IntN(len(glue))])
						} else {
							b.WriteString(vocab[zipf.Uint64()])
						}
						if i < n-1 {
							b.WriteByte(' ')
						}
					}
					b.WriteString(". ")
				}
				b.WriteString("\n\n")
			}
			out = append(out, panDoc{fmt.Sprint("topic", topic), b.String()})
		}
	}
	return out
}

type panPair struct {
	susp, src string
	cases     []annotation
}

// panPairs builds n document pairs (ids from first on), each with 1-2 cases
// of reuse at the given obfuscation (cases false: none at all).
func panPairs(pool []panDoc, first, n int, ops float64, withCases bool, syn map[string][]string) []panPair {
	byTopic := map[string][]panDoc{}
	var topics []string
	for _, d := range pool {
		if len(byTopic[d.topic]) == 0 {
			topics = append(topics, d.topic)
		}
		byTopic[d.topic] = append(byTopic[d.topic], d)
	}
	sort.Strings(topics)
	var out []panPair
	for k := 0; k < n; k++ {
		id := first + k
		r := rand.New(rand.NewPCG(panSeed, uint64(id)))
		ts := r.Perm(len(topics))
		// Distinct articles, so that a document does not hold one text twice.
		draw := func(topic string, m int) []string {
			docs := byTopic[topic]
			var texts []string
			for _, i := range r.Perm(len(docs))[:m] {
				texts = append(texts, strings.TrimSpace(docs[i].text))
			}
			return texts
		}
		src := strings.Join(draw(topics[ts[0]], 3), "\n\n")
		var paras []string
		for _, t := range draw(topics[ts[1]], 3) {
			paras = append(paras, strings.Split(t, "\n\n")...)
		}
		p := panPair{src: src}
		var inserts []string
		var srcSpans [][2]int
		if withCases {
			for c := 0; c < 1+r.IntN(2); c++ {
				s0, s1, words := pickPassage(r, src, 40+r.IntN(160))
				if words == nil {
					continue
				}
				inserts = append(inserts, obfuscate(r, words, ops, pool, syn))
				srcSpans = append(srcSpans, [2]int{s0, s1})
			}
		}
		// Each case goes in as a paragraph of its own at a random place.
		at := make([]int, len(inserts))
		for i := range at {
			at[i] = r.IntN(len(paras) + 1)
		}
		var b strings.Builder
		runes := 0
		write := func(s string) {
			b.WriteString(s)
			runes += len([]rune(s))
		}
		for i := 0; i <= len(paras); i++ {
			for c, a := range at {
				if a == i {
					if runes > 0 {
						write("\n\n")
					}
					t0 := runes
					write(inserts[c])
					p.cases = append(p.cases, annotation{id, t0, runes - t0, srcSpans[c][0], srcSpans[c][1] - srcSpans[c][0]})
				}
			}
			if i < len(paras) {
				if runes > 0 {
					write("\n\n")
				}
				write(paras[i])
			}
		}
		p.susp = b.String()
		out = append(out, p)
	}
	return out
}

// pickPassage chooses n consecutive white-space separated words of text and
// returns their rune span and the words.
func pickPassage(r *rand.Rand, text string, n int) (int, int, []string) {
	rs := []rune(text)
	var starts, ends []int
	for i := 0; i < len(rs); i++ {
		if !isSpace(rs[i]) && (i == 0 || isSpace(rs[i-1])) {
			starts = append(starts, i)
		}
		if !isSpace(rs[i]) && (i == len(rs)-1 || isSpace(rs[i+1])) {
			ends = append(ends, i+1)
		}
	}
	if len(starts) < n+1 {
		return 0, 0, nil
	}
	w := r.IntN(len(starts) - n)
	var words []string
	for i := w; i < w+n; i++ {
		words = append(words, string(rs[starts[i]:ends[i]]))
	}
	return starts[w], ends[w+n-1], words
}

func isSpace(r rune) bool { return r == ' ' || r == '\n' || r == '\t' || r == '\r' }

// obfuscate applies round(ops × words) random operations, as PAN's random
// obfuscation does: a word swapped with a near neighbour, deleted, a word
// from another pool text inserted, or a word replaced by a synonym (from
// synonyms.txt) or, lacking one, by a random word from the pool.
func obfuscate(r *rand.Rand, words []string, ops float64, pool []panDoc, syn map[string][]string) string {
	w := append([]string(nil), words...)
	randomWord := func() string {
		ws := strings.Fields(pool[r.IntN(len(pool))].text)
		return strings.Trim(ws[r.IntN(len(ws))], ".,;:\"'()")
	}
	for n := int(ops*float64(len(words)) + 0.5); n > 0 && len(w) > 2; n-- {
		i := r.IntN(len(w))
		switch r.IntN(4) {
		case 0:
			j := min(len(w)-1, i+1+r.IntN(2))
			w[i], w[j] = w[j], w[i]
		case 1:
			w = append(w[:i], w[i+1:]...)
		case 2:
			w = append(w[:i], append([]string{randomWord()}, w[i:]...)...)
		case 3:
			core := strings.ToLower(strings.Trim(w[i], ".,;:\"'()"))
			if alts := syn[core]; len(alts) > 0 {
				w[i] = strings.Replace(strings.ToLower(w[i]), core, alts[r.IntN(len(alts))], 1)
			} else {
				w[i] = randomWord()
			}
		}
	}
	return strings.Join(w, " ")
}

type panScore struct {
	rec, prec, gran, plagdet float64
	cases, dets              int
}

func scorePAN(pairs []panPair) panScore {
	var cases, dets []annotation
	for id, p := range pairs {
		for _, c := range p.cases {
			c.pair = id
			cases = append(cases, c)
		}
		for _, f := range reuse.Find(p.susp, p.src, reuse.Options{}) {
			dets = append(dets, annotation{id, f.AStart, f.AEnd - f.AStart, f.BStart, f.BEnd - f.BStart})
		}
	}
	s := panScore{rec: macroRecall(cases, dets), prec: macroPrecision(cases, dets), gran: granularity(cases, dets), cases: len(cases), dets: len(dets)}
	s.plagdet = plagdet(s.rec, s.prec, s.gran)
	return s
}

func runPAN(w, log io.Writer) error {
	start := time.Now()
	pool, from := panPool()
	syn := synonyms()
	negatives := panPairs(pool, 1_000_000, panNegative, 0, false, syn)
	fmt.Fprintf(w, "\n## PAN-style text alignment: reworded reuse between two documents\n\n")
	fmt.Fprintf(w, "`reuse.Find` with default options on generated document pairs, text from %s. "+
		"Each level has %d pairs with 1-2 passages of 40-200 words from the source inserted in the suspicious document "+
		"(source and suspicious text from different topics), plus the same %d pairs with no reuse. "+
		"Random obfuscation applies one operation per touched word: swap with a near neighbour, delete, insert a pool word, "+
		"or replace by a synonym (a small embedded list) or else a random pool word. "+
		"Measures as PAN defines them (Potthast et al. 2010): character-level macro precision and recall over suspicious and source characters, "+
		"granularity, plagdet = F1 / log2(1 + granularity).\n\n", from, panPositive, panNegative)
	fmt.Fprintf(w, "| obfuscation | cases | detections | precision | recall | granularity | plagdet |\n|---|---|---|---|---|---|---|\n")
	for li, lv := range panLevels {
		pairs := panPairs(pool, li*10_000, panPositive, lv.ops, true, syn)
		s := scorePAN(append(pairs, negatives...))
		fmt.Fprintf(w, "| %s | %d | %d | %s | %s | %s | **%s** |\n", lv.name, s.cases, s.dets, f3(s.prec), f3(s.rec), f3(s.gran), f3(s.plagdet))
		fmt.Fprintf(log, "pan: %s plagdet %.3f\n", lv.name, s.plagdet)
	}
	neg := scorePAN(negatives)
	fmt.Fprintf(w, "\nOn the %d pairs without reuse alone: %d detections. Took %s.\n", panNegative, neg.dets, time.Since(start).Round(time.Millisecond))
	return nil
}
