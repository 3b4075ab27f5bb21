package events

import (
	"math/rand/v2"
	"sync"
	"syscall"
	"testing"
)

// cpuTime returns the process's user and system CPU time in nanoseconds.
func cpuTime() int64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}

// buildInput makes n articles in events of five (dated per event), each
// with k links: four strong ones to its event, the rest weak and random.
func buildInput(n, k int) ([]Article, []Link) {
	r := rand.New(rand.NewPCG(5, 6))
	as := make([]Article, n)
	for i := range as {
		as[i] = Article{ID: int64(i + 1), Published: day(i / 5 % 4000)}
	}
	links := make([]Link, 0, n*k/2)
	for i := int64(1); i <= int64(n); i++ {
		first := (i-1)/5*5 + 1
		for j := first; j < first+5 && j <= int64(n); j++ {
			if j > i {
				links = append(links, lk(i, j, 0.7+r.Float32()*0.3, 0.9))
			}
		}
		for range (k - 4) / 2 {
			j := int64(1 + r.IntN(n))
			if j != i {
				links = append(links, lk(i, j, r.Float32()*0.4, r.Float32()*0.5))
			}
		}
	}
	return as, links
}

var benchN = 100_000

func BenchmarkBuild100k(b *testing.B) {
	as, links := buildInput(benchN, 32)
	b.ResetTimer()
	start := cpuTime()
	for b.Loop() {
		Build(DefaultConfig(), as, links, nil)
	}
	// The machine is shared: CPU time says what wall time cannot.
	b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op")
	b.ReportMetric(float64(len(links)), "links")
}

var (
	millionOnce sync.Once
	million     *MemSource
	millionNext IDs
)

func millionArchive() (*MemSource, IDs) {
	millionOnce.Do(func() { million, millionNext = generated(1_000_000, 5, 4) })
	return million, millionNext
}

func BenchmarkAddArticleMillion(b *testing.B) {
	src, next := millionArchive()
	links := newLinks(1_000_001, 1_000_000, 32)
	cs := &countingSource{Source: src}
	b.ResetTimer()
	for b.Loop() {
		NewState(DefaultConfig(), cs, next).AddArticle(1_000_001, day(0), links)
	}
	b.ReportMetric(float64(cs.calls)/float64(b.N), "reads/op")
}

func BenchmarkApplyMergeMillion(b *testing.B) {
	src, next := millionArchive()
	cs := &countingSource{Source: src}
	b.ResetTimer()
	for b.Loop() {
		if _, err := NewState(DefaultConfig(), cs, next).Apply(Correction{Kind: MergeEvents, Event: 1000, Other: 2000}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(cs.calls)/float64(b.N), "reads/op")
}

func BenchmarkApplySplitMillion(b *testing.B) {
	src, next := millionArchive()
	members := src.Events[1000].Members
	cs := &countingSource{Source: src}
	b.ResetTimer()
	for b.Loop() {
		if _, err := NewState(DefaultConfig(), cs, next).Apply(Correction{Kind: SplitEvent, Event: 1000, Parts: [][]int64{members[:2]}}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(cs.calls)/float64(b.N), "reads/op")
}
