// Package synth generates article-like text pairs for benchmarks and tests:
// an original of a given size and a version with a given share of its words
// changed, deterministically from a seed, so that every run compares the
// same texts.
package synth

import (
	"math/rand/v2"
	"strings"
)

// vocabulary gives the text realistic word lengths and repeats.
var vocabulary = strings.Fields(`the of and to in a is that for on was with said as by at from
his it an were are which this be has had not have but after who they their its been one
defense minister ministry secretary pentagon russian russia ukraine ukrainian kyiv moscow
washington call phone talks war ceasefire officials president spokesman statement agency
forces troops region military security international situation communication counterpart
united states first since february march tuesday friday week month conflict negotiations
government support aid weapons artillery prisoners exchange european union accession`)

// Article returns about size bytes of text: sentences of 8-30 words, three
// to six sentences to a paragraph, paragraphs separated by blank lines.
func Article(seed uint64, size int) string {
	r := rand.New(rand.NewPCG(seed, 0x5d1ff))
	var b strings.Builder
	for b.Len() < size {
		sentences := 3 + r.IntN(4)
		for s := range sentences {
			if s > 0 {
				b.WriteByte(' ')
			}
			words := 8 + r.IntN(23)
			for w := range words {
				word := vocabulary[r.IntN(len(vocabulary))]
				if w == 0 {
					word = strings.ToUpper(word[:1]) + word[1:]
				} else {
					b.WriteByte(' ')
				}
				b.WriteString(word)
				if w > 0 && w < words-1 && r.IntN(12) == 0 {
					b.WriteByte(',')
				}
			}
			b.WriteByte('.')
		}
		b.WriteString("\n\n")
	}
	return b.String()
}

// Edit returns text with about share of its words changed: each chosen word
// is replaced, deleted, or gets a new word inserted after it, in equal
// measure.
func Edit(seed uint64, text string, share float64) string {
	r := rand.New(rand.NewPCG(seed, 0xed17))
	var b strings.Builder
	b.Grow(len(text) + len(text)/10)
	start := -1
	flush := func(word string) {
		if r.Float64() >= share {
			b.WriteString(word)
			return
		}
		switch r.IntN(3) {
		case 0:
			b.WriteString(vocabulary[r.IntN(len(vocabulary))])
		case 1:
			// deleted
		default:
			b.WriteString(word)
			b.WriteByte(' ')
			b.WriteString(vocabulary[r.IntN(len(vocabulary))])
		}
	}
	for i := 0; i < len(text); i++ {
		c := text[i]
		letter := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
		if letter && start < 0 {
			start = i
		}
		if !letter {
			if start >= 0 {
				flush(text[start:i])
				start = -1
			}
			b.WriteByte(c)
		}
	}
	if start >= 0 {
		flush(text[start:])
	}
	return b.String()
}
