// Package corpusgen writes synthetic news corpora for benchmarks: articles of
// a chosen size built from a Zipf-distributed vocabulary, so that full-text
// indexes and similarity indexes see realistic term frequencies.
package corpusgen

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
)

// Vocabulary returns n pronounceable pseudo-words, the same for the same n.
func Vocabulary(n int) []string {
	rng := rand.New(rand.NewSource(42))
	cons := []string{"b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "z", "st", "tr", "ch"}
	vows := []string{"a", "e", "i", "o", "u", "ai", "ou"}
	seen := map[string]bool{}
	words := make([]string, 0, n)
	for len(words) < n {
		var b strings.Builder
		syl := 1 + rng.Intn(3)
		for s := 0; s < syl; s++ {
			b.WriteString(cons[rng.Intn(len(cons))])
			b.WriteString(vows[rng.Intn(len(vows))])
		}
		if rng.Intn(3) == 0 {
			b.WriteString(cons[rng.Intn(len(cons))])
		}
		w := b.String()
		if !seen[w] {
			seen[w] = true
			words = append(words, w)
		}
	}
	return words
}

// Generator makes articles.
type Generator struct {
	rng   *rand.Rand
	zipf  *rand.Zipf
	vocab []string
}

// New returns a generator with a 50,000-word vocabulary.
func New(seed int64) *Generator {
	rng := rand.New(rand.NewSource(seed))
	vocab := Vocabulary(50000)
	return &Generator{rng: rng, zipf: rand.NewZipf(rng, 1.1, 2, uint64(len(vocab)-1)), vocab: vocab}
}

// Words returns n words of running text.
func (g *Generator) Words(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = g.vocab[g.zipf.Uint64()]
	}
	return out
}

// Article returns a text of about size bytes: a title line, a blank line,
// then paragraphs of sentences.
func (g *Generator) Article(id, size int) string {
	var b strings.Builder
	title := g.Words(6 + g.rng.Intn(6))
	title[0] = strings.ToUpper(title[0][:1]) + title[0][1:]
	fmt.Fprintf(&b, "%s %d\n\n", strings.Join(title, " "), id)
	for b.Len() < size {
		for s := 0; s < 3+g.rng.Intn(3) && b.Len() < size; s++ {
			w := g.Words(8 + g.rng.Intn(15))
			w[0] = strings.ToUpper(w[0][:1]) + w[0][1:]
			b.WriteString(strings.Join(w, " "))
			b.WriteString(". ")
		}
		b.WriteString("\n\n")
	}
	return b.String()
}

// WriteFolder writes n articles of about size bytes into dir, 1,000 per
// sub-folder.
func (g *Generator) WriteFolder(dir string, n, size int) error {
	for i := 0; i < n; i++ {
		sub := filepath.Join(dir, fmt.Sprintf("%04d", i/1000))
		if i%1000 == 0 {
			if err := os.MkdirAll(sub, 0o755); err != nil {
				return err
			}
		}
		if err := os.WriteFile(filepath.Join(sub, fmt.Sprintf("%07d.txt", i)), []byte(g.Article(i, size)), 0o644); err != nil {
			return err
		}
	}
	return nil
}
