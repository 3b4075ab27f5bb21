package app_test

import (
	"context"
	"fmt"
	"io"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/storydiff/storydiff/app"
	"github.com/storydiff/storydiff/bench/corpusgen"
)

// writeStoryVersions writes n versions of one article of about size bytes,
// each an edit of the one before (words replaced, a sentence added, now and
// then a paragraph moved), with a dateline a day apart so that they order.
func writeStoryVersions(tb testing.TB, dir string, n, size int) {
	tb.Helper()
	gen := corpusgen.New(7)
	rng := rand.New(rand.NewSource(7))
	paras := strings.Split(strings.TrimSpace(gen.Article(1, size)), "\n\n")
	for v := 0; v < n; v++ {
		if v > 0 {
			for k := 0; k < 3; k++ {
				p := 1 + rng.Intn(len(paras)-1)
				words := strings.Fields(paras[p])
				words[rng.Intn(len(words))] = gen.Words(1)[0]
				paras[p] = strings.Join(words, " ")
			}
			p := 1 + rng.Intn(len(paras)-1)
			paras[p] += " " + strings.Join(gen.Words(12), " ") + "."
			if v%5 == 0 {
				i, j := 1+rng.Intn(len(paras)-1), 1+rng.Intn(len(paras)-1)
				paras[i], paras[j] = paras[j], paras[i]
			}
		}
		text := fmt.Sprintf("%s\n\n2024-03-%02d\n\n%s\n", paras[0], 1+v%28, strings.Join(paras[1:], "\n\n"))
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("v%02d.txt", v)), []byte(text), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
}

// BenchmarkReportStory50 times a story report on 50 versions of a 10 KB
// article, from the archive to the bytes: 49 diffs, shared passages and the
// rendering.
func BenchmarkReportStory50(b *testing.B) {
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
		n := 0
		if st != nil {
			n = len(st.Articles)
		}
		b.Fatalf("the 50 versions do not form one story (%d versions): %v", n, err)
	}
	for _, f := range []string{"html", "pdf", "md", "csv", "json"} {
		b.Run(f, func(b *testing.B) {
			var size int64
			cpu0 := cpuTime()
			for i := 0; i < b.N; i++ {
				w := &countWriter{}
				if err := svc.Report(ctx, app.ReportRequest{Kind: "story", StoryID: st.ID, Format: f}, w); err != nil {
					b.Fatal(err)
				}
				size = w.n
			}
			// On a shared machine the wall time says more about the
			// neighbours than about the report: the process's CPU time
			// per report is reported beside it.
			b.ReportMetric((cpuTime()-cpu0).Seconds()/float64(b.N), "cpu-s/op")
			b.ReportMetric(float64(size)/1e6, "MB")
		})
	}
}

// cpuTime is the user and system time this process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

type countWriter struct{ n int64 }

func (w *countWriter) Write(p []byte) (int, error) { w.n += int64(len(p)); return len(p), nil }

var _ io.Writer = (*countWriter)(nil)
