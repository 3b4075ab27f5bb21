package main

import (
	"fmt"
	"log"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/storydiff/storydiff/diffing"
)

// corpusSweep diffs every .txt file under dir against the next one in name
// order (mostly different stories, sometimes versions of one) and prints
// how many results failed to apply or degraded, with CPU time per diff.
// It reads the corpus in place: corpora are never copied into the project.
func corpusSweep(dir string) {
	var files []string
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && filepath.Ext(path) == ".txt" {
			files = append(files, path)
		}
		return err
	})
	if err != nil {
		log.Fatal(err)
	}
	slices.Sort(files)
	if len(files) < 2 {
		log.Fatalf("%s: fewer than two .txt files", dir)
	}
	var cpu []time.Duration
	bad, degraded, moves, minor := 0, 0, 0, 0
	for k := 0; k+1 < len(files); k++ {
		a, err := os.ReadFile(files[k])
		must(err)
		b, err := os.ReadFile(files[k+1])
		must(err)
		c0 := selfCPU()
		r := diffing.Diff(string(a), string(b), diffing.Options{})
		cpu = append(cpu, selfCPU()-c0)
		if got, err := diffing.Apply(string(a), r.Ops); err != nil || got != diffing.Clean(string(b)) {
			bad++
		}
		if r.Degraded {
			degraded++
		}
		moves += r.Stats.Moves
		minor += r.Stats.MinorEdits
	}
	slices.Sort(cpu)
	fmt.Printf("Corpus sweep: `go run ./bench/diffbench -corpus %s` diffs each of %d .txt files against the next\n", dir, len(files))
	fmt.Println("in name order (read in place, not part of the project):")
	fmt.Println()
	fmt.Println("| pairs | ops not giving B | degraded | moves | minor edits | CPU median | CPU p95 | CPU max |")
	fmt.Println("|---|---|---|---|---|---|---|---|")
	fmt.Printf("| %d | %d | %d | %d | %d | %s | %s | %s |\n\n", len(cpu), bad, degraded, moves, minor,
		ms(median(cpu)), ms(p95(cpu)), ms(cpu[len(cpu)-1]))
}
