package main

import (
	"fmt"
	"io"
	"time"
)

// print writes the table of one run; a step that failed shows its error, so
// a run that stops halfway still says how far it got.
func (r *run) print(w io.Writer) {
	fmt.Fprintf(w, "### This run: %d generated articles of ~%d bytes\n\n", r.n, r.size)
	gen := fmt.Sprintf("%.0f s", r.genSeconds)
	if r.genReused {
		gen = "reused from an earlier run"
	}
	fmt.Fprintf(w, "Corpus: %s.\n\n", gen)
	fmt.Fprintln(w, "| step | command | wall | CPU | peak memory (max RSS) | archive on disk after | result |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|")
	for _, s := range r.steps {
		note := s.note
		if s.err != nil {
			note = "FAILED: " + s.err.Error()
		}
		fmt.Fprintf(w, "| %s | `%s` | %s | %s | %s | %s | %s |\n",
			s.name, s.command, seconds(s.wall), seconds(s.cpu), mb(s.maxRSS), mb(s.archive), note)
	}
	fmt.Fprintln(w)
	if len(r.search.Kinds) > 0 {
		fmt.Fprintln(w, "Search by kind of query (ms; \"partial\": matched more than they ranked):")
		fmt.Fprintln(w)
		fmt.Fprintln(w, "| query | searches | p50 | p95 | max | partial |")
		fmt.Fprintln(w, "|---|---:|---:|---:|---:|---:|")
		for _, k := range r.search.Kinds {
			fmt.Fprintf(w, "| %s | %d | %.1f | %.1f | %.1f | %d |\n", k.Kind, k.N, k.P50, k.P95, k.Max, k.Partial)
		}
		fmt.Fprintln(w)
	}
}

func mb(b int64) string {
	if b >= 1e9 {
		return fmt.Sprintf("%.2f GB", float64(b)/1e9)
	}
	return fmt.Sprintf("%.0f MB", float64(b)/1e6)
}

// seconds shows short steps (a verdict, one file) to the millisecond.
func seconds(d time.Duration) string {
	if d < 10*time.Second {
		return fmt.Sprintf("%.3f s", d.Seconds())
	}
	return fmt.Sprintf("%.1f s", d.Seconds())
}
