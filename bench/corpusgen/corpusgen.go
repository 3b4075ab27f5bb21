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
	// Reprints is the share of articles WriteFolder makes as an earlier
	// article republished with a few words changed and another site's chrome
	// (near-duplicates); Versions the share that report an earlier article's
	// event anew, with its names and lede but otherwise their own words
	// (story versions). Both 0 by default: every article unrelated.
	Reprints, Versions float64

	rng    *rand.Rand
	zipf   *rand.Zipf
	vocab  []string
	recent []original // the last originals written, for reprints and versions
}

// original is what later articles may copy from an article.
type original struct {
	id    int
	title string
	lede  string
	paras []string
	names []string
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

// news returns the text of article id: a reprint, a version or an original
// with names of its own, as Reprints and Versions ask.
func (g *Generator) news(id, size int) string {
	x := g.rng.Float64()
	if len(g.recent) > 0 && x < g.Reprints+g.Versions {
		o := g.recent[g.rng.Intn(len(g.recent))]
		if x < g.Reprints {
			return g.reprint(o)
		}
		return g.version(o, id, size)
	}
	o := original{id: id}
	for k := 0; k < 3; k++ { // rare words of the vocabulary stand for names
		w := g.vocab[20000+g.rng.Intn(len(g.vocab)-20000)]
		o.names = append(o.names, strings.ToUpper(w[:1])+w[1:])
	}
	o.title = g.sentence(6, o.names[:1]) + fmt.Sprintf(" %d", id)
	o.lede = g.sentence(20, o.names) + "."
	body := o.lede
	for len(body) < size {
		p := g.paragraph(o.names)
		o.paras = append(o.paras, p)
		body += p
	}
	if len(g.recent) < 4096 {
		g.recent = append(g.recent, o)
	} else {
		g.recent[g.rng.Intn(len(g.recent))] = o
	}
	return o.title + "\n\n" + o.lede + "\n\n" + strings.Join(o.paras, "\n\n") + "\n"
}

// sentence is about n words with the given names among them.
func (g *Generator) sentence(n int, names []string) string {
	w := g.Words(n + g.rng.Intn(n/2+1))
	for _, name := range names {
		w[g.rng.Intn(len(w))] = name
	}
	w[0] = strings.ToUpper(w[0][:1]) + w[0][1:]
	return strings.Join(w, " ")
}

func (g *Generator) paragraph(names []string) string {
	var b strings.Builder
	for s := 0; s < 3+g.rng.Intn(3); s++ {
		var ns []string
		if s == 0 {
			ns = names[g.rng.Intn(len(names)):][:1]
		}
		b.WriteString(g.sentence(12, ns))
		b.WriteString(". ")
	}
	return strings.TrimSpace(b.String())
}

// reprint is o with a few words changed, between another site's chrome.
func (g *Generator) reprint(o original) string {
	paras := append([]string(nil), o.paras...)
	for k := 0; k < 1+g.rng.Intn(3); k++ {
		i := g.rng.Intn(len(paras))
		w := strings.Fields(paras[i])
		w[g.rng.Intn(len(w))] = g.Words(1)[0]
		paras[i] = strings.Join(w, " ")
	}
	return "Share this article\n\n" + o.title + "\n\n" + o.lede + "\n\n" + strings.Join(paras, "\n\n") +
		"\n\nSubscribe to our newsletter\n"
}

// version reports o's event again: its names and lede, new words.
func (g *Generator) version(o original, id, size int) string {
	title := g.sentence(6, o.names[:1]) + fmt.Sprintf(" %d", id)
	body := o.lede
	var paras []string
	for len(body) < size {
		p := g.paragraph(o.names)
		paras = append(paras, p)
		body += p
	}
	return title + "\n\n" + o.lede + "\n\n" + strings.Join(paras, "\n\n") + "\n"
}

// WriteFolder writes n articles of about size bytes into dir, 1,000 per
// sub-folder: unrelated ones (Article), unless Reprints or Versions are set.
func (g *Generator) WriteFolder(dir string, n, size int) error {
	for i := 0; i < n; i++ {
		sub := filepath.Join(dir, fmt.Sprintf("%04d", i/1000))
		if i%1000 == 0 {
			if err := os.MkdirAll(sub, 0o755); err != nil {
				return err
			}
		}
		text := ""
		if g.Reprints+g.Versions > 0 {
			text = g.news(i, size)
		} else {
			text = g.Article(i, size)
		}
		if err := os.WriteFile(filepath.Join(sub, fmt.Sprintf("%07d.txt", i)), []byte(text), 0o644); err != nil {
			return err
		}
	}
	return nil
}
