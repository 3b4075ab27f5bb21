package app

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/storydiff/storydiff/core"
)

// BenchmarkQuotesArchive times the quote pass of analysis and the quote
// lookups on a real archive: STORYDIFF_BENCH_ARCHIVE names an archive
// (imported, analysed or not), which is copied first and never written.
//
//	STORYDIFF_BENCH_ARCHIVE=/tmp/bbc.db go test ./app -run '^$' -bench QuotesArchive -benchtime 1x
func BenchmarkQuotesArchive(b *testing.B) {
	src := os.Getenv("STORYDIFF_BENCH_ARCHIVE")
	if src == "" {
		b.Skip("set STORYDIFF_BENCH_ARCHIVE to an archive to measure")
	}
	dst := filepath.Join(b.TempDir(), "archive.db")
	copyFile(b, src, dst)
	ctx := context.Background()
	s, err := Open(ctx, dst)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	for b.Loop() {
		if err := s.db.ResetQuotes(ctx); err != nil {
			b.Fatal(err)
		}
		ids, err := s.db.UnquotedArticles(ctx)
		if err != nil {
			b.Fatal(err)
		}
		t0 := time.Now()
		if err := s.findQuotes(ctx, ids, func(int) {}); err != nil {
			b.Fatal(err)
		}
		find := time.Since(t0)
		t1 := time.Now()
		if err := s.analyseQuotes(ctx, false, func(core.Progress, bool) {}); err != nil {
			b.Fatal(err)
		}
		link := time.Since(t1)
		b.ReportMetric(float64(len(ids))/find.Seconds(), "articles/s-find")
		b.ReportMetric(float64(len(ids))/link.Seconds(), "articles/s-link")
		b.ReportMetric(float64(len(ids))/(find+link).Seconds(), "articles/s-quotes")
	}
	// Lookups, each timed over every article or the first pages.
	ids, err := s.db.ArticleIDs(ctx)
	if err != nil {
		b.Fatal(err)
	}
	t := time.Now()
	for _, id := range ids {
		if _, err := s.Quotes(ctx, QuotesRequest{Ref: itoa(id)}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(time.Since(t).Microseconds())/float64(len(ids)), "µs/article-lookup")
	t = time.Now()
	for off := 0; off < 10*DefaultQuotesLimit; off += DefaultQuotesLimit {
		if _, err := s.Quotes(ctx, QuotesRequest{Page: Page{Offset: off, Limit: DefaultQuotesLimit}}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(time.Since(t).Microseconds())/10, "µs/top-page")
	sts, err := s.Stories(ctx, 0)
	if err != nil {
		b.Fatal(err)
	}
	t = time.Now()
	for _, st := range sts {
		if _, err := s.Quotes(ctx, QuotesRequest{Story: st.ID}); err != nil {
			b.Fatal(err)
		}
	}
	if len(sts) > 0 {
		b.ReportMetric(float64(time.Since(t).Microseconds())/float64(len(sts)), "µs/story-lookup")
	}
}

func copyFile(b *testing.B, src, dst string) {
	in, err := os.Open(src)
	if err != nil {
		b.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		b.Fatal(err)
	}
	if err := out.Close(); err != nil {
		b.Fatal(err)
	}
}
