package detect_test

import (
	"context"
	"github.com/storydiff/storydiff/core"
	"reflect"
	"testing"

	"github.com/storydiff/storydiff/bench/eval/gen"
	"github.com/storydiff/storydiff/detect"
)

// NearPairs (sorted bands, no index) must find the same duplicate pairs as
// the incremental Index.
func TestNearPairsMatchesIndex(t *testing.T) {
	c := gen.Generate(gen.Options{Seed: 5, Events: 30, Distractors: 30})
	p := detect.DefaultParams()
	ix, err := detect.NewIndex(p, detect.IndexOptions{NoStories: true})
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	var fs []*detect.Features
	for _, a := range c.Articles {
		f := detect.ComputeFeatures(detect.Input{Text: a.Text, Title: a.Title}, p)
		ids = append(ids, a.ID)
		fs = append(fs, f)
		if err := ix.Add(a.ID, f); err != nil {
			t.Fatal(err)
		}
	}
	want, err := ix.Pairs(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	got, err := detect.NearPairs(context.Background(), ids, fs, p)
	if err != nil {
		t.Fatal(err)
	}
	if len(want) == 0 {
		t.Fatal("the generated corpus gave no duplicate pairs at all")
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("NearPairs gave %d pairs, Index.Pairs %d", len(got), len(want))
	}
}

func TestFeaturesFromShingles(t *testing.T) {
	p := detect.DefaultParams()
	base := make([]uint32, 200)
	for i := range base {
		base[i] = uint32(i * 7919)
	}
	near := append([]uint32(nil), base...)
	for i := 0; i < 20; i++ {
		near[i] = uint32(1_000_000 + i)
	}
	other := make([]uint32, 200)
	for i := range other {
		other[i] = uint32(5_000_000 + i)
	}
	fs := []*detect.Features{detect.FeaturesFromShingles(base, p), detect.FeaturesFromShingles(near, p), detect.FeaturesFromShingles(other, p)}
	got, err := detect.NearPairs(context.Background(), []int64{1, 2, 3}, fs, p)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].A != 1 || got[0].B != 2 || got[0].Kind != core.PairNear {
		t.Fatalf("pairs = %+v, want one near pair 1-2", got)
	}
	if j := got[0].Jaccard; j < 0.8 || j > 0.85 {
		t.Errorf("Jaccard = %.3f, want 180/220 ≈ 0.818", j)
	}
}
