package cli_test

import (
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func TestCurationThroughTheCLI(t *testing.T) {
	db := filepath.Join(t.TempDir(), "archive.db")
	if r := run(t, db, "import", "../testdata/seeds"); r.code != 0 {
		t.Fatalf("import: %s", r.stderr)
	}
	var before struct {
		Outlet string `json:"outlet"`
	}
	mustJSON(t, run(t, db, "show", "--json", "2"), &before)

	r := run(t, db, "edit", "2", "--title", "A corrected headline", "--outlet", "Reuters", "--date", "2001-02-03")
	if r.code != 0 {
		t.Fatalf("edit: %d %s", r.code, r.stderr)
	}
	for _, want := range []string{"Title: A corrected headline (edited; imported: ", "Published: 2001-02-03 (edited; imported: ",
		"Outlet: Reuters (edited; imported: " + orNone(before.Outlet) + ")"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("edit printed %q, want %q", r.stdout, want)
		}
	}
	if r := run(t, db, "tag", "2", "add", "to check", "=cmd|' /C calc'!A0"); r.code != 0 || !strings.Contains(r.stdout, "to check") {
		t.Fatalf("tag add: %d %q %s", r.code, r.stdout, r.stderr)
	}
	if r := run(t, db, "note", "2", "Outlet", "from", "the", "wire"); r.code != 0 || !strings.Contains(r.stdout, "Outlet from the wire") {
		t.Fatalf("note: %d %q %s", r.code, r.stdout, r.stderr)
	}
	r = run(t, db, "show", "2")
	for _, want := range []string{"Outlet: Reuters (edited; imported:", "Tags: =cmd|' /C calc'!A0, to check", "Outlet from the wire"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("show lacks %q:\n%s", want, r.stdout)
		}
	}
	var list []struct {
		ID   int      `json:"id"`
		Tags []string `json:"tags"`
	}
	mustJSON(t, run(t, db, "list", "--json", "--tag", "to check"), &list)
	if len(list) != 1 || list[0].ID != 2 {
		t.Errorf("list --tag: %+v", list)
	}
	var hits []struct {
		Article struct {
			ID int `json:"id"`
		} `json:"article"`
	}
	mustJSON(t, run(t, db, "search", "--json", "--tag", "to check", "corrected"), &hits)
	if len(hits) != 1 || hits[0].Article.ID != 2 {
		t.Errorf("search --tag: %+v", hits)
	}
	mustJSON(t, run(t, db, "search", "--json", "--tag", "nothing", "corrected"), &hits)
	if len(hits) != 0 {
		t.Errorf("search --tag nothing: %+v", hits)
	}
	var tags []struct {
		Tag      string `json:"tag"`
		Articles int    `json:"articles"`
	}
	mustJSON(t, run(t, db, "tags", "--json"), &tags)
	if len(tags) != 2 {
		t.Errorf("tags: %+v", tags)
	}
	if r := run(t, db, "tag", "2", "remove", "to check"); r.code != 0 || strings.Contains(r.stdout, "to check") {
		t.Errorf("tag remove: %d %q", r.code, r.stdout)
	}
	if r := run(t, db, "note", "2", "--clear"); r.code != 0 || !strings.Contains(r.stdout, "has no note") {
		t.Errorf("note --clear: %d %q %s", r.code, r.stdout, r.stderr)
	}
	r = run(t, db, "edit", "2", "--revert", "title,outlet")
	if r.code != 0 || strings.Contains(r.stdout, "Title: A corrected") || strings.Contains(r.stdout, "Outlet: Reuters") ||
		!strings.Contains(r.stdout, "Published: 2001-02-03 (edited") {
		t.Errorf("revert title,outlet: %d %q %s", r.code, r.stdout, r.stderr)
	}
	// Events take tags and notes by id with --event.
	var evs []struct {
		ID int `json:"id"`
	}
	if r := run(t, db, "analyze"); r.code != 0 {
		t.Fatalf("analyze: %s", r.stderr)
	}
	mustJSON(t, run(t, db, "stories", "--json"), &evs)
	if len(evs) == 0 {
		t.Fatal("no events")
	}
	ev := strconv.Itoa(evs[0].ID)
	if r := run(t, db, "tag", "--event", ev, "add", "ceasefire"); r.code != 0 {
		t.Fatalf("tag --event: %s", r.stderr)
	}
	if r := run(t, db, "note", "--event", ev, "Ask", "the", "desk"); r.code != 0 {
		t.Fatalf("note --event: %s", r.stderr)
	}
	r = run(t, db, "stories", "--tag", "ceasefire")
	if r.code != 0 || !strings.Contains(r.stdout, "Event "+ev+":") || !strings.Contains(r.stdout, "Tags: ceasefire") || !strings.Contains(r.stdout, "Note: Ask the desk") {
		t.Errorf("stories --tag: %d %q %s", r.code, r.stdout, r.stderr)
	}
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

func TestCurationErrorsNameTheArticle(t *testing.T) {
	db := filepath.Join(t.TempDir(), "archive.db")
	if r := run(t, db, "import", "../testdata/seeds"); r.code != 0 {
		t.Fatalf("import: %s", r.stderr)
	}
	cases := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"edit", "3"}, 2, "article 3: give --title, --date or --outlet"},
		{[]string{"edit", "3", "--title", "x", "--revert", "all"}, 2, "article 3: give new values or --revert, not both"},
		{[]string{"edit", "3", "--date", "yesterday"}, 1, `article 3: "yesterday" is not a date`},
		{[]string{"edit", "3", "--title", " "}, 1, "article 3: a title cannot be empty"},
		{[]string{"edit", "3", "--revert", "byline"}, 1, `article 3: cannot revert "byline"`},
		{[]string{"edit", "77", "--title", "x"}, 1, `no article with id or file "77"`},
		{[]string{"tag", "3", "paint", "red"}, 2, `article 3: say add or remove before the tags, not "paint"`},
		{[]string{"tag", "3", "add"}, 2, "article 3: give at least one tag to add"},
		{[]string{"tag", "3", "add", "a\x07b"}, 1, "article 3: a tag cannot hold control characters"},
		{[]string{"tag", "--event", "999", "add", "x"}, 1, "no event 999"},
		{[]string{"note", "3", "text", "--clear"}, 2, "article 3: give a text or --clear, not both"},
		{[]string{"tags", "extra"}, 2, "tags takes no arguments"},
	}
	for _, tc := range cases {
		r := run(t, db, tc.args...)
		if r.code != tc.code || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("%q: exit %d, stderr %q; want exit %d saying %q", tc.args, r.code, r.stderr, tc.code, tc.want)
		}
	}
}
