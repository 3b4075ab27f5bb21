package detect_test

import (
	"context"
	"errors"
	"fmt"
	"github.com/storydiff/storydiff/core"
	"slices"
	"strings"
	"testing"

	"github.com/storydiff/storydiff/bench/eval/gen"
	"github.com/storydiff/storydiff/detect"
	"github.com/storydiff/storydiff/diffing/synth"
)

// memArchive is an Archive over blobs in memory.
type memArchive struct {
	ids      []int64 // sorted
	features map[int64][]byte
	sketches map[int64][]byte
	reads    int // features blobs read through FeaturesOf
}

func newMemArchive(t testing.TB, ids []int64, fs []*detect.Features, p detect.Params) *memArchive {
	t.Helper()
	a := &memArchive{features: map[int64][]byte{}, sketches: map[int64][]byte{}}
	for i, id := range ids {
		a.add(t, id, fs[i], p)
	}
	return a
}

func (a *memArchive) add(t testing.TB, id int64, f *detect.Features, p detect.Params) {
	t.Helper()
	fb, err := f.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	sb, err := detect.SketchOf(f, p).MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	a.features[id], a.sketches[id] = fb, sb
	a.ids = append(a.ids, id)
	slices.Sort(a.ids)
}

func (a *memArchive) EachFeatures(ctx context.Context, fn func(int64, []byte) error) error {
	for _, id := range a.ids {
		if err := fn(id, a.features[id]); err != nil {
			return err
		}
	}
	return ctx.Err()
}

func (a *memArchive) FeaturesOf(ctx context.Context, ids []int64, fn func(int64, []byte) error) error {
	for _, id := range ids {
		if b, ok := a.features[id]; ok {
			a.reads++
			if err := fn(id, b); err != nil {
				return err
			}
		}
	}
	return ctx.Err()
}

func (a *memArchive) EachSketch(ctx context.Context, fn func(int64, []byte) error) error {
	for _, id := range a.ids {
		if err := fn(id, a.sketches[id]); err != nil {
			return err
		}
	}
	return ctx.Err()
}

// generated computes the features of a generated corpus with stories,
// wire copies, reprints with new chrome, exact copies and distractors.
func generated(t testing.TB, events int) ([]int64, []*detect.Features) {
	t.Helper()
	c := gen.Generate(gen.Options{Seed: 5, Events: events, Distractors: events})
	p := detect.DefaultParams()
	ids := make([]int64, len(c.Articles))
	fs := make([]*detect.Features, len(c.Articles))
	for i, a := range c.Articles {
		pub := a.Published
		ids[i] = a.ID
		fs[i] = detect.ComputeFeatures(detect.Input{Text: a.Text, Title: a.Title, Published: &pub}, p)
	}
	return ids, fs
}

func indexPairs(t testing.TB, ids []int64, fs []*detect.Features) []core.Pair {
	t.Helper()
	ix, err := detect.NewIndex(detect.DefaultParams(), detect.IndexOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for i, id := range ids {
		if err := ix.Add(id, fs[i]); err != nil {
			t.Fatal(err)
		}
	}
	ix.Refresh()
	ps, err := ix.Pairs(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return ps
}

func kinds(ps []core.Pair) map[string]int {
	out := map[string]int{}
	for _, p := range ps {
		out[p.Kind]++
	}
	return out
}

// samePairs compares pair lists, scores to float32 precision (the two
// paths sum the same products in the same order, but say so if not).
func samePairs(t *testing.T, got, want []core.Pair) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("got %d pairs %v, want %d %v", len(got), kinds(got), len(want), kinds(want))
	}
	for i := 0; i < min(len(got), len(want)); i++ {
		g, w := got[i], want[i]
		if g.A != w.A || g.B != w.B || g.Kind != w.Kind || float32(g.Score) != float32(w.Score) {
			t.Fatalf("pair %d: got %+v, want %+v", i, g, w)
		}
	}
}

