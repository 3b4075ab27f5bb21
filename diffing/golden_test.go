package diffing_test

import (
	"encoding/json"
	"flag"
	"github.com/storydiff/storydiff/core"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/storydiff/storydiff/diffing"
	"github.com/storydiff/storydiff/diffing/render"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/diff")

// goldenCase is testdata/diff/<case>/case.json: the two texts (paths
// relative to the case folder) and the options.
type goldenCase struct {
	A           string `json:"a"`
	B           string `json:"b"`
	Granularity string `json:"granularity"`
	IgnoreMinor bool   `json:"ignore_minor"`
	// BoilerplateLines marks the lines starting with these prefixes as
	// boilerplate in both texts.
	BoilerplateLines []string `json:"boilerplate_lines"`
}

// TestGolden diffs each case and compares the plain rendering plus stats
// (want.txt, for reading) and the full JSON result (want.json) with the
// golden files. Run with -update to rewrite them, then read the diff.
func TestGolden(t *testing.T) {
	dirs, err := filepath.Glob("../testdata/diff/*/case.json")
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no golden cases found: %v", err)
	}
	for _, path := range dirs {
		dir := filepath.Dir(path)
		t.Run(filepath.Base(dir), func(t *testing.T) {
			var c goldenCase
			raw, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(raw, &c); err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			a := readText(t, filepath.Join(dir, c.A))
			b := readText(t, filepath.Join(dir, c.B))
			g, ok := diffing.ParseGranularity(c.Granularity)
			if !ok {
				t.Fatalf("bad granularity %q", c.Granularity)
			}
			opts := diffing.Options{
				Granularity:  g,
				IgnoreMinor:  c.IgnoreMinor,
				BoilerplateA: linesStarting(a, c.BoilerplateLines),
				BoilerplateB: linesStarting(b, c.BoilerplateLines),
				Timeout:      -1, // golden output must not depend on the machine's speed
			}
			r := diffing.Diff(a, b, opts)
			checkApply(t, a, b, r)
			stats, _ := json.MarshalIndent(r.Stats, "", "  ")
			text := render.Text(r, render.Options{HideMinor: c.IgnoreMinor}) + "\n\n--- stats ---\n" + string(stats) + "\n"
			full, err := json.MarshalIndent(r, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			compareGolden(t, filepath.Join(dir, "want.txt"), text)
			compareGolden(t, filepath.Join(dir, "want.json"), string(full)+"\n")
		})
	}
}

func readText(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func compareGolden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the output; run with -update and review the diff.\ngot:\n%s", path, got)
	}
}

// linesStarting returns the rune spans of the lines of s that start with
// one of the prefixes.
func linesStarting(s string, prefixes []string) []core.Span {
	var out []core.Span
	start := 0
	for _, line := range strings.SplitAfter(s, "\n") {
		n := utf8.RuneCountInString(line)
		body := strings.TrimRight(line, "\n")
		for _, p := range prefixes {
			if strings.HasPrefix(body, p) {
				out = append(out, core.Span{Start: start, End: start + utf8.RuneCountInString(body)})
				break
			}
		}
		start += n
	}
	return out
}
