package cli_test

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

type alignSpan struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

type alignResult struct {
	A    int    `json:"a"`
	B    int    `json:"b"`
	Mode string `json:"mode"`
	Rows []struct {
		A     *alignSpan `json:"a"`
		B     *alignSpan `json:"b"`
		Score float64    `json:"score"`
		Moved bool       `json:"moved"`
		Ops   []struct {
			Kind string `json:"kind"`
			Text string `json:"text"`
		} `json:"ops"`
	} `json:"rows"`
}

// checkTiles fails unless spans cover text exactly once, each span's text
// being the stored text at its code-point offsets.
func checkTiles(t *testing.T, what, text string, spans []alignSpan) {
	t.Helper()
	rs := []rune(text)
	sort.Slice(spans, func(i, j int) bool { return spans[i].Start < spans[j].Start })
	at := 0
	for _, s := range spans {
		if s.Start != at || s.End < s.Start || s.End > len(rs) {
			t.Errorf("%s: span [%d,%d) where the next one should start at %d (of %d code points)", what, s.Start, s.End, at, len(rs))
			return
		}
		if got := string(rs[s.Start:s.End]); got != s.Text {
			t.Errorf("%s: span [%d,%d) holds %q, the text there is %q", what, s.Start, s.End, s.Text, got)
		}
		at = s.End
	}
	if at != len(rs) {
		t.Errorf("%s: rows end at %d of %d code points", what, at, len(rs))
	}
}

func storedText(t *testing.T, db, ref string) string {
	t.Helper()
	var a struct {
		Text string `json:"text"`
	}
	mustJSON(t, run(t, db, "show", "--json", ref), &a)
	return a.Text
}

func TestAlignTilesBothTextsOfEverySeedPair(t *testing.T) {
	db := filepath.Join(t.TempDir(), "archive.db")
	dir := t.TempDir()
	seeds, _ := filepath.Glob("../testdata/seeds/*.txt")
	for _, s := range seeds {
		b, _ := os.ReadFile(s)
		os.WriteFile(filepath.Join(dir, filepath.Base(s)), b, 0o644)
	}
	// A republished 000 with a new headline and a word changed: a
	// near-duplicate, compared by the word diff cut into rows.
	b, _ := os.ReadFile("../testdata/seeds/000_e445162bcb1b35cb.txt")
	os.WriteFile(filepath.Join(dir, "republished.txt"),
		[]byte("UPDATED: "+strings.Replace(string(b), "Pentagon", "US Defense Department", 1)), 0o644)
	if r := run(t, db, "import", dir); r.code != 0 {
		t.Fatalf("import: exit %d, %s", r.code, r.stderr)
	}
	texts := map[int]string{}
	for id := 1; id <= 6; id++ {
		texts[id] = storedText(t, db, fmt.Sprint(id))
	}
	modes := map[string]int{}
	for a := 1; a <= 6; a++ {
		for b := 1; b <= 6; b++ {
			if a == b {
				continue
			}
			var r alignResult
			mustJSON(t, run(t, db, "align", "--json", fmt.Sprint(a), fmt.Sprint(b)), &r)
			modes[r.Mode]++
			if r.A != a || r.B != b {
				t.Errorf("align %d %d names articles %d and %d", a, b, r.A, r.B)
			}
			var sa, sb []alignSpan
			for k, row := range r.Rows {
				var ta, tb strings.Builder
				for _, op := range row.Ops {
					switch op.Kind {
					case "equal":
						ta.WriteString(op.Text)
						tb.WriteString(op.Text)
					case "delete":
						ta.WriteString(op.Text)
					case "insert":
						tb.WriteString(op.Text)
					default:
						t.Errorf("align %d %d row %d: op kind %q", a, b, k, op.Kind)
					}
				}
				if row.A != nil {
					sa = append(sa, *row.A)
					if ta.String() != row.A.Text {
						t.Errorf("align %d %d row %d: the ops do not rebuild A's side", a, b, k)
					}
				}
				if row.B != nil {
					sb = append(sb, *row.B)
					if tb.String() != row.B.Text {
						t.Errorf("align %d %d row %d: the ops do not rebuild B's side", a, b, k)
					}
				}
				if row.A == nil && row.B == nil {
					t.Errorf("align %d %d row %d is empty on both sides", a, b, k)
				}
			}
			checkTiles(t, fmt.Sprintf("align %d %d, side A", a, b), texts[a], sa)
			checkTiles(t, fmt.Sprintf("align %d %d, side B", a, b), texts[b], sb)
		}
	}
	// 000 and its republication are near-duplicates; the seeds are not.
	if modes["diff"] != 2 || modes["aligned"] != 28 {
		t.Errorf("modes chosen: %v, want 2 diff (000 and its copy, both ways) and 28 aligned", modes)
	}

	// Forcing a mode is obeyed.
	var forced alignResult
	mustJSON(t, run(t, db, "align", "--json", "--mode", "diff", "4", "5"), &forced)
	if forced.Mode != "diff" {
		t.Errorf("--mode diff gave mode %q", forced.Mode)
	}
}

