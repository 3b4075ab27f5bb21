package ingest_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/storydiff/storydiff/ingest"
)

// corpusDir is a real corpus kept outside the repository; the benchmark is
// skipped where it is absent. Override with STORYDIFF_BBC.
func corpusDir() string {
	if d := os.Getenv("STORYDIFF_BBC"); d != "" {
		return d
	}
	return "/work/shared/corpora/bbc"
}

// BenchmarkParseBBC parses every file of the BBC corpus once per iteration;
// the files/s metric is the figure reported in the documentation.
func BenchmarkParseBBC(b *testing.B) {
	paths, _ := filepath.Glob(filepath.Join(corpusDir(), "*", "*.txt"))
	if len(paths) == 0 {
		b.Skip("BBC corpus not found; set STORYDIFF_BBC")
	}
	data := make([][]byte, len(paths))
	var size int64
	for i, p := range paths {
		d, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		data[i] = d
		size += int64(len(d))
	}
	b.SetBytes(size)
	b.ResetTimer()
	for b.Loop() {
		for i, p := range paths {
			if _, err := ingest.Parse(p, data[i]); err != nil {
				b.Fatalf("%s: %v", p, err)
			}
		}
	}
	b.ReportMetric(float64(b.N*len(paths))/b.Elapsed().Seconds(), "files/s")
}

// BenchmarkParseHTMLPages parses saved web pages from STORYDIFF_HTML (a
// folder of .html files, for example go-trafilatura's test-files/comparison).
func BenchmarkParseHTMLPages(b *testing.B) {
	dir := os.Getenv("STORYDIFF_HTML")
	paths, _ := filepath.Glob(filepath.Join(dir, "*.html"))
	if dir == "" || len(paths) == 0 {
		b.Skip("set STORYDIFF_HTML to a folder of saved web pages")
	}
	if len(paths) > 200 {
		paths = paths[:200]
	}
	data := make([][]byte, len(paths))
	var size int64
	for i, p := range paths {
		d, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		data[i] = d
		size += int64(len(d))
	}
	b.SetBytes(size)
	b.ResetTimer()
	for b.Loop() {
		for i, p := range paths {
			ingest.Parse(p, data[i])
		}
	}
	b.ReportMetric(float64(b.N*len(paths))/b.Elapsed().Seconds(), "files/s")
}
