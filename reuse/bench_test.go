package reuse_test

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/storydiff/storydiff/reuse"
)

// benchPair makes two texts of about size bytes each from one vocabulary
// with news-like word frequencies, sharing a reworded passage every few
// paragraphs, so that the benchmark pays for seeding, extending and
// filtering as a real pair of related articles does.
func benchPair(size int) (string, string) {
	r := rand.New(rand.NewPCG(1, uint64(size)))
	vocab := make([]string, 20000)
	for i := range vocab {
		w := make([]byte, 2+r.IntN(9))
		for k := range w {
			w[k] = byte('a' + r.IntN(26))
		}
		vocab[i] = string(w)
	}
	zipf := rand.NewZipf(r, 1.07, 2, uint64(len(vocab)-1))
	glue := strings.Fields("the a of in on and to for with at by from that was is has")
	sentence := func() []string {
		n := 10 + r.IntN(20)
		out := make([]string, n)
		for i := range out {
			if i%3 == 1 {
				out[i] = glue[r.IntN(len(glue))]
			} else {
				out[i] = vocab[zipf.Uint64()]
			}
		}
		return out
	}
	var a, b strings.Builder
	for a.Len() < size || b.Len() < size {
		s := sentence()
		a.WriteString(strings.Join(s, " ") + ". ")
		if r.IntN(4) == 0 {
			// Reworded copy: one word in five dropped or replaced.
			var t []string
			for _, w := range s {
				switch r.IntN(10) {
				case 0:
				case 1:
					t = append(t, vocab[zipf.Uint64()])
				default:
					t = append(t, w)
				}
			}
			b.WriteString(strings.Join(t, " ") + ". ")
		} else {
			b.WriteString(strings.Join(sentence(), " ") + ". ")
		}
	}
	return a.String(), b.String()
}

func benchmarkFind(bm *testing.B, size int) {
	a, b := benchPair(size)
	bm.SetBytes(int64(len(a) + len(b)))
	bm.ResetTimer()
	for bm.Loop() {
		reuse.Find(a, b, reuse.Options{})
	}
}

// Aims: well under 10 ms for two 10 KB texts, under 300 ms for 200 KB.
func BenchmarkFind10KB(b *testing.B)  { benchmarkFind(b, 10_000) }
func BenchmarkFind200KB(b *testing.B) { benchmarkFind(b, 200_000) }

func BenchmarkFindSeeds(b *testing.B) {
	a, c := seed(b, "003"), seed(b, "004")
	for b.Loop() {
		reuse.Find(a, c, reuse.Options{})
	}
}

// Two copies of one long text: a single passage as long as the texts.
func BenchmarkFindIdentical200KB(bm *testing.B) { benchmarkIdentical(bm, 200_000) }

func benchmarkIdentical(bm *testing.B, size int) {
	a, _ := benchPair(size)
	bm.SetBytes(int64(2 * len(a)))
	for bm.Loop() {
		if ps := reuse.Find(a, a, reuse.Options{}); len(ps) != 1 {
			bm.Fatalf("%d passages", len(ps))
		}
	}
}
