package textnorm_test

import (
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/storydiff/storydiff/textnorm"
)

// TestHostileCountWords: the count an import stores must be the number of
// tokens Words finds, on real articles and on random mixtures of scripts,
// joiners, marks and broken bytes.
func TestHostileCountWords(t *testing.T) {
	var texts []string
	seeds, _ := filepath.Glob(filepath.Join("..", "testdata", "seeds", "*.txt"))
	for _, p := range seeds {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	parts := []string{"word", "Kyiv's", "15.8m", "1,000", "x", " ", "\n", ".", ",", "'", "’", "é", "e\u0301", "\u0301", "日本",
		"Москва", "\xff", "\xc3", "--", "a.b", "3.", ".5", "l'", "'s", "\u02bc", "٣", "\u200b"}
	rng := rand.New(rand.NewSource(1))
	for i := 0; i < 3000; i++ {
		var b strings.Builder
		for j := rng.Intn(30); j >= 0; j-- {
			b.WriteString(parts[rng.Intn(len(parts))])
		}
		texts = append(texts, b.String())
	}
	for _, s := range texts {
		if got, want := textnorm.CountWords(s), len(textnorm.Words(s)); got != want {
			t.Errorf("CountWords(%.80q) = %d, want %d", s, got, want)
		}
	}
}

// TestHostileStreamedNormalisation: NormalizeTo, which an import uses on
// texts of tens of megabytes, writes exactly Normalize's bytes, and Lines,
// which no longer converts the text to runes, gives the same spans.
func TestHostileStreamedNormalisation(t *testing.T) {
	parts := []string{"Word", " ", "\n", "\r\n", "\t", "É", "e\u0301", "\u0301", "ﬁ", "Ⅻ", "ß", "İ", "Σ", "ς", "日本語", "Москва",
		"“quoted”", "—", "\u00a0", "\u200b", "각", "\u1100\u1161", "\u11a8", "ｶ", "\uff9e", "x", ".", "  ", "\u0b47", "\u0b3e"}
	rng := rand.New(rand.NewSource(2))
	for i := 0; i < 60; i++ {
		var b strings.Builder
		n := rng.Intn(40000)
		if i%10 == 0 {
			n = 200000 // several pieces
		}
		for b.Len() < n {
			b.WriteString(parts[rng.Intn(len(parts))])
		}
		s := b.String()
		if i%7 == 0 {
			s = strings.Repeat("\u0301", 70000) + s // no boundary for a long way
		}
		var out strings.Builder
		if err := textnorm.NormalizeTo(&out, s); err != nil {
			t.Fatal(err)
		}
		if want := textnorm.Normalize(s); out.String() != want {
			t.Fatalf("NormalizeTo differs from Normalize on a text of %d bytes (got %d bytes, want %d)", len(s), out.Len(), len(want))
		}
		h := textnorm.NewHasher()
		textnorm.NormalizeTo(h, s)
		if h.Sum() != textnorm.Hash(textnorm.Normalize(s)) {
			t.Fatalf("Hasher differs from Hash")
		}
		rs := []rune(s)
		for _, sp := range textnorm.Lines(s) {
			line := string(rs[sp.Start:sp.End])
			if line != strings.TrimSpace(line) || line == "" || strings.ContainsAny(line, "\r\n") {
				t.Fatalf("Lines gave span %v = %q", sp, line)
			}
		}
		if got, want := len(textnorm.Lines(s)), countLines(s); got != want {
			t.Fatalf("Lines gave %d lines, want %d", got, want)
		}
	}
}

func countLines(s string) int {
	n := 0
	for _, l := range strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == '\r' }) {
		if strings.TrimFunc(l, unicode.IsSpace) != "" {
			n++
		}
	}
	return n
}
