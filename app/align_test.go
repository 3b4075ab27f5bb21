package app_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/storydiff/storydiff/app"
	"github.com/storydiff/storydiff/core"
)

func TestAlignAndCollationThroughTheUI(t *testing.T) {
	ctx := context.Background()
	ui, _ := newUI(t, true)
	if _, err := ui.Align(ctx, "1", "2", app.AlignOptions{Mode: "words"}); core.ErrorCode(err) != core.EINVALID {
		t.Errorf("an unknown mode: got %v, want an invalid-request error", err)
	}
	if _, err := ui.Align(ctx, "1", "nothing.txt", app.AlignOptions{}); core.ErrorCode(err) != core.ENOTFOUND {
		t.Errorf("an unknown article: got %v, want not found", err)
	}
	// 003 and 004, two outlets' reports, are aligned; forced, the word diff.
	r, err := ui.Align(ctx, "003_d2567b8d7e929331.txt", "004_0cbc97742eea5343.txt", app.AlignOptions{})
	if err != nil || r.Mode != "aligned" || r.A != 4 || r.B != 5 || len(r.Rows) == 0 {
		t.Fatalf("align 003 004: %+v, %v", r, err)
	}
	if r, err := ui.Align(ctx, "4", "5", app.AlignOptions{Mode: "diff"}); err != nil || r.Mode != "diff" {
		t.Errorf("align 4 5 in diff mode: %v, %v", r, err)
	}

	st, err := ui.StoryOf(ctx, "4")
	if err != nil || st == nil {
		t.Fatalf("story of 003: %v, %v", st, err)
	}
	c, err := ui.Collation(ctx, st.ID)
	if err != nil {
		t.Fatal(err)
	}
	if c.Story.Story != st.ID || len(c.Versions) != len(st.Articles) || len(c.Articles) != len(st.Articles) {
		t.Fatalf("collation of story %d: story %d, versions %v, %d headers", st.ID, c.Story.Story, c.Versions, len(c.Articles))
	}
	// The header of each column is its version, in the story's date order.
	for i, a := range st.Articles {
		if c.Versions[i] != a.ID || c.Articles[i].ID != a.ID || c.Articles[i].Title != a.Title || c.Articles[i].Earliest != (i == 0) {
			t.Errorf("column %d: version %d, header %+v; the story has %+v", i, c.Versions[i], c.Articles[i], a)
		}
	}
	if _, err := ui.Collation(ctx, 999); core.ErrorCode(err) != core.ENOTFOUND {
		t.Errorf("an unknown story: got %v, want not found", err)
	}
	canceled, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := ui.Collation(canceled, st.ID); err == nil {
		t.Error("a canceled collation returned rows")
	}
}

// BenchmarkCollation50 times a story's collation as the app serves it, from
// the archive: 50 versions of a 10 KB article read and collated.
func BenchmarkCollation50(b *testing.B) {
	ctx := context.Background()
	dir := b.TempDir()
	src := filepath.Join(dir, "versions")
	os.MkdirAll(src, 0o755)
	writeStoryVersions(b, src, 50, 10_000)
	svc := openService(b, filepath.Join(dir, "archive.db"))
	defer svc.Close()
	if _, err := svc.Import(ctx, []string{src}, app.ImportOptions{}, nil); err != nil {
		b.Fatal(err)
	}
	st, err := svc.StoryOf(ctx, "v00.txt")
	if err != nil || st == nil || len(st.Articles) != 50 {
		b.Fatalf("the 50 versions do not form one story: %v", err)
	}
	ui := app.NewUI(svc)
	rows := 0
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		c, err := ui.Collation(ctx, st.ID)
		if err != nil {
			b.Fatal(err)
		}
		rows = len(c.Rows)
	}
	b.ReportMetric((cpuTime()-cpu0).Seconds()/float64(b.N), "cpu-s/op")
	b.ReportMetric(float64(rows), "rows")
}
