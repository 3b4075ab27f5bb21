package app_test

import (
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/storydiff/storydiff/app"
	"github.com/storydiff/storydiff/bench/eval/gen"
)

var companies = []string{"Alderwick", "Brannigan", "Castellor", "Dunmore", "Everleigh", "Fairbourne", "Grisewood",
	"Hollingsby", "Ingleton", "Jarrowfield", "Kettlewell", "Lindqvist", "Marchbank", "Northcote", "Ormsby",
	"Pendlebury", "Quarrington", "Rathbone", "Sutherby", "Tremayne", "Umberleigh", "Vantongeren", "Whitmore"}

// writeNotice writes a contracts-desk notice: every one names the same
// desk, agency and exchange, and its own company and sum.
func writeNotice(t *testing.T, dir string, i int) string {
	t.Helper()
	company := companies[i%len(companies)] + []string{"", " Brothers", " Industries"}[i/len(companies)]
	text := fmt.Sprintf("%s Holdings wins Pentagon contract\n\n%s Holdings said on Tuesday the Pentagon awarded it a %d.%d mln dlr contract, "+
		"the Defense Logistics Agency said. The Pentagon listed the award on Nasdaq filings; %s Holdings shares rose on Nasdaq. Reuter\n",
		company, company, 10+i, i%10, company)
	path := filepath.Join(dir, fmt.Sprintf("notice-%03d.txt", i))
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// Names most of an archive carries (a wire's desk, agency and exchange)
// say little about which event two of its items report: the same two
// notices score lower as one event in an archive where those names are
// everywhere than in an archive of the two alone.
func TestNamesCommonInTheArchiveCountLess(t *testing.T) {
	ctx := context.Background()
	root := t.TempDir()
	notices := filepath.Join(root, "notices")
	os.MkdirAll(notices, 0o755)
	var paths []string
	for i := 0; i < 3*len(companies); i++ {
		paths = append(paths, writeNotice(t, notices, i))
	}
	c := gen.Generate(gen.Options{Seed: 3, Events: 60, Distractors: 120})
	news := filepath.Join(root, "news")
	os.MkdirAll(news, 0o755)
	for _, a := range c.Articles {
		if err := os.WriteFile(filepath.Join(news, fmt.Sprintf("%05d.txt", a.ID)), []byte(a.Title+"\n\n"+a.Text), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	alone := openService(t, filepath.Join(t.TempDir(), "alone.db"))
	defer alone.Close()
	if _, err := alone.Import(ctx, paths[:2], app.ImportOptions{}, nil); err != nil {
		t.Fatal(err)
	}
	two, err := alone.Explain(ctx, filepath.Base(paths[0]), filepath.Base(paths[1]))
	if err != nil {
		t.Fatal(err)
	}

	big := openService(t, filepath.Join(t.TempDir(), "big.db"))
	defer big.Close()
	if _, err := big.Import(ctx, []string{news, notices}, app.ImportOptions{}, nil); err != nil {
		t.Fatal(err)
	}
	many, err := big.Explain(ctx, filepath.Base(paths[0]), filepath.Base(paths[1]))
	if err != nil {
		t.Fatal(err)
	}
	// The two profiles are the same in both archives: only the census
	// differs. It is read in log-odds, where the evidence adds up: near
	// certainty (the notices share every word of what happened) a
	// probability moves little.
	t.Logf("two notices score %.4f among 68 like them and %.4f alone", many.Score, two.Score)
	if logOdds(many.Score) >= logOdds(two.Score)-0.1 {
		t.Errorf("two notices score %.3f among 68 like them and %.3f alone: the archive's common names still count in full",
			many.Score, two.Score)
	}
}

func logOdds(p float64) float64 { return math.Log(p / (1 - p)) }
