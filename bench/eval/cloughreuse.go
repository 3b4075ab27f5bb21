package main

import (
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/storydiff/storydiff/reuse"
)

// The "clough-reuse" section scores reuse.Find on the Clough & Stevenson
// answers as the main Clough section scores the other measures: the
// Spearman correlation of answer-to-source similarity with the labels.

func init() { register("clough-reuse", runCloughReuse) }

const cloughDir = "../shared/corpora/clough_stevenson"

func runCloughReuse(w, log io.Writer) error {
	fmt.Fprintf(w, "\n## Clough & Stevenson: reworded passages (reuse.Find)\n\n")
	f, err := os.Open(filepath.Join(cloughDir, "data", "file_information.csv"))
	if err != nil {
		fmt.Fprintf(w, "Skipped: %s not found.\n", cloughDir)
		return nil
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return fmt.Errorf("read file_information.csv: %w", err)
	}
	read := func(name string) (string, error) {
		b, err := os.ReadFile(filepath.Join(cloughDir, "data", name))
		return toUTF8(b), err
	}
	rank := map[string]float64{"non": 0, "heavy": 1, "light": 2, "cut": 3}
	names := []string{
		"reworded-passage coverage (reuse.Find)",
		"reworded coverage × passage score",
		"exact-run passage coverage (detect.SharedPassages)",
	}
	var x [3][]float64
	var y []float64
	sum := [3]map[string]float64{{}, {}, {}}
	n := map[string]int{}
	for _, r := range rows[1:] {
		file, task, label := r[0], r[1], strings.TrimSpace(r[2])
		if label == "orig" {
			continue
		}
		a, err := read(file)
		if err != nil {
			return err
		}
		src, err := read("orig_task" + task + ".txt")
		if err != nil {
			return err
		}
		cov, weighted := reuseCoverage(a, src)
		sims := [3]float64{cov, weighted, passageCoverage(a, src)}
		for m := range sims {
			x[m] = append(x[m], sims[m])
			sum[m][label] += sims[m]
		}
		y = append(y, rank[label])
		n[label]++
	}
	fmt.Fprintf(w, "%d answers; Spearman correlation with the labels ordered cut > light > heavy > non, and the mean per label "+
		"(coverage: the share of the answer's characters inside passages found with its source):\n\n", len(y))
	fmt.Fprintf(w, "| measure | Spearman | cut | light | heavy | non |\n|---|---|---|---|---|---|\n")
	for m, name := range names {
		fmt.Fprintf(w, "| %s | **%s** |", name, f3(spearman(x[m], y)))
		for _, l := range cloughLabels {
			fmt.Fprintf(w, " %s |", f3(sum[m][l]/float64(n[l])))
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(log, "clough-reuse: %d answers\n", len(y))
	return nil
}

// reuseCoverage is the share of the answer's runes inside passages
// reuse.Find shares with the source, and the same with each rune weighted
// by its passage's score.
func reuseCoverage(answer, source string) (float64, float64) {
	total := len([]rune(answer))
	if total == 0 {
		return 0, 0
	}
	best := make([]float64, total)
	for _, p := range reuse.Find(answer, source, reuse.Options{}) {
		for i := p.AStart; i < p.AEnd; i++ {
			best[i] = max(best[i], p.Score)
		}
	}
	covered, weighted := 0, 0.0
	for _, s := range best {
		if s > 0 {
			covered++
			weighted += s
		}
	}
	return float64(covered) / float64(total), weighted / float64(total)
}
