package detect_test

import (
	"fmt"
	"github.com/storydiff/storydiff/core"
	"strings"
	"time"

	"github.com/storydiff/storydiff/detect"
)

// The app's incremental flow: features are computed once per article and
// stored as a blob; at start-up the index is rebuilt from the blobs; each new
// article is added and compared; pairs are clustered with the researcher's
// judgements.
func Example() {
	p := detect.DefaultParams()
	lines := detect.NewLineCounts() // persisted with lines.Rows, restored with Load
	articles := map[int64]string{
		1: wire,
		2: "Leave a Reply\n\n" + strings.Replace(wire, "fortnight", "two weeks", 1),
		3: unrelated,
	}
	ix, err := detect.NewIndex(p, detect.IndexOptions{})
	if err != nil {
		panic(err)
	}
	for id := int64(1); id <= 3; id++ {
		text := articles[id]
		lines.Add("harbour-news", text)
		published := time.Date(2024, 6, int(id), 0, 0, 0, 0, time.UTC)
		f := detect.ComputeFeatures(detect.Input{Text: text, Published: &published, Group: "harbour-news", Lines: lines}, p)
		blob, _ := f.MarshalBinary() // stored beside p.Hash()
		var stored detect.Features
		if err := stored.UnmarshalBinary(blob); err != nil {
			panic(err)
		}
		if err := ix.Add(id, &stored); err != nil {
			panic(err)
		}
		for _, pair := range ix.Compare(id) {
			fmt.Printf("article %d: %d-%d %s %.2f\n", id, pair.A, pair.B, pair.Kind, pair.Jaccard)
		}
	}
	pairs := ix.Compare(2)
	for _, g := range detect.Groups(pairs, p.NearJaccard, nil) {
		fmt.Println("group", g.Kind, g.Articles)
	}
	fmt.Println("judged apart:", len(detect.Groups(pairs, p.NearJaccard, []core.Judgement{{A: 1, B: 2, Same: false}})))
	// Output:
	// article 2: 1-2 near 0.92
	// group near [1 2]
	// judged apart: 0
}
