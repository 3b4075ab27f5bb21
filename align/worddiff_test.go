package align

import (
	"slices"
	"testing"

	"github.com/storydiff/storydiff/diffing"
)

// TestWordDiffSpaceOnly: rows that differ only in the white space after
// the sentence skip the word diff and give the ops it gives.
func TestWordDiffSpaceOnly(t *testing.T) {
	for _, c := range [][2]string{
		{"Austin called Shoigu.\n\n", "Austin called Shoigu.\n"},
		{"Austin called Shoigu. ", "Austin called Shoigu.\n\n"},
		{"Austin called Shoigu.", "Austin called Shoigu.\n"},
		{"Austin called Shoigu.\n", "Austin called Shoigu."},
	} {
		got := wordDiff(c[0], c[1], Options{})
		want := convertOps(diffing.Diff(c[0], c[1], diffing.Options{MinMoveWords: -1}).Ops)
		if !slices.Equal(got, want) {
			t.Errorf("%q -> %q: ops %+v, the word diff gives %+v", c[0], c[1], got, want)
		}
	}
}
