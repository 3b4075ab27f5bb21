package diffing

import (
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/storydiff/storydiff/diffing/synth"
)

// TestParallelIsSequential compares the diffs of long texts refined on
// several cores (changed stretches between equal paragraphs, and the
// sentence-anchored parts of one long stretch, each into a builder of its
// own, joined in order; the hunks classified in two halves) with the same
// diffs made in one pass.
func TestParallelIsSequential(t *testing.T) {
	text := synth.Article(8, 200_000)
	oneLine := strings.ReplaceAll(text, "\n\n", " ")
	moved := strings.Split(text, "\n\n")
	moved[3], moved[len(moved)-4] = moved[len(moved)-4], moved[3]
	cases := []struct{ name, a, b string }{
		{"one paragraph", oneLine, synth.Edit(9, oneLine, 0.05)},
		{"paragraphs", text, synth.Edit(9, text, 0.05)},
		{"paragraphs, a few changed, two moved", text, synth.Edit(10, strings.Join(moved, "\n\n"), 0.002)},
	}
	halves := false // some case has enough ops to be classified in halves
	for _, c := range cases {
		parallel := Diff(c.a, c.b, Options{Timeout: -1})
		halves = halves || len(parallel.Ops) >= parallelOps
		prevBytes, prevOps := parallelBytes, parallelOps
		parallelBytes, parallelOps = math.MaxInt, math.MaxInt
		sequential := Diff(c.a, c.b, Options{Timeout: -1})
		parallelBytes, parallelOps = prevBytes, prevOps
		if !reflect.DeepEqual(parallel, sequential) {
			t.Errorf("%s: %d ops on several cores, %d in one pass", c.name, len(parallel.Ops), len(sequential.Ops))
		}
	}
	if !halves {
		t.Errorf("no case has the %d ops from which hunks are classified in halves", parallelOps)
	}
}