func TestAlignSeeds003And004(t *testing.T) {
	db := filepath.Join(t.TempDir(), "archive.db")
	if r := run(t, db, "import", "../testdata/seeds"); r.code != 0 {
		t.Fatalf("import: exit %d, %s", r.code, r.stderr)
	}
	var r alignResult
	mustJSON(t, run(t, db, "align", "--json", "003_d2567b8d7e929331.txt", "004_0cbc97742eea5343.txt"), &r)
	if r.Mode != "aligned" {
		t.Fatalf("003 and 004 compared in mode %q, want aligned", r.Mode)
	}
	ryder := false
	for _, row := range r.Rows {
		if row.A != nil && row.B != nil && strings.Contains(row.A.Text, "Ryder") && strings.Contains(row.B.Text, "Ryder") {
			ryder = true
			if row.Score <= 0 || row.Score > 1 {
				t.Errorf("the Ryder row scores %g", row.Score)
			}
		}
	}
	if !ryder {
		t.Error("no row pairs the sentences of 003 and 004 quoting Pat Ryder")
	}

	// The text form: a summary line, then A/B blocks; one-sided rows say so,
	// paired ones mark their changed words, and nothing is coloured off a
	// terminal.
	out := run(t, db, "align", "4", "5")
	if out.code != 0 {
		t.Fatalf("align 4 5: exit %d, %s", out.code, out.stderr)
	}
	for _, want := range []string{"Article 4 -> 5 (sentences aligned)", "only in A", "only in B", "  A ", "  B ", "[-", "{+", "(nothing)"} {
		if !strings.Contains(out.stdout, want) {
			t.Errorf("align 4 5 text lacks %q", want)
		}
	}
	if strings.Contains(out.stdout, "\x1b") {
		t.Error("align 4 5 printed escape sequences to a pipe")
	}
	if got := strings.Count(out.stdout, "\n#"); got != len(r.Rows) {
		t.Errorf("text form has %d rows, JSON %d", got, len(r.Rows))
	}
}

func TestAlignStoryCollatesItsVersions(t *testing.T) {
	db := filepath.Join(t.TempDir(), "archive.db")
	if r := run(t, db, "import", "../testdata/seeds"); r.code != 0 {
		t.Fatalf("import: exit %d, %s", r.code, r.stderr)
	}
	var stories []struct {
		ID       int `json:"id"`
		Articles []struct {
			ID int `json:"id"`
		} `json:"articles"`
	}
	mustJSON(t, run(t, db, "stories", "--json"), &stories)
	if len(stories) == 0 {
		t.Fatal("the seeds make no story")
	}
	for _, s := range stories {
		var st struct {
			Story    int   `json:"story"`
			Versions []int `json:"versions"`
			Rows     []struct {
				Cells []*struct {
					Article int    `json:"article"`
					Start   int    `json:"start"`
					End     int    `json:"end"`
					Text    string `json:"text"`
				} `json:"cells"`
				First int `json:"first"`
			} `json:"rows"`
		}
		mustJSON(t, run(t, db, "align", "--story", fmt.Sprint(s.ID), "--json"), &st)
		if st.Story != s.ID || len(st.Versions) != len(s.Articles) {
			t.Fatalf("story %d collated as story %d with versions %v", s.ID, st.Story, st.Versions)
		}
		texts := make([][]rune, len(st.Versions))
		for v, id := range st.Versions {
			if id != s.Articles[v].ID {
				t.Errorf("story %d: version %d is article %d, the story lists %d there", s.ID, v, id, s.Articles[v].ID)
			}
			texts[v] = []rune(storedText(t, db, fmt.Sprint(id)))
		}
		onlyOne := 0
		for k, row := range st.Rows {
			if len(row.Cells) != len(st.Versions) {
				t.Fatalf("story %d row %d has %d cells for %d versions", s.ID, k, len(row.Cells), len(st.Versions))
			}
			first, n := 0, 0
			for v, c := range row.Cells {
				if c == nil {
					continue
				}
				n++
				if first == 0 {
					first = c.Article
				}
				if c.Article != st.Versions[v] {
					t.Errorf("story %d row %d: cell %d is of article %d", s.ID, k, v, c.Article)
				}
				if c.Start < 0 || c.End > len(texts[v]) || string(texts[v][c.Start:c.End]) != c.Text {
					t.Errorf("story %d row %d: cell %d [%d,%d) does not hold its text", s.ID, k, v, c.Start, c.End)
				}
			}
			if n == 0 || row.First != first {
				t.Errorf("story %d row %d: first %d, want %d (the first version holding it)", s.ID, k, row.First, first)
			}
			if n == 1 {
				onlyOne++
			}
		}
		if onlyOne == 0 || onlyOne == len(st.Rows) {
			t.Errorf("story %d: %d of %d rows in one version only; the seeds' versions share some sentences and not others", s.ID, onlyOne, len(st.Rows))
		}
		out := run(t, db, "align", "--story", fmt.Sprint(s.ID))
		if out.code != 0 || !strings.Contains(out.stdout, fmt.Sprintf("Story %d: %d versions", s.ID, len(st.Versions))) ||
			!strings.Contains(out.stdout, "only in article") {
			t.Errorf("align --story %d text form: exit %d\n%s", s.ID, out.code, out.stdout)
		}
	}
}

func TestAlignUsage(t *testing.T) {
	db := filepath.Join(t.TempDir(), "archive.db")
	run(t, db, "import", "../testdata/seeds")
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"align", "1"}, 2, "give two articles"},
		{[]string{"align", "--story", "1", "1", "2"}, 2, "not both"},
		{[]string{"align", "--mode", "words", "1", "2"}, 2, "--mode is aligned or diff"},
		{[]string{"align", "--story", "999"}, 1, "no story 999"},
		{[]string{"align", "1", "no-such-file.txt"}, 1, "no-such-file.txt"},
	} {
		r := run(t, db, c.args...)
		if r.code != c.code || !strings.Contains(r.stderr, c.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d and %q", c.args, r.code, r.stderr, c.code, c.want)
		}
	}
	if r := run(t, db, "help"); !strings.Contains(r.stdout, "align ") {
		t.Error("help does not list align")
	}
}
