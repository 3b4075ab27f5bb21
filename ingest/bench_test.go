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

// BenchmarkParse measures one file of each format from the project's own
// fixtures.
func BenchmarkParse(b *testing.B) {
	seed, err := os.ReadFile("../testdata/seeds/003_d2567b8d7e929331.txt")
	if err != nil {
		b.Fatal(err)
	}
	page, err := os.ReadFile("../testdata/ingest/page.html")
	if err != nil {
		b.Fatal(err)
	}
	var jsonl []byte
	for range 100 {
		jsonl = append(jsonl, `{"title": "Ferry timetable approved", "text": "The harbour council voted on Monday evening to approve a new ferry timetable that adds two early crossings on weekdays.", "date": "2023-03-14T09:30:00Z", "source": "Coastal Gazette"}`+"\n"...)
	}
	for _, bc := range []struct {
		name, path string
		data       []byte
	}{
		{"txt", "a.txt", seed},
		{"html", "a.html", page},
		{"jsonl-100-records", "a.jsonl", jsonl},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(bc.data)))
			for b.Loop() {
				if _, err := ingest.Parse(bc.path, bc.data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkFindDate(b *testing.B) {
	seed, err := os.ReadFile("../testdata/seeds/002_965cdb6d1926d39b.txt")
	if err != nil {
		b.Fatal(err)
	}
	text := string(seed)
	for b.Loop() {
		if _, _, ok := ingest.FindDate(text); !ok {
			b.Fatal("no date")
		}
	}
}
