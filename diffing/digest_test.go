package diffing_test

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/storydiff/storydiff/diffing"
	"github.com/storydiff/storydiff/diffing/synth"
)

// TestGeneratedDiffsUnchanged pins the output of Diff on generated pairs
// (sizes from 500 B to 20 KB, 1% to 30% of words changed, paragraphs
// reordered, every granularity, with and without a time bound, which
// decides whether the matcher may take half-match shortcuts) by a hash of
// each result's JSON in testdata/diff-digests.golden. The goldens under
// testdata/diff show small cases whole; this catches a change of output on
// long, many-hunk diffs, where speed work happens. Run with -update and
// explain the change if it is meant.
func TestGeneratedDiffsUnchanged(t *testing.T) {
	var out strings.Builder
	opts := []struct {
		name string
		o    diffing.Options
	}{
		{"word", diffing.Options{Timeout: time.Hour}}, // bounded, never reached
		{"unbounded", diffing.Options{Timeout: -1}},
		{"char", diffing.Options{Granularity: diffing.Char, Timeout: time.Hour}},
		{"sentence", diffing.Options{Granularity: diffing.Sentence, Timeout: time.Hour}},
		{"paragraph", diffing.Options{Granularity: diffing.Paragraph, Timeout: time.Hour}},
		{"ignore-minor", diffing.Options{IgnoreMinor: true, Timeout: time.Hour}},
	}
	for seed := uint64(1); seed <= 3; seed++ {
		for _, size := range []int{500, 5000, 20000} {
			for _, share := range []float64{0.01, 0.05, 0.3} {
				a := synth.Article(seed, size)
				b := synth.Edit(seed+100, a, share)
				rng := rand.New(rand.NewPCG(seed, uint64(size)))
				moved := reorder(rng, b)
				for _, o := range opts {
					digest(t, &out, fmt.Sprintf("%d-%d-%.2f-%s", seed, size, share, o.name), a, b, o.o)
				}
				digest(t, &out, fmt.Sprintf("%d-%d-%.2f-moved", seed, size, share), a, moved, opts[0].o)
			}
		}
	}
	compareGolden(t, filepath.Join("..", "testdata", "diff-digests.golden"), out.String())
}

// reorder swaps about a fifth of the paragraphs of s.
func reorder(rng *rand.Rand, s string) string {
	ps := strings.Split(s, "\n\n")
	for range len(ps)/5 + 1 {
		i, j := rng.IntN(len(ps)), rng.IntN(len(ps))
		ps[i], ps[j] = ps[j], ps[i]
	}
	return strings.Join(ps, "\n\n")
}

func digest(t *testing.T, out *strings.Builder, name, a, b string, o diffing.Options) {
	t.Helper()
	r := diffing.Diff(a, b, o)
	checkApply(t, a, b, r)
	if r.Degraded {
		t.Fatalf("%s: degraded (%s)", name, r.Reason)
	}
	j, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(out, "%s %x\n", name, sha256.Sum256(j))
}
