package cli_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The case a new user meets first: a Reuters record with its own date
// field, in Reuters' own layout, is listed with that date; briefs without a
// body are kept and flagged; failures are summed up by reason, and the
// full list is one command away.
func TestReutersRecordsThroughTheCLI(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "t.db")
	var b strings.Builder
	b.WriteString(`{"title":"Cocoa","date":"26-FEB-1987 15:01:01.79","text":"Showers continued in the Bahia cocoa zone."}` + "\n")
	b.WriteString(`{"title":"BANK OF JAPAN BUYS DOLLARS","date":"2-MAR-1987 09:11:44.64"}` + "\n")
	for i := 0; i < 12; i++ {
		fmt.Fprintf(&b, `{"id":"%d"}`+"\n", i)
	}
	path := filepath.Join(dir, "r.jsonl")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	r := run(t, db, "import", "--no-analyze", path)
	if r.code != 0 {
		t.Fatalf("import: %d %s", r.code, r.stderr)
	}
	for _, want := range []string{"2 articles added (1 from a title alone", "12 failed", "Dates of the articles added: 2 from a field or tag",
		"  12  record has neither text nor title\n", "and 9 more", "Every failure and note: storydiff imports 1"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("import summary lacks %q:\n%s", want, r.stdout)
		}
	}
	if n := strings.Count(r.stdout, "failed: "+path); n != 3 {
		t.Errorf("summary names %d failures, want 3 examples:\n%s", n, r.stdout)
	}
	r = run(t, db, "list")
	if !strings.Contains(r.stdout, "1987-02-26 15:01") || !strings.Contains(r.stdout, "[no body] BANK OF JAPAN") {
		t.Errorf("list:\n%s", r.stdout)
	}
	r = run(t, db, "show", "1")
	if !strings.Contains(r.stdout, `(exact, from field:date, written "26-FEB-1987 15:01:01.79")`) {
		t.Errorf("show:\n%s", r.stdout)
	}
	r = run(t, db, "imports")
	if !strings.Contains(r.stdout, "failed: 12  record has neither text nor title") || strings.Count(r.stdout, path+"#") != 0 {
		t.Errorf("imports:\n%s", r.stdout)
	}
	r = run(t, db, "imports", "1")
	if strings.Count(r.stdout, "failed: "+path+"#") != 12 {
		t.Errorf("imports 1 lists %d failures, want 12:\n%s", strings.Count(r.stdout, "failed: "+path+"#"), r.stdout)
	}
	if r := run(t, db, "imports", "7"); r.code == 0 || !strings.Contains(r.stderr, "no import 7") {
		t.Errorf("imports 7: %d %q", r.code, r.stderr)
	}
}
