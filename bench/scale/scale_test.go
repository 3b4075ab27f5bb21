package main

// The command's own package: a main package cannot be imported by an
// external test package.

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/storydiff/storydiff/app"
)

func TestQuantile(t *testing.T) {
	ms := func(v ...int) []time.Duration {
		out := make([]time.Duration, len(v))
		for i, x := range v {
			out[i] = time.Duration(x) * time.Millisecond
		}
		return out
	}
	tests := []struct {
		name string
		d    []time.Duration
		q    float64
		want float64
	}{
		{"empty", nil, 0.95, 0},
		{"one", ms(7), 0.95, 7},
		{"median of unsorted", ms(5, 1, 3), 0.5, 3},
		{"p95 of twenty is the nineteenth", ms(20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1), 0.95, 19},
		{"max", ms(2, 9, 4), 1, 9},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := quantile(tt.d, tt.q); got != tt.want {
				t.Errorf("quantile(%v, %v) = %v, want %v", tt.d, tt.q, got, tt.want)
			}
		})
	}
}

func TestServingURL(t *testing.T) {
	tests := []struct {
		name, out, want string
		wantErr         bool
	}{
		{"banner", "StoryDiff is serving /tmp/a.db on http://127.0.0.1:4567/\nPress Ctrl-C to stop.\n", "http://127.0.0.1:4567/", false},
		{"warning first", "storydiff serve: this binary holds no user interface\nStoryDiff is serving x on http://127.0.0.1:1/\n", "http://127.0.0.1:1/", false},
		{"exited", "storydiff: archive is locked\n", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := servingURL(strings.NewReader(tt.out))
			if got != tt.want || (err != nil) != tt.wantErr {
				t.Errorf("servingURL = %q, %v; want %q, error %v", got, err, tt.want, tt.wantErr)
			}
		})
	}
}

// A corpus is reused only at the same size and count, since it takes minutes
// to write a million files; any other leftover is replaced.
func TestGenerateReuse(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "corpus")
	steps := []struct {
		name       string
		n, size    int
		wantReused bool
		wantFiles  int
	}{
		{"first", 3, 200, false, 3},
		{"same again", 3, 200, true, 3},
		{"other count", 5, 200, false, 5},
		{"other size", 5, 300, false, 5},
	}
	for _, s := range steps {
		reused, err := generate(dir, s.n, s.size)
		if err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		files, _ := filepath.Glob(filepath.Join(dir, "*", "*.txt"))
		if reused != s.wantReused || len(files) != s.wantFiles {
			t.Errorf("%s: reused %v with %d files, want %v with %d", s.name, reused, len(files), s.wantReused, s.wantFiles)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, ".generated")); err != nil {
		t.Errorf("no marker: %v", err)
	}
}

// The news corpus holds related articles that analysis finds, and the
// accuracy score counts them against the generator's own ground truth.
func TestNewsCorpusAccuracy(t *testing.T) {
	if testing.Short() {
		t.Skip("imports and analyses 1,500 articles")
	}
	dir := t.TempDir()
	corpus := filepath.Join(dir, "corpus")
	if err := newsGenerator(3).WriteFolder(corpus, 1500, 1500); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "archive.db")
	ctx := context.Background()
	svc, err := app.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Import(ctx, []string{corpus}, app.ImportOptions{}, nil); err != nil {
		t.Fatal(err)
	}
	svc.Close()
	got, err := accuracy(db)
	if err != nil {
		t.Fatal(err)
	}
	var truePairs int
	var recall, precision float64
	if _, err := fmt.Sscanf(got, "against the corpus's ground truth (%d related pairs): recall %f, precision %f", &truePairs, &recall, &precision); err != nil {
		t.Fatalf("accuracy said %q: %v", got, err)
	}
	t.Log(got)
	// About a tenth of the articles copy an earlier one's lede.
	if truePairs < 100 || recall < 0.95 || precision < 0.8 {
		t.Errorf("accuracy: %s; want over 100 related pairs, found with recall 0.95 and precision 0.8 or more", got)
	}
}
