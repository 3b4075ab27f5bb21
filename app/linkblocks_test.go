package app

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/storydiff/storydiff/bench/eval/gen"
	"github.com/storydiff/storydiff/evidence"
)

// An archive linked a pair of blocks at a time gets the links it gets
// when every profile is held at once: the same candidates, scored the same,
// trimmed the same.
func TestLinkingInBlocksLinksAsHeldWhole(t *testing.T) {
	ctx := context.Background()
	news := filepath.Join(t.TempDir(), "news")
	if err := os.MkdirAll(news, 0o755); err != nil {
		t.Fatal(err)
	}
	c := gen.Generate(gen.Options{Seed: 5, Events: 60, Distractors: 120})
	for _, a := range c.Articles {
		if err := os.WriteFile(filepath.Join(news, fmt.Sprintf("%05d.txt", a.ID)), []byte(a.Title+"\n\n"+a.Text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s, err := Open(ctx, filepath.Join(t.TempDir(), "archive.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Import(ctx, []string{news}, ImportOptions{}, nil); err != nil {
		t.Fatal(err)
	}
	whole, err := s.db.AllLinks(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(whole) < 100 {
		t.Fatalf("the corpus gives %d links: too few to compare", len(whole))
	}
	defer func(size int) { linkBlock = size }(linkBlock)
	for _, size := range []int{37, 200} {
		linkBlock = size
		if _, err := s.Analyze(ctx, AnalyzeOptions{Full: true}, nil); err != nil {
			t.Fatal(err)
		}
		blocks := len(cutBlocks(len(c.Articles), size))
		got, err := s.db.AllLinks(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, whole) {
			t.Errorf("in %d blocks of %d: %d links, %d as one block; first difference at %d", blocks, size, len(got), len(whole), firstDiff(got, whole))
		}
	}
}

func firstDiff[T comparable](a, b []T) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

// Each block's articles are scored against every block, and a block held
// is not read again: two blocks are read once each, three in five reads.
func TestHeldBlocksReadEachPairOnce(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct{ blocks, reads int }{{1, 1}, {2, 2}, {3, 5}, {5, 17}} {
		h := &heldBlocks{blocks: cutBlocks(tc.blocks*10, 10)}
		reads := 0
		h.load = func(context.Context, int, int) (map[int64]*evidence.Profile, error) {
			reads++
			return map[int64]*evidence.Profile{}, nil
		}
		seen := map[[2]int]bool{}
		for bi := range h.blocks {
			if _, err := h.get(ctx, bi, -1); err != nil {
				t.Fatal(err)
			}
			for _, bj := range h.order(bi) {
				if _, err := h.get(ctx, bj, bi); err != nil {
					t.Fatal(err)
				}
				held := 0
				for _, s := range h.slots {
					if s.block == bi+1 || s.block == bj+1 {
						held++
					}
				}
				want := 2
				if bi == bj {
					want = 1
				}
				if held != want {
					t.Fatalf("%d blocks: scoring %d against %d without both held", tc.blocks, bi, bj)
				}
				seen[[2]int{bi, bj}] = true
			}
		}
		if len(seen) != tc.blocks*tc.blocks {
			t.Errorf("%d blocks: %d pairs scored, want %d", tc.blocks, len(seen), tc.blocks*tc.blocks)
		}
		if reads != tc.reads {
			t.Errorf("%d blocks: %d reads, want %d", tc.blocks, reads, tc.reads)
		}
	}
}