func TestAllPairsMatchesTheIndex(t *testing.T) {
	p := detect.DefaultParams()
	ids, fs := generated(t, 120)
	want := indexPairs(t, ids, fs)
	k := kinds(want)
	if k[core.PairNear] == 0 || k[core.PairStory] == 0 || k[core.PairSameText]+k[core.PairSameBody]+k[core.PairSameBytes] == 0 {
		t.Fatalf("the corpus should hold every kind of pair, has %v", k)
	}
	arch := newMemArchive(t, ids, fs, p)
	var sketched []int64
	got, census, err := detect.AllPairs(context.Background(), arch, p, func(id int64, s detect.Sketch) error {
		sketched = append(sketched, id)
		return nil
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	samePairs(t, got, want)
	if !slices.Equal(sketched, ids) {
		t.Errorf("sketched %d articles, want all %d in id order", len(sketched), len(ids))
	}
	if census.N != len(ids) {
		t.Errorf("census counts %d articles, want %d", census.N, len(ids))
	}
}

func TestFreshPairsMatchTheIndex(t *testing.T) {
	p := detect.DefaultParams()
	ids, fs := generated(t, 120)
	want := indexPairs(t, ids, fs)
	// The last articles (by id) arrive in a later import.
	cut := len(ids) - 40
	fresh := ids[cut:]
	arch := newMemArchive(t, ids, fs, p)
	census := detect.NewCensus()
	for _, f := range fs[:cut] {
		census.Add(f)
	}
	got, err := detect.FreshPairs(context.Background(), arch, fresh, census, p, nil)
	if err != nil {
		t.Fatal(err)
	}
	var wantFresh []core.Pair
	for _, pr := range want {
		if slices.Contains(fresh, pr.A) || slices.Contains(fresh, pr.B) {
			wantFresh = append(wantFresh, pr)
		}
	}
	if len(wantFresh) < 10 {
		t.Fatalf("only %d pairs touch the fresh articles: the test says little", len(wantFresh))
	}
	samePairs(t, got, wantFresh)
	if census.N != len(ids) {
		t.Errorf("census counts %d articles after the fresh ones, want %d", census.N, len(ids))
	}
	if ch := census.Changed(); len(ch) == 0 {
		t.Error("census reports no changed terms after adding articles")
	}
}

// A chunk holds at most chunkEntries articles' features, so an archive
// larger than one chunk is verified in several: the result must not depend
// on where the chunks fall.
func TestAllPairsAcrossChunks(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a corpus larger than one verification chunk")
	}
	p := detect.DefaultParams()
	ids, fs := generated(t, 120)
	base := len(ids)
	// Pad with unrelated articles, each in two copies so that every one has
	// a candidate and fills the chunks.
	for k := 0; len(ids) < 2*16384+500; k++ {
		f := detect.ComputeFeatures(detect.Input{Text: synth.Article(uint64(k/2), 80)}, p)
		ids = append(ids, int64(base+1+k))
		fs = append(fs, f)
	}
	want := indexPairs(t, ids, fs)
	got, _, err := detect.AllPairs(context.Background(), newMemArchive(t, ids, fs, p), p, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	samePairs(t, got, want)
}

func TestAllPairsStopsOnBadBlobAndCancel(t *testing.T) {
	p := detect.DefaultParams()
	ids, fs := generated(t, 10)
	arch := newMemArchive(t, ids, fs, p)
	arch.features[ids[3]] = []byte{1, 2, 3}
	_, _, err := detect.AllPairs(context.Background(), arch, p, nil, nil)
	if err == nil || !containsID(err, ids[3]) {
		t.Errorf("a corrupt blob: got error %v, want one naming article %d", err, ids[3])
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	arch = newMemArchive(t, ids, fs, p)
	if _, _, err := detect.AllPairs(ctx, arch, p, nil, nil); !errors.Is(err, context.Canceled) {
		t.Errorf("canceled: got %v, want context.Canceled", err)
	}
}

func containsID(err error, id int64) bool {
	return strings.Contains(err.Error(), fmt.Sprintf("article %d", id))
}
