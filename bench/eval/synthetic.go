package main

import (
	"context"
	"fmt"
	"github.com/storydiff/storydiff/core"
	"io"
	"runtime"
	"sync"
	"time"

	"github.com/storydiff/storydiff/bench/eval/gen"
	"github.com/storydiff/storydiff/detect"
)

// featuresOf computes features for many inputs on all CPUs.
func featuresOf(ins []detect.Input, p detect.Params) []*detect.Features {
	out := make([]*detect.Features, len(ins))
	var wg sync.WaitGroup
	w := runtime.GOMAXPROCS(0)
	for k := 0; k < w; k++ {
		wg.Add(1)
		go func(k int) {
			defer wg.Done()
			for i := k; i < len(ins); i += w {
				out[i] = detect.ComputeFeatures(ins[i], p)
			}
		}(k)
	}
	wg.Wait()
	return out
}

func indexOf(p detect.Params, ids []int64, fs []*detect.Features) *detect.Index {
	ix, err := detect.NewIndex(p, detect.IndexOptions{})
	if err != nil {
		panic(err)
	}
	for i, f := range fs {
		if err := ix.Add(ids[i], f); err != nil {
			panic(err)
		}
	}
	ix.Refresh()
	return ix
}

type syntheticResult struct {
	articles           int
	exact, near, story prf
	repeats            prf
	nearSweep          []sweepRow
	storySweep         []sweepRow
	elapsed            time.Duration
}

type sweepRow struct {
	threshold float64
	m         prf
}

func runSynthetic(w io.Writer, opt gen.Options, p detect.Params) (syntheticResult, error) {
	start := time.Now()
	c := gen.Generate(opt)
	res := syntheticResult{articles: len(c.Articles)}
	lc := detect.NewLineCounts()
	for _, a := range c.Articles {
		lc.Add(a.Outlet, a.Text)
	}
	ins := make([]detect.Input, len(c.Articles))
	ids := make([]int64, len(c.Articles))
	wire, exact, story := map[int64]int{}, map[int64]int{}, map[int64]int{}
	dates := map[int64]time.Time{}
	for i, a := range c.Articles {
		pub := a.Published
		ins[i] = detect.Input{Text: a.Text, Title: a.Title, Published: &pub, Group: a.Outlet, Lines: lc}
		ids[i] = a.ID
		wire[a.ID], exact[a.ID], story[a.ID] = a.Wire, a.Exact, a.Story
		dates[a.ID] = a.Published
	}
	fs := featuresOf(ins, p)
	truthNear, truthExact, truthStory := pairsOfClasses(wire), pairsOfClasses(exact), pairsOfClasses(story)

	evalAt := func(p detect.Params) (exactM, nearM, storyM prf, err error) {
		ix := indexOf(p, ids, fs)
		pairs, err := ix.Pairs(context.Background())
		if err != nil {
			return
		}
		predNear, predExact := map[pairKey]bool{}, map[pairKey]bool{}
		for _, pr := range pairs {
			if pr.IsDuplicate() {
				predNear[key(pr.A, pr.B)] = true
			}
			if pr.Kind == core.PairSameBytes || pr.Kind == core.PairSameText || pr.Kind == core.PairSameBody {
				predExact[key(pr.A, pr.B)] = true
			}
		}
		predStory := map[int64]int{}
		for _, s := range detect.Stories(pairs, nil, func(id int64) (time.Time, bool) { return dates[id], true }) {
			for _, a := range s.Members {
				predStory[a] = int(s.ID)
			}
		}
		return comparePairs(predExact, truthExact), comparePairs(predNear, truthNear),
			comparePairs(pairsOfClasses(predStory), truthStory), nil
	}
	var err error
	res.exact, res.near, res.story, err = evalAt(p)
	if err != nil {
		return res, err
	}
	for _, t := range []float64{0.3, 0.4, 0.5, 0.6, 0.7, 0.8} {
		q := p
		q.NearJaccard = t
		_, m, _, _ := evalAt(q)
		res.nearSweep = append(res.nearSweep, sweepRow{t, m})
	}
	for _, t := range []float64{0.05, 0.075, 0.1, 0.125, 0.15, 0.2, 0.3, 0.4, 0.5} {
		q := p
		q.StoryThreshold = t
		_, _, m, _ := evalAt(q)
		res.storySweep = append(res.storySweep, sweepRow{t, m})
	}
	for _, a := range c.Articles {
		reps := detect.RepeatedPassages(a.Text)
		found := false
		for _, r := range reps {
			if a.Repeat != "" && len(r.Occurrences) == 2 && len(a.RepeatAt) == 2 &&
				r.Occurrences[0].Start == a.RepeatAt[0] && r.Occurrences[1].Start == a.RepeatAt[1] {
				found = true
				res.repeats.TP++
			} else {
				res.repeats.FP++
			}
		}
		if a.Repeat != "" && !found {
			res.repeats.FN++
		}
	}
	res.elapsed = time.Since(start)
	fmt.Fprintf(w, "synthetic corpus: %d articles in %s\n", res.articles, res.elapsed.Round(time.Millisecond))
	return res, nil
}
