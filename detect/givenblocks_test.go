package detect

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// Features made with the caller's blocks are the features made without
// them, when the blocks are what MarkBlocks gives for the same options.
func TestComputeFeaturesWithGivenBlocks(t *testing.T) {
	files, err := filepath.Glob("../testdata/seeds/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no seeds: %v", err)
	}
	lines := NewLineCounts()
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lines.Add("seeds", string(b))
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		in := Input{Text: string(b), Title: "A title", Group: "seeds", Lines: lines}
		want := ComputeFeatures(in, DefaultParams())
		in.Blocks = MarkBlocks(in.Text, BlockOptions{Title: in.Title, Group: in.Group, Lines: in.Lines})
		if got := ComputeFeatures(in, DefaultParams()); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: features differ with the blocks given", filepath.Base(f))
		}
	}
}
