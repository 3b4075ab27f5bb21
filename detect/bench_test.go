package detect_test

import (
	"context"
	"testing"

	"github.com/storydiff/storydiff/bench/eval/gen"
	"github.com/storydiff/storydiff/detect"
)

func BenchmarkComputeFeatures(b *testing.B) {
	ss := loadSeeds(b)
	p := detect.DefaultParams()
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		detect.ComputeFeatures(detect.Input{Text: ss[i%len(ss)].text}, p)
	}
}

// corpusFeatures computes the features of a generated corpus once.
func corpusFeatures(b *testing.B, events int) ([]int64, []*detect.Features) {
	b.Helper()
	c := gen.Generate(gen.Options{Seed: 9, Events: events, Distractors: events * 2})
	p := detect.DefaultParams()
	ids := make([]int64, len(c.Articles))
	fs := make([]*detect.Features, len(c.Articles))
	for i, a := range c.Articles {
		ids[i] = a.ID
		fs[i] = detect.ComputeFeatures(detect.Input{Text: a.Text, Title: a.Title}, p)
	}
	return ids, fs
}

// BenchmarkIncremental is one new article added to an archive of a few
// thousand and compared with it, stories included.
func BenchmarkIncremental(b *testing.B) {
	ids, fs := corpusFeatures(b, 1000)
	ix, err := detect.NewIndex(detect.DefaultParams(), detect.IndexOptions{})
	if err != nil {
		b.Fatal(err)
	}
	for i := range ids[1:] {
		ix.Add(ids[i+1], fs[i+1])
	}
	b.ReportMetric(float64(len(ids)), "articles")
	for i := 0; b.Loop(); i++ {
		k := 1 + i%(len(ids)-1)
		ix.Remove(ids[k])
		ix.Add(ids[k], fs[k])
		ix.Compare(ids[k])
	}
}

func BenchmarkNearPairs(b *testing.B) {
	ids, fs := corpusFeatures(b, 1000)
	p := detect.DefaultParams()
	b.ReportMetric(float64(len(ids)), "articles")
	for b.Loop() {
		if _, err := detect.NearPairs(context.Background(), ids, fs, p); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkIndexPairs(b *testing.B) {
	ids, fs := corpusFeatures(b, 1000)
	ix, _ := detect.NewIndex(detect.DefaultParams(), detect.IndexOptions{})
	for i := range ids {
		ix.Add(ids[i], fs[i])
	}
	b.ReportMetric(float64(len(ids)), "articles")
	for b.Loop() {
		if _, err := ix.Pairs(context.Background()); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSharedPassages(b *testing.B) {
	ss := loadSeeds(b)
	for b.Loop() {
		detect.SharedPassages(ss[3].text, ss[4].text, detect.PassageOptions{})
	}
}

func BenchmarkRepeatedPassages(b *testing.B) {
	ss := loadSeeds(b)
	for b.Loop() {
		detect.RepeatedPassages(ss[1].text)
	}
}

// BenchmarkMarkBlocks is the import's per-article line marking (chrome
// patterns, repeats, title) on the seed articles.
func BenchmarkMarkBlocks(b *testing.B) {
	ss := loadSeeds(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, s := range ss {
			detect.MarkBlocks(s.text, detect.BlockOptions{})
		}
	}
}
