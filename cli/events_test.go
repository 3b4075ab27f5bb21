package cli_test

import (
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

type cliEvent struct {
	ID       int64  `json:"id"`
	Label    string `json:"label"`
	Earliest int64  `json:"earliest"`
	Articles []struct {
		ID        int64   `json:"id"`
		Published *string `json:"published"`
		Title     string  `json:"title"`
		Outlet    string  `json:"outlet"`
		Earliest  bool    `json:"earliest"`
	} `json:"articles"`
}

// eventsByArticle lists the events through `stories --json` and returns
// each article's event.
func eventsByArticle(t *testing.T, db string) (map[int64]int64, []cliEvent) {
	t.Helper()
	var evs []cliEvent
	mustJSON(t, run(t, db, "stories", "--json"), &evs)
	of := map[int64]int64{}
	for _, e := range evs {
		earliest := 0
		for _, a := range e.Articles {
			of[a.ID] = e.ID
			if a.Earliest {
				earliest++
				if a.ID != e.Earliest {
					t.Errorf("event %d marks %d earliest but says %d", e.ID, a.ID, e.Earliest)
				}
			}
		}
		if earliest != 1 || e.Label == "" {
			t.Errorf("event %d has %d earliest articles and label %q", e.ID, earliest, e.Label)
		}
	}
	return of, evs
}

func TestEventCommands(t *testing.T) {
	db := filepath.Join(t.TempDir(), "archive.db")
	if r := run(t, db, "import", "../testdata/seeds"); r.code != 0 {
		t.Fatalf("import: %d %s", r.code, r.stderr)
	}
	of, evs := eventsByArticle(t, db)
	if len(of) != 5 {
		t.Fatalf("events hold %d of the 5 seeds: %+v", len(of), evs)
	}
	for i := 1; i < len(evs); i++ {
		if len(evs[i].Articles) > len(evs[i-1].Articles) {
			t.Errorf("events not largest first: %d after %d articles", len(evs[i].Articles), len(evs[i-1].Articles))
		}
	}
	// Paging and search select from the same list.
	var page []cliEvent
	mustJSON(t, run(t, db, "stories", "--json", "--offset", "1", "--limit", "1"), &page)
	if len(evs) > 1 && (len(page) != 1 || page[0].ID != evs[1].ID) {
		t.Errorf("page 2 of 1: %+v, want event %d", page, evs[1].ID)
	}
	mustJSON(t, run(t, db, "stories", "--json", "--search", "Hot Phones"), &page)
	if len(page) != 1 || page[0].ID != of[5] {
		t.Errorf("search Hot Phones: %+v, want the event of article 5", page)
	}

	// Put the seeds in the three events they are: the calls of May 2022,
	// October 2022 and July 2024.
	for _, args := range [][]string{
		{"judge", "same", "1", "2"}, {"judge", "same", "4", "5"},
		{"judge", "different", "1", "3"}, {"judge", "different", "3", "4"}, {"judge", "different", "1", "4"},
	} {
		if r := run(t, db, args...); r.code != 0 {
			t.Fatalf("%v: exit %d %s", args, r.code, r.stderr)
		}
	}
	of, _ = eventsByArticle(t, db)
	if of[1] != of[2] || of[4] != of[5] || of[1] == of[3] || of[3] == of[4] || of[1] == of[4] {
		t.Fatalf("after the verdicts: %v, want {1,2} {3} {4,5}", of)
	}

	var ths []struct {
		ID       int64   `json:"id"`
		Label    string  `json:"label"`
		Events   []int64 `json:"events"`
		Articles []int64 `json:"articles"`
	}
	mustJSON(t, run(t, db, "threads", "--json"), &ths)
	for _, th := range ths {
		if len(th.Events) < 2 || th.Label == "" || len(th.Articles) < 2 {
			t.Errorf("thread %+v: want two or more events and a label", th)
		}
	}

	var ex struct {
		A, B       int64
		Score      float64
		SameEvent  bool `json:"same_event"`
		SameThread bool `json:"same_thread"`
		Evidence   []struct {
			Kind   string  `json:"kind"`
			AText  string  `json:"a_text"`
			BText  string  `json:"b_text"`
			Weight float64 `json:"weight"`
		} `json:"evidence"`
	}
	mustJSON(t, run(t, db, "explain", "--json", "4", "5"), &ex)
	if ex.A != 4 || ex.B != 5 || !ex.SameEvent || !ex.SameThread || ex.Score <= 0 || ex.Score >= 1 || len(ex.Evidence) == 0 {
		t.Errorf("explain 4 5: %+v", ex)
	}
	names := ""
	for _, v := range ex.Evidence {
		if v.Kind == "" || v.AText == "" {
			t.Errorf("evidence without kind or text: %+v", v)
		}
		names += v.AText + " " + v.BText + " "
	}
	for _, w := range []string{"Belousov", "Ryder"} {
		if !strings.Contains(names, w) {
			t.Errorf("explain 4 5 does not name %s", w)
		}
	}
	text := run(t, db, "explain", "4", "5")
	if text.code != 0 || !strings.Contains(text.stdout, "same event: yes") || !strings.Contains(text.stdout, "Belousov") {
		t.Errorf("explain 4 5 as text: %q %q", text.stdout, text.stderr)
	}

	var rel []struct {
		A     int64   `json:"a"`
		B     int64   `json:"b"`
		Title string  `json:"title"`
		Score float64 `json:"score"`
	}
	mustJSON(t, run(t, db, "related", "--json", "--limit", "2", "4"), &rel)
	if len(rel) != 2 || rel[0].A != 4 || rel[0].Score < rel[1].Score || rel[0].Title == "" {
		t.Errorf("related 4 --limit 2: %+v", rel)
	}

	// Remove, move, merge and split, each visible at once.
	if r := run(t, db, "judge", "remove", "2"); r.code != 0 {
		t.Fatalf("remove: %d %s", r.code, r.stderr)
	}
	of, _ = eventsByArticle(t, db)
	if of[1] == of[2] {
		t.Errorf("after remove 2: %v", of)
	}
	if r := run(t, db, "judge", "move", "2", "--to", strconv.FormatInt(of[3], 10)); r.code != 0 {
		t.Fatalf("move: %d %s", r.code, r.stderr)
	}
	of, _ = eventsByArticle(t, db)
	if of[2] != of[3] {
		t.Errorf("after move 2 to the event of 3: %v", of)
	}
	merged, other := of[1], of[4]
	if r := run(t, db, "judge", "merge", strconv.FormatInt(merged, 10), strconv.FormatInt(other, 10)); r.code != 0 {
		t.Fatalf("merge: %d %s", r.code, r.stderr)
	}
	of, _ = eventsByArticle(t, db)
	if of[1] != of[4] || of[1] != of[5] {
		t.Errorf("after merge: %v", of)
	}
	retired := max(merged, other)
	var one []cliEvent
	mustJSON(t, run(t, db, "stories", "--json", strconv.FormatInt(retired, 10)), &one)
	if len(one) != 1 || one[0].ID != of[1] {
		t.Errorf("stories %d after the merge: %+v, want event %d", retired, one, of[1])
	}
	if r := run(t, db, "judge", "split", strconv.FormatInt(of[1], 10), "--part", "1", "--part", "4,5"); r.code != 0 {
		t.Fatalf("split: %d %s", r.code, r.stderr)
	}
	of, _ = eventsByArticle(t, db)
	if of[1] == of[4] || of[4] != of[5] {
		t.Errorf("after split: %v", of)
	}

	var cs []struct {
		Kind string `json:"kind"`
	}
	mustJSON(t, run(t, db, "corrections", "--json"), &cs)
	var kinds []string
	for _, c := range cs {
		kinds = append(kinds, c.Kind)
	}
	want := []string{"same", "same", "not_same", "not_same", "not_same", "remove", "move", "merge", "split"}
	if !slices.Equal(kinds, want) {
		t.Errorf("corrections %v, want %v", kinds, want)
	}

	// The old form still records duplicates.
	if r := run(t, db, "judge", "--different", "1", "2"); r.code != 0 {
		t.Errorf("judge --different: %d %s", r.code, r.stderr)
	}
}

func TestEventCommandsRefuseBadInput(t *testing.T) {
	db := filepath.Join(t.TempDir(), "archive.db")
	if r := run(t, db, "import", "../testdata/seeds"); r.code != 0 {
		t.Fatalf("import: %d %s", r.code, r.stderr)
	}
	for _, c := range []struct {
		args []string
		code int
		says string
	}{
		{[]string{"explain", "1"}, 2, "two articles"},
		{[]string{"explain", "1", "99"}, 1, "99"},
		{[]string{"related", "--limit", "0", "1"}, 2, "--limit"},
		{[]string{"stories", "--offset", "-1"}, 2, "--offset"},
		{[]string{"stories", "x"}, 2, "event id"},
		{[]string{"stories", "9999"}, 1, "no event 9999"},
		{[]string{"threads", "9999"}, 1, "no thread 9999"},
		{[]string{"judge"}, 2, "say what you judge"},
		{[]string{"judge", "perhaps", "1", "2"}, 2, "unknown verdict"},
		{[]string{"judge", "move", "1"}, 2, "--to"},
		{[]string{"judge", "merge", "1"}, 2, "two event ids"},
		{[]string{"judge", "split", "1"}, 2, "--part"},
		{[]string{"judge", "split", "1", "--part", "a,b"}, 2, "article ids"},
		{[]string{"judge", "move", "1", "--to", "9999"}, 1, "no event 9999"},
	} {
		r := run(t, db, c.args...)
		if r.code != c.code || !strings.Contains(r.stderr, c.says) {
			t.Errorf("%v: exit %d, %q; want exit %d saying %q", c.args, r.code, r.stderr, c.code, c.says)
		}
	}
}

// stories shows an undated version's estimated date under it, where it
// stays undated; an event of one version says so in the singular.
func TestStoriesShowEstimatedDates(t *testing.T) {
	db := filepath.Join(t.TempDir(), "archive.db")
	if r := run(t, db, "import", "../testdata/seeds"); r.code != 0 {
		t.Fatalf("import: %d %s", r.code, r.stderr)
	}
	r := run(t, db, "stories")
	for _, want := range []string{
		"undated              1  Ukraine war: Pentagon chief talks with Russian counterpart\n     estimated 2021-11-24 to 2022-05-27 (its days without a year, read in the year of article 3)\n",
		"(1 version, thread",
	} {
		if r.code != 0 || !strings.Contains(r.stdout, want) {
			t.Errorf("stories: exit %d, output lacks %q:\n%s", r.code, want, r.stdout)
		}
	}
	// show gives it too, and leaves the date unknown.
	r = run(t, db, "show", "000_e445162bcb1b35cb.txt")
	want := "Estimated: 2021-11-24 to 2022-05-27 (the days its text gives without a year, read in the year of article 3)\n"
	if r.code != 0 || !strings.Contains(r.stdout, want) || !strings.Contains(r.stdout, "Published: -") {
		t.Errorf("show: exit %d, output lacks %q or an unknown date:\n%s", r.code, want, r.stdout)
	}
}
