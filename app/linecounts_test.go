package app_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/storydiff/storydiff/app"
)

// An import of a few articles reads and writes only their lines' counts;
// the stored counts must come out as a full recount writes them.
func TestFewNewArticlesCountLinesAsAFullAnalysis(t *testing.T) {
	ctx := context.Background()
	root := t.TempDir()
	writeStoryCorpus(t, filepath.Join(root, "a"), 40)
	os.MkdirAll(filepath.Join(root, "b"), 0o755)
	for i := 0; i < 3; i++ {
		text := fmt.Sprintf("Late headline %d\n\nShare this article\n\nA new paragraph number %d about the harbour.\nSubscribe to our newsletter\n", i, i)
		os.WriteFile(filepath.Join(root, "b", fmt.Sprintf("late%d.txt", i)), []byte(text), 0o644)
	}
	svc := openService(t, filepath.Join(t.TempDir(), "a.db"))
	defer svc.Close()
	if _, err := svc.Import(ctx, []string{filepath.Join(root, "a")}, app.ImportOptions{}, nil); err != nil {
		t.Fatal(err)
	}
	svc.Close()
	// A fresh process holds no counts: the few-articles path loads only
	// what it needs.
	svc = openService(t, filepath.Join(filepath.Dir(app.StoreOf(svc).Path), "a.db"))
	defer svc.Close()
	if _, err := svc.Import(ctx, []string{filepath.Join(root, "b")}, app.ImportOptions{}, nil); err != nil {
		t.Fatal(err)
	}
	dump := func() string {
		rows, err := app.StoreOf(svc).LineCounts(ctx)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, r := range rows {
			out = append(out, fmt.Sprintf("%s %d %d", r.Group, r.Hash, r.Count))
		}
		sort.Strings(out)
		return strings.Join(out, "\n")
	}
	got := dump()
	if _, err := svc.Analyze(ctx, app.AnalyzeOptions{Full: true}, nil); err != nil {
		t.Fatal(err)
	}
	if want := dump(); got != want {
		t.Errorf("line counts after a small import differ from a full recount:\n%s\nwant\n%s", got, want)
	}
	if !strings.Contains(got, "/b 0 3\n") {
		t.Errorf("the new folder's group does not count its 3 articles:\n%s", got)
	}
}
