package align_test

import (
	"fmt"
	"syscall"
	"testing"
	"time"

	"github.com/storydiff/storydiff/align"
	"github.com/storydiff/storydiff/diffing/synth"
)

// related makes a version of a that another outlet might write: most
// sentences reworded, some split, merged, moved, dropped or new.
func related(b *testing.B, seed uint64, a string) string {
	return gen(b, seed, a, rates{edit: 0.6, split: 0.06, merge: 0.06, del: 0.08, replace: 0.08,
		move: 0.05, insert: 0.08, strength: 0.8}).b
}

// BenchmarkPair times aligned comparisons (sentence alignment plus the word
// diff inside every row) of generated articles and their rewrites.
func BenchmarkPair(b *testing.B) {
	for _, size := range []int{10_000, 200_000} {
		a := synth.Article(1, size)
		v := related(b, 2, a)
		b.Run(fmt.Sprintf("aligned/%dKB", size/1000), func(b *testing.B) {
			b.SetBytes(int64(len(a) + len(v)))
			loopCPU(b, func() { align.Pair(a, v, align.Options{Mode: align.ModeAligned}) })
		})
	}
	a := synth.Article(3, 10_000)
	v := synth.Edit(4, a, 0.05)
	b.Run("diff/10KB", func(b *testing.B) {
		loopCPU(b, func() { align.Pair(a, v, align.Options{Mode: align.ModeDiff}) })
	})
	b.Run("mode/10KB", func(b *testing.B) {
		loopCPU(b, func() { align.Mode(a, v) })
	})
}

// BenchmarkAlign times the sentence alignment alone.
func BenchmarkAlign(b *testing.B) {
	for _, size := range []int{10_000, 200_000} {
		a := synth.Article(5, size)
		v := related(b, 6, a)
		b.Run(fmt.Sprintf("%dKB", size/1000), func(b *testing.B) {
			loopCPU(b, func() { align.Align(a, v, align.Options{}) })
		})
	}
}

// BenchmarkCollate times the collation of a story of 50 versions of about
// 10 KB, each a rewrite of the one before.
func BenchmarkCollate(b *testing.B) {
	versions := []align.Version{{Article: 1, Text: synth.Article(7, 10_000)}}
	for k := 1; k < 50; k++ {
		versions = append(versions, align.Version{Article: int64(k + 1), Text: related(b, uint64(100+k), versions[k-1].Text)})
	}
	loopCPU(b, func() { align.Collate(versions, align.Options{}) })
}

// loopCPU runs f as the benchmark loop and also reports the CPU time the
// process spent per run (cpu-ms/op, all threads together): on a shared
// machine the wall time per op also counts waiting for a CPU.
func loopCPU(b *testing.B, f func()) {
	before := cpuTime()
	n := 0
	for b.Loop() {
		f()
		n++
	}
	b.ReportMetric(float64((cpuTime()-before).Microseconds())/1000/float64(n), "cpu-ms/op")
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
