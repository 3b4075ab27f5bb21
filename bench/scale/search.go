package main

import (
	"context"
	"encoding/json"
	"github.com/storydiff/storydiff/core"
	"io"
	"log"
	"sort"
	"time"

	"github.com/storydiff/storydiff/app"
	"github.com/storydiff/storydiff/bench/corpusgen"
)

// searchResult is what the search process prints, latencies in ms.
type searchResult struct {
	Queries   int     `json:"queries"`
	P50       float64 `json:"p50"`
	P95       float64 `json:"p95"`
	Max       float64 `json:"max"`
	PrefixP50 float64 `json:"prefix_p50"`
	PrefixP95 float64 `json:"prefix_p95"`
	// Partial counts the searches that matched more articles than they
	// ranked (core.PartialRanking): their latency is bounded, not exact.
	Partial       int `json:"partial"`
	PrefixPartial int `json:"prefix_partial"`
}

// searchLoop times the searches the CLI and the app run, through the same
// service call, over frequent, middling and rare words, phrases and pairs of
// words of the generator's vocabulary (the same mix as bench/importbench).
//
// A search ranks at most core.DefaultRankWindow matches (and as many title
// matches), but bm25 still counts every match of each phrase once per
// search, so broad phrases cost time in proportion to the archive; rounds
// and prefixes keep the loop to minutes on a large one.
func searchLoop(db string, rounds, prefixes int, w io.Writer) error {
	ctx := context.Background()
	svc, err := app.Open(ctx, db)
	if err != nil {
		return err
	}
	defer svc.Close()
	vocab := corpusgen.Vocabulary(50000)
	var queries []string
	for i := 0; i < 20; i++ {
		queries = append(queries,
			vocab[2+i],
			vocab[200+i*10],
			vocab[20000+i*100],
			`"`+vocab[2+i]+" "+vocab[3+i]+`"`,
			vocab[100+i]+" "+vocab[5000+i*10],
		)
	}
	var lat []time.Duration
	var res searchResult
	for round := 0; round < rounds; round++ {
		for _, q := range queries {
			t := time.Now()
			hits, err := svc.Search(ctx, q, core.SearchOptions{Limit: 20})
			if err != nil {
				return err
			}
			lat = append(lat, time.Since(t))
			if len(hits) > 0 && hits[0].Partial != nil {
				res.Partial++
			}
		}
	}
	var prefix []time.Duration
	for _, q := range queries[:min(prefixes, len(queries))] {
		for k := 2; k <= 4 && k <= len(q); k++ {
			t := time.Now()
			hits, err := svc.Search(ctx, q[:k], core.SearchOptions{Limit: 20, Prefix: true})
			if err != nil {
				log.Printf("search %q: %v", q[:k], err) // a lone quote mark holds no word
			}
			prefix = append(prefix, time.Since(t))
			if len(hits) > 0 && hits[0].Partial != nil {
				res.PrefixPartial++
			}
		}
	}
	res.Queries, res.P50, res.P95, res.Max = len(lat), quantile(lat, 0.50), quantile(lat, 0.95), quantile(lat, 1)
	res.PrefixP50, res.PrefixP95 = quantile(prefix, 0.50), quantile(prefix, 0.95)
	// The step's summary line shows p95s; the rest goes to the log.
	log.Printf("search: %d queries (%d ranked partially) p50 %.1f ms p95 %.1f ms; %d prefixes (%d partially) p50 %.1f ms p95 %.1f ms",
		res.Queries, res.Partial, res.P50, res.P95, len(prefix), res.PrefixPartial, res.PrefixP50, res.PrefixP95)
	return json.NewEncoder(w).Encode(res)
}

// quantile returns the q-quantile of d in milliseconds (nearest rank).
func quantile(d []time.Duration, q float64) float64 {
	if len(d) == 0 {
		return 0
	}
	s := append([]time.Duration(nil), d...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	i := int(q*float64(len(s))+0.5) - 1
	i = max(0, min(i, len(s)-1))
	return float64(s[i].Microseconds()) / 1000
}
