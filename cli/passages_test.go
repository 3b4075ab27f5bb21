package cli_test

import (
	"path/filepath"
	"strings"
	"testing"
)

type sharedPassage struct {
	A     struct{ Start, End int } `json:"a"`
	B     struct{ Start, End int } `json:"b"`
	Score float64                  `json:"score"`
	Text  string                   `json:"text"`
	BText string                   `json:"b_text"`
	Exact bool                     `json:"exact"`
}

// seedsArchive imports (and so analyses) the five seed articles: 000 to
// 004 become articles 1 to 5.
func seedsArchive(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "archive.db")
	if r := run(t, db, "import", "../testdata/seeds"); r.code != 0 {
		t.Fatalf("import: exit %d, %s", r.code, r.stderr)
	}
	return db
}

// The seeds were written by different outlets from one readout: no long
// exact run is shared, only reworded passages.
func TestPassagesFindsRewordedReuseInTheSeeds(t *testing.T) {
	db := seedsArchive(t)
	shares := func(a, b, want string) {
		t.Helper()
		var ps []sharedPassage
		mustJSON(t, run(t, db, "passages", "--json", a, b), &ps)
		for _, p := range ps {
			rs := []rune(p.Text)
			if len(rs) != p.A.End-p.A.Start || len([]rune(p.BText)) != p.B.End-p.B.Start {
				t.Errorf("%s/%s: passage %+v: texts do not fit their spans", a, b, p)
			}
			if strings.Contains(p.Text, want) && strings.Contains(p.BText, want) {
				return
			}
		}
		t.Errorf("passages %s %s: none holds %q on both sides: %+v", a, b, want, ps)
	}
	// 002, 003 and 004 all reword "stressed the importance of maintaining
	// lines of communication amid the ongoing war against Ukraine"; 003
	// writes "it is important to maintain communication".
	shares("3", "5", "lines of communication amid")
	shares("3", "4", "communication")
	shares("4", "5", "communication")
	// 000 and 001 report the first call "since February 18".
	shares("1", "2", "for the first time since February 18")

	// An article shares itself whole, exactly.
	var self []sharedPassage
	mustJSON(t, run(t, db, "passages", "--json", "4", "4"), &self)
	if len(self) == 0 || !self[0].Exact || self[0].Text != self[0].BText {
		t.Errorf("passages 4 4 = %+v, want an exact passage", self)
	}
	if r := run(t, db, "passages", "1", "2"); r.code != 0 || !strings.Contains(r.stdout, "reworded") {
		t.Errorf("passages 1 2 (text) = %d %q, want reworded passages said so", r.code, r.stdout)
	}
}
