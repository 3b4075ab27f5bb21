// Command scale measures StoryDiff on a large generated archive: it writes N
// articles, then runs each step (import, analysis, search, serving the first
// library page) as its own process of the real binary, and prints a Markdown
// section with the wall time and the peak memory (max RSS) of every step.
//
//	go run ./bench/scale -bin build/bin/storydiff-cli -n 200000
//
// Each step is a separate process because peak memory is a property of the
// process a user runs: a step that frees its memory before the next would
// hide nothing, and one that does not would be blamed on the next.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"
	"time"
)

func main() {
	n := flag.Int("n", 1000000, "articles to generate")
	size := flag.Int("size", 3000, "bytes per article")
	bin := flag.String("bin", "build/bin/storydiff-cli", "the storydiff binary to measure")
	dir := flag.String("dir", "", "work folder (default: a temporary one); the corpus in it is reused at the same -n and -size")
	keep := flag.Bool("keep", false, "keep the work folder (by default a temporary one is removed)")
	every := flag.Duration("progress", time.Minute, "log a running step's progress this often")
	maxGB := flag.Float64("max-rss-gb", 8, "stop a step whose memory passes this many GB, and record how far it got (0: no limit)")
	steps := flag.String("steps", "import,analyze,more,one,search,serve,verdicts", "steps to run, in order (one: import one file; verdicts: corrections, which change the archive, so last); without import, the archive in -dir is measured as it is")
	rounds := flag.Int("search-rounds", 3, "times the 100 searches are run")
	prefixes := flag.Int("search-prefixes", 100, "searches whose first 2, 3 and 4 letters are also searched as prefixes")
	searchChild := flag.String("search-child", "", "internal: run the search loop on this archive and print its latencies")
	flag.Parse()
	if *searchChild != "" {
		if err := searchLoop(*searchChild, *rounds, *prefixes, os.Stdout); err != nil {
			log.Fatal(err)
		}
		return
	}
	if *n <= 0 || *size <= 0 {
		log.Fatal("-n and -size must be positive")
	}
	binary, err := filepath.Abs(*bin)
	if err != nil {
		log.Fatal(err)
	}
	if _, err := os.Stat(binary); err != nil {
		log.Fatalf("%v (build it with make build-cli)", err)
	}
	work := *dir
	if work == "" {
		if work, err = os.MkdirTemp("", "storydiff-scale-"); err != nil {
			log.Fatal(err)
		}
		if !*keep {
			defer os.RemoveAll(work)
		}
	} else if err := os.MkdirAll(work, 0o755); err != nil {
		log.Fatal(err)
	}
	r := &run{bin: binary, work: work, n: *n, size: *size, every: *every, rounds: *rounds, prefixes: *prefixes, maxRSS: int64(*maxGB * 1e9), stepNames: strings.Split(*steps, ",")}
	if err := r.all(); err != nil {
		r.print(os.Stdout)
		log.Fatal(err)
	}
	r.print(os.Stdout)
}

// all runs the steps in order, stopping at the first that fails: later steps
// need the archive the earlier ones made.
func (r *run) all() error {
	r.db = filepath.Join(r.work, "archive.db")
	if len(r.stepNames) > 0 && r.stepNames[0] == "import" {
		t := time.Now()
		reused, err := generate(filepath.Join(r.work, "corpus"), r.n, r.size)
		if err != nil {
			return fmt.Errorf("generate: %w", err)
		}
		r.genSeconds, r.genReused = time.Since(t).Seconds(), reused
		log.Printf("corpus ready (%.0f s, reused %v)", r.genSeconds, reused)
		for _, suffix := range []string{"", "-wal", "-shm"} {
			os.Remove(r.db + suffix)
		}
	} else {
		// Later steps alone measure the archive an earlier run left.
		r.genReused = true
	}
	for _, name := range r.stepNames {
		step, ok := map[string]func() error{"import": r.importStep, "analyze": r.analyzeStep, "more": r.moreStep,
			"search": r.searchStep, "serve": r.serveStep, "one": r.oneStep, "verdicts": r.verdictsStep}[name]
		if !ok {
			return fmt.Errorf("no step %q (want import, analyze, more, one, search, serve, verdicts)", name)
		}
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}
