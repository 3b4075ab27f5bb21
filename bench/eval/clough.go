package main

import (
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/storydiff/storydiff/detect"
)

// cloughResult holds, per similarity measure, the Spearman correlation of
// answer-to-source similarity with the human labels (non 0 < heavy 1 <
// light 2 < cut 3), and the mean similarity per label.
type cloughResult struct {
	answers  int
	measures []cloughMeasure
}

type cloughMeasure struct {
	name     string
	spearman float64
	byLabel  map[string]float64
}

var cloughLabels = []string{"cut", "light", "heavy", "non"}

func runClough(dir string, p detect.Params) (*cloughResult, error) {
	f, err := os.Open(filepath.Join(dir, "data", "file_information.csv"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("read file_information.csv: %w", err)
	}
	read := func(name string) (string, error) {
		b, err := os.ReadFile(filepath.Join(dir, "data", name))
		return toUTF8(b), err
	}
	rank := map[string]float64{"non": 0, "heavy": 1, "light": 2, "cut": 3}
	type answer struct {
		label string
		sims  []float64
	}
	var answers []answer
	names := []string{"shingle containment", "shingle Jaccard", "shared-passage coverage", "story score"}
	for _, r := range rows[1:] {
		file, task, label := r[0], r[1], strings.TrimSpace(r[2])
		if label == "orig" {
			continue
		}
		a, err := read(file)
		if err != nil {
			return nil, err
		}
		src, err := read("orig_task" + task + ".txt")
		if err != nil {
			return nil, err
		}
		fa := detect.ComputeFeatures(detect.Input{Text: a}, p)
		fs := detect.ComputeFeatures(detect.Input{Text: src}, p)
		j, c := detect.Similarity(fa, fs)
		cov := passageCoverage(a, src)
		ix := indexOf(p, []int64{1, 2}, []*detect.Features{fa, fs})
		story := ix.StoryScore(1, 2)
		answers = append(answers, answer{label, []float64{c, j, cov, story}})
	}
	res := &cloughResult{answers: len(answers)}
	for m, name := range names {
		var x, y []float64
		sum, n := map[string]float64{}, map[string]int{}
		for _, a := range answers {
			x = append(x, a.sims[m])
			y = append(y, rank[a.label])
			sum[a.label] += a.sims[m]
			n[a.label]++
		}
		cm := cloughMeasure{name: name, spearman: spearman(x, y), byLabel: map[string]float64{}}
		for l, s := range sum {
			cm.byLabel[l] = s / float64(n[l])
		}
		res.measures = append(res.measures, cm)
	}
	return res, nil
}

// passageCoverage is the share of the answer's runes inside passages it
// shares with the source.
func passageCoverage(answer, source string) float64 {
	n := len([]rune(answer))
	if n == 0 {
		return 0
	}
	in := make([]bool, n)
	for _, p := range detect.SharedPassages(answer, source, detect.PassageOptions{}) {
		for i := p.A.Start; i < p.A.End; i++ {
			in[i] = true
		}
	}
	covered := 0
	for _, b := range in {
		if b {
			covered++
		}
	}
	return float64(covered) / float64(n)
}
