package main

import (
	"cmp"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
	"slices"
	"strings"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/core/metrics"
)

// startProfiles starts the CPU profile and the heap watcher asked for; the
// function it returns stops both. The heap profile is rewritten at each new
// peak of the heap in use, so that after the run it shows what held the
// most memory at its worst moment, which is what bounds a worker's size.
func startProfiles(cpuFile, heapFile string) (stop func(), err error) {
	var stops []func()
	if cpuFile != "" {
		f, err := os.Create(cpuFile)
		if err != nil {
			return nil, err
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			f.Close()
			return nil, fmt.Errorf("%s: %w", cpuFile, err)
		}
		stops = append(stops, func() { pprof.StopCPUProfile(); f.Close() })
	}
	if heapFile != "" {
		done := make(chan struct{})
		finished := make(chan struct{})
		go func() {
			defer close(finished)
			var peak uint64
			tick := time.NewTicker(2 * time.Second)
			defer tick.Stop()
			for {
				select {
				case <-done:
					return
				case <-tick.C:
				}
				var ms runtime.MemStats
				runtime.ReadMemStats(&ms)
				if ms.HeapInuse <= peak {
					continue
				}
				peak = ms.HeapInuse
				if err := writeHeap(heapFile); err != nil {
					fmt.Fprintf(os.Stderr, "storydiff-pipeline: heap profile: %v\n", err)
					return
				}
			}
		}()
		stops = append(stops, func() { close(done); <-finished })
	}
	return func() {
		for _, s := range stops {
			s()
		}
	}, nil
}

func writeHeap(path string) error {
	tmp := path + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	if err := pprof.Lookup("heap").WriteTo(f, 0); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

// stepNames maps the runner's step ids (e and the edge's number, as Beam's
// Go SDK names transforms in the job it submits) to the scope and function
// they run, so that the times read as stages.
func stepNames(p *beam.Pipeline) map[string]string {
	edges, _, err := p.Build()
	if err != nil {
		return nil
	}
	out := map[string]string{}
	for _, e := range edges {
		out[fmt.Sprintf("e%d", e.ID())] = e.Scope().String() + "/" + e.Name()
	}
	return out
}

// printStageStats writes what the runner measured: each step's processing
// time, and each PCollection's element count and bytes (the runner's
// sampled mean size times the count), largest first. Which stage costs the
// most CPU and which ships the most bytes is what sizes a cluster.
func printStageStats(w io.Writer, r metrics.Results, names map[string]string) {
	all := r.AllMetrics()
	type row struct {
		name string
		v    float64
		n    int64
	}
	var times []row
	for _, m := range all.Msecs() {
		v := m.Result()
		if t := v.Total; t > 0 {
			times = append(times, row{name: m.Key.Step + " " + names[m.Key.Step], v: t.Seconds()})
		}
	}
	slices.SortFunc(times, func(a, b row) int { return cmp.Compare(b.v, a.v) })
	fmt.Fprintf(w, "step seconds (processing, all workers):\n")
	for _, t := range times {
		fmt.Fprintf(w, "  %10.1f  %s\n", t.v, t.name)
	}
	var cols []row
	for _, p := range all.PCols() {
		v := p.Result()
		bytes := float64(0)
		if d := v.SampledByteSize; d.Count > 0 {
			bytes = float64(d.Sum) / float64(d.Count) * float64(v.ElementCount)
		}
		cols = append(cols, row{name: p.Key.Step + " " + p.Key.Name, v: bytes, n: v.ElementCount})
	}
	slices.SortFunc(cols, func(a, b row) int { return cmp.Compare(b.v, a.v) })
	fmt.Fprintf(w, "PCollections (elements, MB estimated from sampled sizes):\n")
	for _, c := range cols {
		fmt.Fprintf(w, "  %12d  %10.1f  %s\n", c.n, c.v/1e6, strings.TrimSpace(c.name))
	}
	for _, c := range all.Counters() {
		fmt.Fprintf(w, "counter %s/%s: %d\n", c.Key.Namespace, c.Key.Name, c.Result())
	}
}
