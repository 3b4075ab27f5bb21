package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storydiff/storydiff/app"
)

func init() { app.SetSampleArticles(os.DirFS("../testdata/seeds")) }

// storydiff demo makes the sample beside the archive, says where it is and
// what to try, and leaves the user's archive empty.
func TestDemoMakesTheSampleBesideTheArchive(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "my archive.db")
	r := run(t, db, "demo")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	sample := filepath.Join(dir, "storydiff-sample", "sample.db")
	for _, want := range []string{sample + ": 6 articles", "storydiff --db " + sample + " serve", "diff "} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("demo output lacks %q:\n%s", want, r.stdout)
		}
	}
	var list []struct{ ID int }
	mustJSON(t, run(t, db, "list", "--json"), &list)
	if len(list) != 0 {
		t.Errorf("the user's archive holds %d articles after demo, want none", len(list))
	}
	mustJSON(t, run(t, sample, "list", "--json"), &list)
	if len(list) != 6 {
		t.Errorf("the sample holds %d articles, want 6", len(list))
	}
	// A second demo reuses the sample.
	if r := run(t, db, "demo"); r.code != 0 || !strings.Contains(r.stdout, ": 6 articles") {
		t.Errorf("second demo: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}
