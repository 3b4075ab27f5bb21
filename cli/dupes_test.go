package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

type dupesQueue struct {
	Counts struct {
		Groups     int `json:"groups"`
		Near       int `json:"near"`
		Reviewed   int `json:"reviewed"`
		Unreviewed int `json:"unreviewed"`
	} `json:"counts"`
	Total  int `json:"total"`
	Groups []struct {
		Kind     string  `json:"kind"`
		Articles []int64 `json:"articles"`
		Keep     int64   `json:"keep"`
		Review   *struct {
			Verdict string `json:"verdict"`
			Keep    int64  `json:"keep"`
		} `json:"review"`
	} `json:"groups"`
}

// A duplicate group is reviewed from the command line (judge group, keep),
// dupes --unreviewed and --reviewed follow, and the summary counts both.
func TestDupesReviewFromTheCommandLine(t *testing.T) {
	db := filepath.Join(t.TempDir(), "archive.db")
	corpus := t.TempDir()
	seed, err := os.ReadFile("../testdata/seeds/001_d9fdc833d6f29732.txt")
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(corpus, "001.txt"), seed, 0o644)
	os.WriteFile(filepath.Join(corpus, "001-again.txt"), append(seed, "\n\nUpdated with a correction.\n"...), 0o644)
	if r := run(t, db, "import", corpus); r.code != 0 {
		t.Fatalf("import: %s", r.stderr)
	}
	queue := func(args ...string) dupesQueue {
		t.Helper()
		var q dupesQueue
		mustJSON(t, run(t, db, append([]string{"dupes", "--json"}, args...)...), &q)
		return q
	}
	un := queue("--unreviewed")
	if un.Total != 1 || un.Counts.Near != 1 || un.Counts.Unreviewed != 1 || un.Groups[0].Review != nil {
		t.Fatalf("before any review: %+v, want one unreviewed near group", un)
	}
	if r := run(t, db, "dupes"); !strings.Contains(r.stdout, "1 duplicate group at similarity 0.50: 1 near, 0 exact; 0 reviewed, 1 unreviewed.") ||
		!strings.Contains(r.stdout, ", unreviewed:") {
		t.Errorf("dupes summary:\n%s", r.stdout)
	}

	if r := run(t, db, "judge", "group", "001-again.txt", "not-duplicates"); r.code != 0 || !strings.Contains(r.stdout, "not duplicates") {
		t.Fatalf("judge group: exit %d, %s%s", r.code, r.stdout, r.stderr)
	}
	if q := queue("--unreviewed"); q.Total != 0 || q.Counts.Reviewed != 1 {
		t.Errorf("unreviewed after the verdict: %+v, want none", q)
	}
	if r := run(t, db, "dupes", "--reviewed"); !strings.Contains(r.stdout, "reviewed: not duplicates") {
		t.Errorf("dupes --reviewed:\n%s", r.stdout)
	}

	if r := run(t, db, "keep", "001-again.txt"); r.code != 0 {
		t.Fatalf("keep: exit %d, %s", r.code, r.stderr)
	}
	rev := queue("--reviewed")
	if rev.Total != 1 || rev.Groups[0].Review == nil || rev.Groups[0].Review.Verdict != "duplicates" || rev.Groups[0].Keep != rev.Groups[0].Articles[0] {
		t.Errorf("after keep: %+v, want the group reviewed as duplicates keeping 001-again (imported first: its name sorts first)", rev)
	}
	if r := run(t, db, "dupes", "--reviewed"); !strings.Contains(r.stdout, "[kept]") {
		t.Errorf("dupes --reviewed does not mark the copy kept:\n%s", r.stdout)
	}

	if r := run(t, db, "judge", "group", "001.txt", "unreviewed"); r.code != 0 {
		t.Fatalf("judge group unreviewed: exit %d, %s", r.code, r.stderr)
	}
	if q := queue("--unreviewed"); q.Total != 1 || q.Groups[0].Keep != 0 {
		t.Errorf("after unreviewed: %+v, want the group back, nothing kept", q)
	}
	for _, bad := range [][]string{
		{"judge", "group", "001.txt", "maybe"},
		{"judge", "group", "001.txt"},
		{"dupes", "--reviewed", "--unreviewed"},
		{"dupes", "--limit", "-1"},
	} {
		if r := run(t, db, bad...); r.code != 2 {
			t.Errorf("%v: exit %d, want 2 (usage)", bad, r.code)
		}
	}
	if q := queue("--limit", "0", "--offset", "5"); q.Total != 1 || len(q.Groups) != 0 {
		t.Errorf("offset past the end: %+v, want the total and no group", q)
	}
}
