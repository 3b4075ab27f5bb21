package diffing_test

import (
	"fmt"
	"os"
	"testing"

	"github.com/storydiff/storydiff/diffing"
	"github.com/storydiff/storydiff/diffing/synth"
)

// BenchmarkDiff times word diffs of generated article pairs with about 5% of
// words changed. bench/diffbench reports median and p95 of the same pairs.
func BenchmarkDiff(b *testing.B) {
	for _, size := range []int{10_000, 200_000} {
		a := synth.Article(1, size)
		v := synth.Edit(2, a, 0.05)
		b.Run(fmt.Sprintf("word/%dKB", size/1000), func(b *testing.B) {
			b.SetBytes(int64(len(a) + len(v)))
			degraded := 0
			for b.Loop() {
				if diffing.Diff(a, v, diffing.Options{}).Degraded {
					degraded++ // only when the machine stalls past the 2 s bound
				}
			}
			b.ReportMetric(float64(degraded), "degraded")
		})
	}
	// One 100 KB paragraph without a line break: the sentence pass keeps
	// the word diff small.
	one := []byte(synth.Article(3, 100_000))
	for i, c := range one {
		if c == '\n' {
			one[i] = ' '
		}
	}
	v := synth.Edit(4, string(one), 0.05)
	b.Run("word/100KB-one-paragraph", func(b *testing.B) {
		for b.Loop() {
			diffing.Diff(string(one), v, diffing.Options{})
		}
	})
	// Two different reports of one call (seeds 003 and 004): they share no
	// passage, and the word diff is skipped as pointless.
	x, err := os.ReadFile("../testdata/seeds/003_d2567b8d7e929331.txt")
	if err != nil {
		b.Fatal(err)
	}
	y, err := os.ReadFile("../testdata/seeds/004_0cbc97742eea5343.txt")
	if err != nil {
		b.Fatal(err)
	}
	b.Run("word/seeds-003-004", func(b *testing.B) {
		for b.Loop() {
			diffing.Diff(string(x), string(y), diffing.Options{})
		}
	})
}
