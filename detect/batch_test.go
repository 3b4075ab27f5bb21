package detect_test

import (
	"context"
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
