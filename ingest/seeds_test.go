package ingest_test

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/storydiff/storydiff/ingest"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata/ingest")

// TestSeedMetadata states, for each seed article, the title and date a reader
// finds in it: 000, 001 and 003 carry no publication date (their dates are
// of events the stories mention), 002 ends with its own and 004 has one
// above its comment form.
func TestSeedMetadata(t *testing.T) {
	tests := []struct {
		file, title, raw string
		published        time.Time
	}{
		{"000_e445162bcb1b35cb.txt", "Ukraine war: Pentagon chief talks with Russian counterpart", "", time.Time{}},
		{"001_d9fdc833d6f29732.txt", "The United States calls for a ceasefire from Russia, but in vain", "", time.Time{}},
		{"002_965cdb6d1926d39b.txt", "Pentagon Chief Urges Russian Counterpart Keep ‘Lines Of Communication Open’ In 1st Call In Months", "Fri, 10/21/2022 – 15:25", time.Date(2022, 10, 21, 15, 25, 0, 0, time.UTC)},
		{"003_d2567b8d7e929331.txt", "Ukraine war: Austin talks to Russian counterpart on the phone", "", time.Time{}},
		{"004_0cbc97742eea5343.txt", "Hot Phones Between the US and Russia –", "2024-07-27 12:30:09", time.Date(2024, 7, 27, 12, 30, 9, 0, time.UTC)},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join("..", "testdata", "seeds", tt.file)
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			docs, err := ingest.Parse(path, data)
			if err != nil || len(docs) != 1 {
				t.Fatalf("Parse() = %d docs, %v; want 1 document", len(docs), err)
			}
			d := docs[0]
			if d.Title != tt.title {
				t.Errorf("Title = %q, want %q", d.Title, tt.title)
			}
			if d.Text != string(data) {
				t.Errorf("Text differs from the file's bytes; a UTF-8 text file must come through whole")
			}
			if d.PublishedRaw != tt.raw {
				t.Errorf("PublishedRaw = %q, want %q", d.PublishedRaw, tt.raw)
			}
			switch {
			case tt.published.IsZero() && d.Published != nil:
				t.Errorf("Published = %v, want none", d.Published)
			case !tt.published.IsZero() && (d.Published == nil || !d.Published.Equal(tt.published)):
				t.Errorf("Published = %v, want %v", d.Published, tt.published)
			}
			if d.Language != "en" {
				t.Errorf("Language = %q, want en", d.Language)
			}
		})
	}
}

// TestSeedsGolden records every metadata field Parse gives the seeds, so a
// change in any of them shows in review. Refresh with -update and read the
// diff.
func TestSeedsGolden(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("..", "testdata", "seeds", "*.txt"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no seeds found: %v", err)
	}
	type row struct {
		File, Title, Published, PublishedRaw, PublishedFrom, Language, Encoding, Format string
		Runes                                                                           int
	}
	var rows []row
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		docs, err := ingest.Parse(p, data)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		for _, d := range docs {
			r := row{File: filepath.Base(p), Title: d.Title, PublishedRaw: d.PublishedRaw, PublishedFrom: d.PublishedFrom,
				Language: d.Language, Encoding: d.Encoding, Format: d.Format, Runes: len([]rune(d.Text))}
			if d.Published != nil {
				r.Published = d.Published.Format(time.RFC3339)
			}
			rows = append(rows, r)
		}
	}
	got, err := json.MarshalIndent(rows, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	golden := filepath.Join("..", "testdata", "ingest", "seeds.golden.json")
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./ingest -run TestSeedsGolden -update)", err)
	}
	if string(got) != string(want) {
		t.Errorf("seed metadata changed:\ngot:\n%s\nwant:\n%s", got, want)
	}
}
