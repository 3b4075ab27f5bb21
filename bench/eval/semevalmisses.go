package main

import (
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/storydiff/storydiff/evidence"
)

// writeMisses writes, for reading by hand, the SemEval pairs the held-out
// score gets wrong: different-story pairs (overall >= 3.5) linked and
// translations not linked, each with its titles and the evidence of the
// package's weights. It is written when SEMEVAL_MISSES names a file.
func writeMisses(path string, data []labelled, held []float64) error {
	var b strings.Builder
	type miss struct {
		i    int
		kind string
	}
	var ms []miss
	for i, d := range data {
		switch {
		case d.template:
		case d.transl && d.y == 1 && held[i] < evidence.EventThreshold:
			ms = append(ms, miss{i, "translation not linked"})
		case d.transl && d.y == 0 && held[i] >= evidence.EventThreshold:
			ms = append(ms, miss{i, "other article's translation linked"})
		case !d.transl && d.overall >= 3.5 && held[i] >= evidence.EventThreshold:
			ms = append(ms, miss{i, "different stories linked"})
		case !d.transl && d.overall <= 1.5 && held[i] < evidence.EventThreshold:
			ms = append(ms, miss{i, "same story not linked"})
		}
	}
	sort.SliceStable(ms, func(x, y int) bool { return ms[x].kind < ms[y].kind })
	for _, m := range ms {
		d := data[m.i]
		e := evidence.Score(d.pa, d.pb)
		fmt.Fprintf(&b, "## %s: %s ~ %s (overall %.2f, held-out %.3f, package %.3f)\n", m.kind, d.fileA, d.fileB, d.overall, held[m.i], e.Score)
		fmt.Fprintf(&b, "   A: %s\n   B: %s\n", title(d.fileA), title(d.fileB))
		for k, v := range d.x {
			if v != 0 {
				fmt.Fprintf(&b, "   x %s=%.3f (%.3f)\n", evidence.FeatureNames[k], v, v*evidence.DefaultWeights.W[k])
			}
		}
		for k, ev := range e.Evidence {
			if k >= 14 {
				break
			}
			fmt.Fprintf(&b, "   %+.3f %s: %q | %q\n", ev.Weight, ev.Kind, ev.AText, ev.BText)
		}
		b.WriteString("\n")
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}

func title(file string) string {
	bs, err := os.ReadFile(semevalDir + "/" + file)
	if err != nil {
		return "?"
	}
	t, _, _ := strings.Cut(string(bs), "\n")
	if len(t) > 160 {
		t = t[:160]
	}
	return t
}
