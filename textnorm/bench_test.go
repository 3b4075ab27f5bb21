package textnorm_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/storydiff/storydiff/textnorm"
)

// seedText is seed 003, a 6.5 KB machine-translated article with curly
// quotes, so that the non-ASCII paths are measured.
func seedText(b *testing.B) string {
	b.Helper()
	m, _ := filepath.Glob("../testdata/seeds/003_*.txt")
	if len(m) != 1 {
		b.Skip("seed 003 not found")
	}
	t, err := os.ReadFile(m[0])
	if err != nil {
		b.Fatal(err)
	}
	return string(t)
}

func BenchmarkNormalize(b *testing.B) {
	s := seedText(b)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		textnorm.Normalize(s)
	}
}

func BenchmarkWords(b *testing.B) {
	s := seedText(b)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		textnorm.Words(s)
	}
}

func BenchmarkSentences(b *testing.B) {
	s := seedText(b)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		textnorm.Sentences(s)
	}
}
