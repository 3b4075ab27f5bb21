package detect_test

import (
	"strings"
	"testing"

	"github.com/storydiff/storydiff/detect"
)

// TestPairSimilarityIsTheDuplicateScore checks that the similarity of any
// two articles is the score a verified duplicate pair of them carries, and
// the Jaccard of their shingles when they are no duplicates.
func TestPairSimilarityIsTheDuplicateScore(t *testing.T) {
	p := detect.DefaultParams()
	// A shorter copy: contained whole in the wire, Jaccard below the threshold.
	paras := strings.Split(wire, "\n\n")
	contained := strings.Join(paras[:len(paras)-1], "\n\n")
	for _, other := range []string{
		wire,
		"Leave a Reply\n\n" + wire + "\n\nNEXT NEWS",
		strings.Replace(wire, "fortnight", "fortnite", 1),
		moveParagraph(wire),
		contained,
		unrelated,
	} {
		ix := build(t, map[int64]string{1: wire, 2: other})
		fa, fb := detect.ComputeFeatures(detect.Input{Text: wire}, p), detect.ComputeFeatures(detect.Input{Text: other}, p)
		got := detect.PairSimilarity(p, fa, fb)
		want, verified := -1.0, false
		for _, pr := range ix.Compare(1) {
			if pr.B == 2 && pr.IsDuplicate() {
				want, verified = pr.Score, true
			}
		}
		if !verified {
			want, _ = detect.Similarity(fa, fb)
		}
		if got != want || got < 0 || got > 1 {
			t.Errorf("%.40q: similarity %v, want %v (verified %v)", other, got, want, verified)
		}
		if rev := detect.PairSimilarity(p, fb, fa); rev != got {
			t.Errorf("%.40q: similarity %v one way, %v the other", other, got, rev)
		}
	}
}
