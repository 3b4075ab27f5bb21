package cli_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storydiff/storydiff/cli"
)

type result struct {
	code           int
	stdout, stderr string
}

func run(t *testing.T, db string, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	env := &cli.Env{Stdout: &out, Stderr: &errb}
	code := cli.Main(context.Background(), append([]string{"--db", db}, args...), env)
	return result{code, out.String(), errb.String()}
}

func mustJSON(t *testing.T, r result, v any) {
	t.Helper()
	if r.code != 0 {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
	if err := json.Unmarshal([]byte(r.stdout), v); err != nil {
		t.Fatalf("output is not the JSON expected: %v\n%s", err, r.stdout)
	}
}

func TestSeedsThroughTheCLI(t *testing.T) {
	db := filepath.Join(t.TempDir(), "archive.db")
	var imp struct {
		FilesSeen      int   `json:"files_seen"`
		Added          int   `json:"added"`
		AlreadyPresent int   `json:"already_present"`
		Failed         []any `json:"failed"`
		Articles       []int `json:"articles"`
	}
	mustJSON(t, run(t, db, "import", "--json", "../testdata/seeds"), &imp)
	if imp.FilesSeen != 5 || imp.Added != 5 || len(imp.Articles) != 5 || len(imp.Failed) != 0 {
		t.Fatalf("first import = %+v, want 5 seen and added", imp)
	}
	mustJSON(t, run(t, db, "import", "--json", "../testdata/seeds"), &imp)
	if imp.Added != 0 || imp.AlreadyPresent != 5 || len(imp.Articles) != 0 {
		t.Fatalf("second import = %+v, want 0 added", imp)
	}

	var list []struct {
		ID     int      `json:"id"`
		Title  string   `json:"title"`
		Paths  []string `json:"paths"`
		SHA256 string   `json:"sha256"`
		Words  int      `json:"words"`
	}
	mustJSON(t, run(t, db, "list", "--json"), &list)
	if len(list) != 5 || len(list[0].Paths) != 1 || len(list[0].SHA256) != 64 || list[0].Words == 0 {
		t.Fatalf("list = %+v", list)
	}

	var hits []struct {
		Article struct {
			Paths []string `json:"paths"`
		} `json:"article"`
	}
	mustJSON(t, run(t, db, "search", "--json", `"lines of communication"`), &hits)
	var got []string
	for _, h := range hits {
		got = append(got, filepath.Base(h.Article.Paths[0])[:3])
	}
	if strings.Join(sorted(got), ",") != "001,002,004" {
		t.Errorf(`search "lines of communication" found %v, want 001, 002, 004`, got)
	}

	var shown struct {
		Text  string `json:"text"`
		Title string `json:"title"`
	}
	mustJSON(t, run(t, db, "show", "--json", "001_d9fdc833d6f29732.txt"), &shown)
	if !strings.HasPrefix(shown.Text, "The United States calls for a ceasefire") || shown.Title == "" {
		t.Errorf("show 001: title %q, text starts %q", shown.Title, shown.Text[:40])
	}

	var reps []struct {
		Article  int `json:"article"`
		Passages []struct {
			Text        string `json:"text"`
			Occurrences []struct{ Start, End int }
		} `json:"passages"`
	}
	mustJSON(t, run(t, db, "repeats", "--json", "001_d9fdc833d6f29732.txt"), &reps)
	if len(reps) != 1 || len(reps[0].Passages) != 1 || len(reps[0].Passages[0].Occurrences) != 2 {
		t.Fatalf("repeats of 001 = %+v, want one passage with two occurrences", reps)
	}
	runes := []rune(shown.Text)
	o := reps[0].Passages[0].Occurrences
	first, second := string(runes[o[0].Start:o[0].End]), string(runes[o[1].Start:o[1].End])
	if first != second || !strings.Contains(first, "ceasefire") {
		t.Errorf("the two occurrences differ or miss the lede:\n%q\n%q", first, second)
	}

	var dupes struct {
		Groups []struct {
			Kind     string   `json:"kind"`
			Articles []int    `json:"articles"`
			Files    []string `json:"files"`
		} `json:"groups"`
	}
	mustJSON(t, run(t, db, "dupes", "--json"), &dupes)
	if len(dupes.Groups) != 0 {
		t.Errorf("seeds reported as duplicates: %+v", dupes.Groups)
	}
	// The same bytes under another name are one article with two files:
	// dupes counts it apart, --paths lists both files, and it has no copy
	// to keep.
	copyDir := t.TempDir()
	b, _ := os.ReadFile("../testdata/seeds/003_d2567b8d7e929331.txt")
	os.WriteFile(filepath.Join(copyDir, "republished.txt"), b, 0o644)
	run(t, db, "import", copyDir)
	var queue struct {
		Counts struct {
			Groups       int `json:"groups"`
			SeveralPaths int `json:"several_paths"`
		} `json:"counts"`
		Groups []any `json:"groups"`
	}
	mustJSON(t, run(t, db, "dupes", "--json"), &queue)
	if len(queue.Groups) != 0 || queue.Counts.Groups != 0 || queue.Counts.SeveralPaths != 1 {
		t.Errorf("after importing a copy of 003: %+v, want no group and one article at several paths", queue)
	}
	var paths struct {
		Total    int `json:"total"`
		Articles []struct {
			ID    int      `json:"id"`
			Paths []string `json:"paths"`
		} `json:"articles"`
	}
	mustJSON(t, run(t, db, "dupes", "--paths", "--json"), &paths)
	if paths.Total != 1 || len(paths.Articles) != 1 || paths.Articles[0].ID != 4 || len(paths.Articles[0].Paths) != 2 {
		t.Errorf("dupes --paths: %+v, want article 4 with both files", paths)
	}
	if r := run(t, db, "dupes"); !strings.Contains(r.stdout, "1 article was found at more than one path") {
		t.Errorf("dupes summary:\n%s", r.stdout)
	}
	if r := run(t, db, "keep", "republished.txt"); r.code != 1 || !strings.Contains(r.stderr, "several paths") {
		t.Errorf("keep of one article found at two paths: exit %d, %q; want a refusal", r.code, r.stderr)
	}
	if r := run(t, db, "keep", "1"); r.code != 1 || !strings.Contains(r.stderr, "no duplicate group") {
		t.Errorf("keep of an article in no group: exit %d, %q", r.code, r.stderr)
	}

	var stories []struct {
		ID       int `json:"id"`
		Articles []struct {
			ID int `json:"id"`
		} `json:"articles"`
	}
	mustJSON(t, run(t, db, "stories", "--json"), &stories)
	storyOf := map[int]int{}
	for _, s := range stories {
		for _, a := range s.Articles {
			storyOf[a.ID] = s.ID
		}
	}
	// Seeds are imported in name order: 000 is article 1, 004 article 5.
	if storyOf[1] == 0 || storyOf[1] != storyOf[2] {
		t.Errorf("000 and 001 not in one story: %+v", stories)
	}
	// Which events the seeds make is checked in app (the seeds' events);
	// here, that every article is in exactly one listed event.
	if len(storyOf) != 5 {
		t.Errorf("stories list %d of the 5 articles: %+v", len(storyOf), stories)
	}

	var diff struct {
		A   int `json:"a"`
		B   int `json:"b"`
		Ops []struct {
			Op   string `json:"op"`
			Text string `json:"text"`
		} `json:"ops"`
	}
	mustJSON(t, run(t, db, "diff", "--json", "4", "5"), &diff)
	if diff.A != 4 || diff.B != 5 || len(diff.Ops) == 0 {
		t.Errorf("diff 4 5 = a %d b %d with %d ops", diff.A, diff.B, len(diff.Ops))
	}
}

func TestExitCodesAndErrors(t *testing.T) {
	db := filepath.Join(t.TempDir(), "archive.db")
	cases := []struct {
		name     string
		args     []string
		wantCode int
		wantErr  string
	}{
		{"unknown command", []string{"frobnicate"}, 2, "unknown command"},
		{"import without paths", []string{"import"}, 2, "at least one folder"},
		{"show unknown article", []string{"show", "nope.txt"}, 1, "no article"},
		{"search without words", []string{"search", `"" ***`}, 1, "no word"},
		{"bad granularity", []string{"diff", "--by", "letter", "1", "2"}, 1, ""},
		{"bad flag", []string{"list", "--colour"}, 2, "flag provided but not defined"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := run(t, db, tc.args...)
			if r.code != tc.wantCode {
				t.Fatalf("exit %d, want %d (stderr %q)", r.code, tc.wantCode, r.stderr)
			}
			if !strings.Contains(r.stderr, tc.wantErr) {
				t.Errorf("stderr %q does not say %q", r.stderr, tc.wantErr)
			}
			if strings.Count(strings.TrimSpace(r.stderr), "\n") > 0 && tc.wantCode == 1 {
				t.Errorf("error is not one line: %q", r.stderr)
			}
		})
	}
}

func sorted(s []string) []string {
	out := append([]string(nil), s...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}

func TestCanceledCommandSaysSo(t *testing.T) {
	db := filepath.Join(t.TempDir(), "archive.db")
	if r := run(t, db, "import", "--no-analyze", "../testdata/seeds"); r.code != 0 {
		t.Fatalf("import: %s", r.stderr)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var out, errb bytes.Buffer
	code := cli.Main(ctx, []string{"--db", db, "analyze"}, &cli.Env{Stdout: &out, Stderr: &errb})
	if code != 1 || strings.Contains(errb.String(), "internal") || !strings.Contains(errb.String(), "canceled") {
		t.Errorf("canceled analyze: exit %d, stderr %q; want exit 1 saying canceled", code, errb.String())
	}
}
