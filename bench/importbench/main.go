// Command importbench measures import throughput and search latency on a
// generated corpus and prints a Markdown section for BENCHMARKS.md.
package main

import (
	"context"
	"flag"
	"fmt"
	"github.com/storydiff/storydiff/core"
	"log"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"time"

	"github.com/storydiff/storydiff/app"
	"github.com/storydiff/storydiff/bench/corpusgen"
)

func main() {
	n := flag.Int("n", 100000, "articles to generate")
	size := flag.Int("size", 3000, "bytes per article")
	dir := flag.String("dir", "", "work folder (default: a temporary one, removed after)")
	flag.Parse()
	work := *dir
	if work == "" {
		var err error
		if work, err = os.MkdirTemp("", "storydiff-importbench-"); err != nil {
			log.Fatal(err)
		}
		defer os.RemoveAll(work)
	}
	corpus := filepath.Join(work, "corpus")
	gen := corpusgen.New(1)
	t0 := time.Now()
	if err := gen.WriteFolder(corpus, *n, *size); err != nil {
		log.Fatal(err)
	}
	genTime := time.Since(t0)

	ctx := context.Background()
	dbPath := filepath.Join(work, "archive.db")
	svc, err := app.Open(ctx, dbPath)
	if err != nil {
		log.Fatal(err)
	}
	t1 := time.Now()
	sum, err := svc.Import(ctx, []string{corpus}, app.ImportOptions{NoAnalyze: true}, nil)
	if err != nil {
		log.Fatal(err)
	}
	importTime := time.Since(t1)
	ta := time.Now()
	an, err := svc.Analyze(ctx, app.AnalyzeOptions{Full: true}, nil)
	if err != nil {
		log.Fatal(err)
	}
	analyzeTime := time.Since(ta)
	// One more article, analysed incrementally against the whole archive.
	extra := filepath.Join(work, "extra")
	if err := gen.WriteFolder(extra, 20, *size); err != nil {
		log.Fatal(err)
	}
	ti := time.Now()
	inc, err := svc.Import(ctx, []string{extra}, app.ImportOptions{}, nil)
	if err != nil {
		log.Fatal(err)
	}
	incTime := time.Since(ti)
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)

	t2 := time.Now()
	again, err := svc.Import(ctx, []string{corpus}, app.ImportOptions{NoAnalyze: true}, nil)
	if err != nil {
		log.Fatal(err)
	}
	reimportTime := time.Since(t2)

	// Queries: frequent, middling and rare words, phrases, and prefixes.
	vocab := corpusgen.Vocabulary(50000)
	var queries []string
	for i := 0; i < 20; i++ {
		queries = append(queries,
			vocab[2+i],         // very common
			vocab[200+i*10],    // middling
			vocab[20000+i*100], // rare
			`"`+vocab[2+i]+" "+vocab[3+i]+`"`, // phrase
			vocab[100+i]+" "+vocab[5000+i*10], // two words
		)
	}
	var lat []time.Duration
	for round := 0; round < 3; round++ {
		for _, q := range queries {
			t := time.Now()
			if _, err := svc.Search(ctx, q, core.SearchOptions{Limit: 20}); err != nil && round == 0 {
				log.Printf("search %q: %v", q, err)
			}
			lat = append(lat, time.Since(t))
		}
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	var prefixLat []time.Duration
	for _, q := range queries[:50] {
		for k := 2; k <= 4 && k <= len(q); k++ {
			t := time.Now()
			svc.Search(ctx, q[:k], core.SearchOptions{Limit: 20, Prefix: true})
			prefixLat = append(prefixLat, time.Since(t))
		}
	}
	sort.Slice(prefixLat, func(i, j int) bool { return prefixLat[i] < prefixLat[j] })
	svc.Close()
	st, _ := os.Stat(dbPath)

	fmt.Printf("### Import and search (%d generated articles of ~%d bytes)\n\n", *n, *size)
	fmt.Printf("| measure | value |\n|---|---|\n")
	fmt.Printf("| generate corpus | %.1f s |\n", genTime.Seconds())
	fmt.Printf("| import (parse, hash, store, FTS5) | %.1f s, **%.0f articles/s** (%d added, %d failed) |\n",
		importTime.Seconds(), float64(sum.Added)/importTime.Seconds(), sum.Added, len(sum.Failed))
	fmt.Printf("| full analysis (features, index, pairs, stories) | %.1f s, %.0f articles/s (%d pairs, %d stories) |\n",
		analyzeTime.Seconds(), float64(an.Articles)/analyzeTime.Seconds(), an.Pairs, an.Stories)
	fmt.Printf("| import of %d more articles with incremental analysis | %.0f ms in all, %.1f ms of it analysis |\n",
		inc.Added, ms1(incTime), inc.Analysis.Seconds*1000)
	fmt.Printf("| re-import of the same folder | %.1f s (%d added, %d already present) |\n", reimportTime.Seconds(), again.Added, again.AlreadyPresent)
	fmt.Printf("| archive size | %.0f MB |\n", float64(st.Size())/1e6)
	fmt.Printf("| Go heap in use after import | %.0f MB |\n", float64(ms.HeapInuse)/1e6)
	fmt.Printf("| search top 20, %d queries x3 (words, phrases) | p50 %.1f ms, p95 %.1f ms, max %.1f ms |\n",
		len(queries), ms1(lat[len(lat)/2]), ms1(lat[len(lat)*95/100]), ms1(lat[len(lat)-1]))
	fmt.Printf("| search as you type (2-4 letter prefixes) | p50 %.1f ms, p95 %.1f ms |\n\n",
		ms1(prefixLat[len(prefixLat)/2]), ms1(prefixLat[len(prefixLat)*95/100]))
}

func ms1(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
