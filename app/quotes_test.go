package app

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storydiff/storydiff/core"
)

// An analysis stopped after the quotes were found but before they were
// linked to the archive's links them at the next analysis, whatever else
// it has to do.
func TestQuotesFoundButNotLinkedAreLinkedNextTime(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "archive.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Import(ctx, []string{filepath.Join("..", "testdata", "seeds")}, ImportOptions{NoAnalyze: true}, nil); err != nil {
		t.Fatal(err)
	}
	ids, err := s.db.UnquotedArticles(ctx)
	if err != nil || len(ids) != 5 {
		t.Fatalf("unquoted = %v, %v; want the 5 seeds", ids, err)
	}
	if err := s.findQuotes(ctx, ids, func(int) {}); err != nil {
		t.Fatal(err)
	}
	ryder := func() *QuoteEntry {
		qs, err := s.Quotes(ctx, QuotesRequest{Ref: "5"})
		if err != nil {
			t.Fatal(err)
		}
		for i := range qs {
			if strings.Contains(qs[i].Quote, "lines of communication") {
				return &qs[i]
			}
		}
		t.Fatalf("no Ryder quote among 5's: %+v", qs)
		return nil
	}
	if q := ryder(); q.Count != 1 {
		t.Fatalf("before linking, Ryder's quote is in %d articles, want 1 (its own group)", q.Count)
	}
	if _, err := s.Analyze(ctx, AnalyzeOptions{}, func(core.Progress) {}); err != nil {
		t.Fatal(err)
	}
	if q := ryder(); q.Count != 2 || q.First.Article != 3 {
		t.Errorf("after the next analysis: %+v, want 2 articles, first 3", q)
	}
	if ids, _ := s.db.UngroupedArticles(ctx); len(ids) != 0 {
		t.Errorf("still ungrouped: %v", ids)
	}
}
