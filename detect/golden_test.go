package detect_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/storydiff/storydiff/detect"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/detect")

// seedReport is what the analysis says about the seed articles, kept as a
// golden file so that any change in it is seen, and read, in review.
type seedReport struct {
	Articles []seedArticle `json:"articles"`
	Pairs    []seedPair    `json:"pairs"`
}

type seedArticle struct {
	Name    string       `json:"name"`
	Blocks  []seedBlock  `json:"marked_blocks"`
	Repeats []seedRepeat `json:"repeats,omitempty"`
}

type seedBlock struct {
	Kind string `json:"kind"`
	Text string `json:"text"`
}

type seedRepeat struct {
	Occurrences [][2]int `json:"occurrences"`
	Text        string   `json:"text"`
}

type seedPair struct {
	A, B        int64
	Kind        string
	Story       float64 `json:"story_score"`
	Jaccard     float64 `json:"jaccard"`
	Containment float64 `json:"containment"`
}

func round3(x float64) float64 { return math.Round(x*1000) / 1000 }

func clip(s string) string {
	rs := []rune(s)
	if len(rs) > 80 {
		return string(rs[:80]) + "…"
	}
	return s
}

func TestSeedsGolden(t *testing.T) {
	ix, ss := seedIndex(t, true)
	var rep seedReport
	for _, s := range ss {
		a := seedArticle{Name: s.name}
		rs := []rune(s.text)
		for _, b := range detect.MarkBlocks(s.text, detect.BlockOptions{}) {
			if b.Kind != detect.KindBody { // body lines are most of the text: list the rest
				a.Blocks = append(a.Blocks, seedBlock{b.Kind, clip(string(rs[b.Start:b.End]))})
			}
		}
		for _, r := range detect.RepeatedPassages(s.text) {
			sr := seedRepeat{Text: clip(r.Text)}
			for _, o := range r.Occurrences {
				sr.Occurrences = append(sr.Occurrences, [2]int{o.Start, o.End})
			}
			a.Repeats = append(a.Repeats, sr)
		}
		rep.Articles = append(rep.Articles, a)
	}
	pairs, err := ix.Pairs(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	found := map[[2]int64]string{}
	for _, p := range pairs {
		found[[2]int64{p.A, p.B}] = p.Kind
	}
	fs := make([]*detect.Features, len(ss))
	for i, s := range ss {
		fs[i] = detect.ComputeFeatures(detect.Input{Text: s.text, Published: s.published}, detect.DefaultParams())
	}
	for a := int64(0); a < int64(len(ss)); a++ {
		for b := a + 1; b < int64(len(ss)); b++ {
			sp := seedPair{A: a, B: b, Kind: found[[2]int64{a, b}], Story: round3(ix.StoryScore(a, b))}
			j, c := detect.Similarity(fs[a], fs[b])
			sp.Jaccard, sp.Containment = round3(j), round3(c)
			rep.Pairs = append(rep.Pairs, sp)
		}
	}
	got, err := json.MarshalIndent(rep, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	path := filepath.Join("..", "testdata", "detect", "seeds.golden.json")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./detect -run Golden -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("seed analysis differs from %s; rerun with -update and review the diff:\n%s", path, firstDiff(got, want))
	}
}

func firstDiff(a, b []byte) string {
	la, lb := bytes.Split(a, []byte("\n")), bytes.Split(b, []byte("\n"))
	for i := 0; i < len(la) && i < len(lb); i++ {
		if !bytes.Equal(la[i], lb[i]) {
			return fmt.Sprintf("line %d:\n got %s\nwant %s", i+1, la[i], lb[i])
		}
	}
	return fmt.Sprintf("%d lines, want %d", len(la), len(lb))
}
