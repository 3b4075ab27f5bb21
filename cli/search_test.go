package cli_test

import (
	"fmt"
	"github.com/storydiff/storydiff/core"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A search matching more articles than are ranked says so, and --rank-all
// ranks them all.
func TestBroadSearchSaysItsRankingIsPartial(t *testing.T) {
	dir := t.TempDir()
	n := core.DefaultRankWindow + 20
	for i := 0; i < n; i++ {
		text := fmt.Sprintf("Report %d\n\nThe harbour committee met on day %d and heard item %d.\n", i, i, i*7)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%04d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	db := filepath.Join(t.TempDir(), "archive.db")
	if r := run(t, db, "import", "--no-analyze", dir); r.code != 0 {
		t.Fatalf("import: exit %d: %s", r.code, r.stderr)
	}
	tests := []struct {
		name        string
		args        []string
		wantPartial bool
	}{
		{"broad", []string{"search", "harbour"}, true},
		{"broad, every match ranked", []string{"search", "--rank-all", "harbour"}, false},
		{"narrow", []string{"search", "Report 7"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := run(t, db, tt.args...)
			if r.code != 0 {
				t.Fatalf("exit %d: %s", r.code, r.stderr)
			}
			partial := strings.HasPrefix(r.stdout, "Many articles match")
			if partial != tt.wantPartial {
				t.Errorf("said partial: %v, want %v\n%.300s", partial, tt.wantPartial, r.stdout)
			}
			if lines := strings.Count(r.stdout, "\n"); lines < 2 {
				t.Errorf("printed %d lines, want hits", lines)
			}
		})
	}
}

// The analysis summary's counts agree with what the listing commands list.
func TestAnalysisSummaryCountsWhatIsListed(t *testing.T) {
	db := filepath.Join(t.TempDir(), "archive.db")
	if r := run(t, db, "import", "../testdata/seeds"); r.code != 0 {
		t.Fatalf("import: exit %d: %s", r.code, r.stderr)
	}
	var sum struct {
		Articles int `json:"articles"`
		Repeats  int `json:"articles_with_repeats"`
		Stories  int `json:"stories"`
		Pairs    int `json:"pairs"`
		Pass     string
	}
	mustJSON(t, run(t, db, "analyze", "--json"), &sum)
	var stories []struct {
		Articles []any `json:"articles"`
	}
	var repeats []any
	mustJSON(t, run(t, db, "stories", "--json"), &stories)
	mustJSON(t, run(t, db, "repeats", "--json"), &repeats)
	if sum.Articles != 5 || sum.Stories != len(stories) || sum.Repeats != len(repeats) || sum.Pass != "all" {
		t.Errorf("summary %+v; listed %d stories and %d articles with repeats, want the same and 5 articles, pass all",
			sum, len(stories), len(repeats))
	}
	several := 0
	for _, s := range stories {
		if len(s.Articles) > 1 {
			several++
		}
	}
	if sum.Repeats != 1 || sum.Pairs < several {
		t.Errorf("summary %+v: want seed 001's repeat, and at least a pair per story of several versions (%d)", sum, several)
	}
}

// search pages through its hits, takes the library's filters, finds other
// spellings of a name, and writes every hit as CSV or JSON.
func TestSearchPagesFiltersAndExports(t *testing.T) {
	db := filepath.Join(t.TempDir(), "archive.db")
	if r := run(t, db, "import", "--no-analyze", "../testdata/seeds"); r.code != 0 {
		t.Fatalf("import: exit %d: %s", r.code, r.stderr)
	}
	cases := []struct {
		args []string
		want []string
	}{
		{[]string{"search", "--limit", "2", "Zelenskyy"}, []string{"Hits 1-2 of 4; the next page: --offset 2.", "zhelensky"}},
		{[]string{"search", "--offset", "2", "--limit", "2", "Zelenskyy"}, []string{"Hits 3-4 of 4."}},
		{[]string{"search", "--language", "fr", "Zelenskyy"}, []string{"No article matches"}},
		{[]string{"search", "--language", "en", "--to", "1999-12-31", "Zelenskyy"}, []string{"No article matches"}},
		{[]string{"search", "--format", "csv", "Zelenskyy"}, []string{"position,id,title", "\n4,"}},
		{[]string{"search", "--format", "json", "Zelenskyy"}, []string{`"total": 4`}},
	}
	for _, tc := range cases {
		r := run(t, db, tc.args...)
		if r.code != 0 {
			t.Fatalf("%v: exit %d: %s", tc.args, r.code, r.stderr)
		}
		for _, w := range tc.want {
			if !strings.Contains(r.stdout, w) {
				t.Errorf("%v printed\n%.600s\nwant %q in it", tc.args, r.stdout, w)
			}
		}
	}
	if r := run(t, db, "search", "--from", "last week", "x"); r.code == 0 || !strings.Contains(r.stderr, "last week") {
		t.Errorf("--from 'last week': exit %d, %s; want refused, naming it", r.code, r.stderr)
	}
}
