package ingest_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/storydiff/storydiff/ingest"
)

// TestHTMLGolden keeps the full text extracted from the fixture page, so
// that a change in extraction (a lost paragraph break, navigation let in)
// shows in review. Refresh with -update and read the diff.
func TestHTMLGolden(t *testing.T) {
	for _, name := range []string{"page.html"} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join("..", "testdata", "ingest", name)
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			docs, err := ingest.Parse(path, data)
			if err != nil || len(docs) != 1 {
				t.Fatalf("Parse() = %d docs, %v", len(docs), err)
			}
			got := docs[0].Text + "\n"
			golden := path + ".golden.txt"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./ingest -run TestHTMLGolden -update)", err)
			}
			if got != string(want) {
				t.Errorf("extracted text changed:\ngot:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}
