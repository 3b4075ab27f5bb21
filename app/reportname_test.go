package app_test

import (
	"context"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/storydiff/storydiff/app"
)

// TestReportFileNames checks that each report is named for what it holds:
// its kind, the ids, the title's words and the day it was made
// (SOURCE_DATE_EPOCH 1700000000 is 2023-11-14).
func TestReportFileNames(t *testing.T) {
	ra := newReportArchive(t)
	ctx := context.Background()
	id := func(ref string) int64 {
		n, err := ra.svc.Resolve(ctx, ref)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	a, b := id("002_965cdb6d1926d39b.txt"), id("002_republished.txt")
	st := ra.storyOf(t, "004_crlf.txt")
	archive := strings.TrimSuffix(filepath.Base(ra.db), filepath.Ext(ra.db))
	for _, c := range []struct {
		req  app.ReportRequest
		want string
	}{
		{app.ReportRequest{Kind: "pair", Refs: []string{"002_965cdb6d1926d39b.txt", "002_republished.txt"}, Format: "html"},
			"storydiff-pair-" + itoa(a) + "-vs-" + itoa(b) + "-"},
		{app.ReportRequest{Kind: "story", StoryID: st, Format: "pdf"}, "storydiff-story-" + itoa(st) + "-"},
		{app.ReportRequest{Kind: "dupes", Format: "csv"}, "storydiff-duplicates-2023-11-14.csv"},
		{app.ReportRequest{Kind: "archive", Format: "md"}, "storydiff-archive-" + archive + "-2023-11-14.md"},
	} {
		got, err := ra.svc.ReportName(ctx, c.req)
		if err != nil {
			t.Fatalf("%s: %v", c.req.Kind, err)
		}
		if !strings.HasPrefix(got, c.want) || !strings.HasSuffix(got, "-2023-11-14."+c.req.Format) {
			t.Errorf("%s: got %q, want it to start %q and end with the date", c.req.Kind, got, c.want)
		}
		if c.req.Kind == "pair" || c.req.Kind == "story" {
			// The title's words follow the ids.
			rest := strings.TrimSuffix(strings.TrimPrefix(got, c.want), "-2023-11-14."+c.req.Format)
			if len(rest) < 5 {
				t.Errorf("%s: got %q, want the title's words in it", c.req.Kind, got)
			}
		}
	}
	if _, err := ra.svc.ReportName(ctx, app.ReportRequest{Kind: "pair", Refs: []string{"1", "999"}, Format: "html"}); err == nil {
		t.Error("a pair with a missing article got a name")
	}
	if _, err := ra.svc.ReportName(ctx, app.ReportRequest{Kind: "poem", Format: "html"}); err == nil {
		t.Error("an unknown kind got a name")
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
