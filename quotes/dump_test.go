package quotes

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

func TestDump(t *testing.T) {
	if os.Getenv("QDUMP") == "" {
		t.Skip()
	}
	files, _ := filepath.Glob(os.Getenv("QDUMP"))
	for _, f := range files {
		b, _ := os.ReadFile(f)
		fmt.Println("==", f)
		for _, q := range Find(string(b)) {
			fmt.Printf("  [%s | %s] %q\n", q.Speaker, q.Title, q.Text)
		}
	}
}
