package app_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/storydiff/storydiff/app"
)

// TestCompareMarksBoilerplateEdits diffs two articles whose only change is
// one site line for another, both lines analysis marks as boilerplate
// (they recur across the outlet's articles): the change is minor, as
// "boilerplate", so Compare gave the diff each article's boilerplate spans.
func TestCompareMarksBoilerplateEdits(t *testing.T) {
	dir := t.TempDir()
	body := "The council voted on the harbour plan after a long debate on Tuesday night.\n\n" +
		"Its members said the storm had damaged the river wall and the market square.\n"
	for i := range 30 {
		chrome := "Share this article on every network you use"
		if i%2 == 1 {
			chrome = "Subscribe to our newsletter for the morning digest"
		}
		text := fmt.Sprintf("Council votes on the harbour plan\n\n%s\n\n%s", chrome, body)
		if i >= 2 {
			text = fmt.Sprintf("Other story %d\n\n%s\n\nWords %d of a different report here.\n", i, chrome, i*104729)
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%02d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	svc := openService(t, filepath.Join(t.TempDir(), "archive.db"))
	defer svc.Close()
	ctx := context.Background()
	if _, err := svc.Import(ctx, []string{dir}, app.ImportOptions{}, nil); err != nil {
		t.Fatal(err)
	}
	c, err := svc.Compare(ctx, filepath.Join(dir, "00.txt"), filepath.Join(dir, "01.txt"), app.CompareOptions{})
	if err != nil {
		t.Fatal(err)
	}
	changed := 0
	for _, o := range c.Ops {
		if o.Op == "delete" || o.Op == "insert" {
			if o.Why != "boilerplate" {
				t.Errorf("op %+v: minor as %q, want boilerplate", o, o.Why)
			}
			changed++
		}
	}
	if changed != 2 {
		t.Fatalf("want the site line deleted and another inserted, got %+v", c.Ops)
	}
}
