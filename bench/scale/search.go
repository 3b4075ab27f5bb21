package main

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"slices"
	"sort"
	"time"

	"github.com/storydiff/storydiff/core"

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
	// Kinds gives each kind of query its own figures: an aim holds for
	// every kind, and one p95 over the mix hides which kind misses it.
	Kinds []searchKind `json:"kinds"`
}

// searchKind is the latency of one kind of query (words of one frequency,
// phrases, pairs, prefixes, a filter).
type searchKind struct {
	Kind    string  `json:"kind"`
	N       int     `json:"n"`
	P50     float64 `json:"p50"`
	P95     float64 `json:"p95"`
	Max     float64 `json:"max"`
	Partial int     `json:"partial"`
}

// searchLoop times the searches the CLI and the app run, through the same
// service call, over frequent, middling and rare words, phrases and pairs of
// words of the generator's vocabulary (the same mix as bench/importbench),
// then the same queries once filtered by the archive's most common language
// (a broad filter) and by its least common (a narrow one).
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
	kindNames := []string{"frequent word", "middling word", "rare word", "phrase of two common words", "two words"}
	type query struct {
		text string
		kind int
	}
	var queries []query
	for i := 0; i < 20; i++ {
		for k, q := range []string{
			vocab[2+i],
			vocab[200+i*10],
			vocab[20000+i*100],
			`"` + vocab[2+i] + " " + vocab[3+i] + `"`,
			vocab[100+i] + " " + vocab[5000+i*10],
		} {
			queries = append(queries, query{q, k})
		}
	}
	byKind := map[string][]time.Duration{}
	partial := map[string]int{}
	var order []string
	record := func(kind string, d time.Duration, hits []core.SearchHit) {
		if _, ok := byKind[kind]; !ok {
			order = append(order, kind)
		}
		byKind[kind] = append(byKind[kind], d)
		if len(hits) > 0 && hits[0].Partial != nil {
			partial[kind]++
		}
	}
	var lat []time.Duration
	var res searchResult
	for round := 0; round < rounds; round++ {
		for _, q := range queries {
			t := time.Now()
			hits, err := svc.Search(ctx, q.text, core.SearchOptions{Limit: 20})
			if err != nil {
				return err
			}
			d := time.Since(t)
			lat = append(lat, d)
			record(kindNames[q.kind], d, hits)
			if len(hits) > 0 && hits[0].Partial != nil {
				res.Partial++
			}
		}
	}
	var prefix []time.Duration
	for _, q := range queries[:min(prefixes, len(queries))] {
		for k := 2; k <= 4 && k <= len(q.text); k++ {
			t := time.Now()
			hits, err := svc.Search(ctx, q.text[:k], core.SearchOptions{Limit: 20, Prefix: true})
			if err != nil {
				log.Printf("search %q: %v", q.text[:k], err) // a lone quote mark holds no word
			}
			d := time.Since(t)
			prefix = append(prefix, d)
			record(fmt.Sprintf("prefix of %d letters", k), d, hits)
			if len(hits) > 0 && hits[0].Partial != nil {
				res.PrefixPartial++
			}
		}
	}
	facets, err := svc.Facets(ctx)
	if err != nil {
		return err
	}
	if langs := facets.Languages; len(langs) > 0 {
		slices.SortStableFunc(langs, func(a, b core.Facet) int { return cmp.Compare(b.Count, a.Count) })
		filters := []struct {
			name string
			lang core.Facet
		}{{"filtered by the most common language", langs[0]}, {"filtered by the least common language", langs[len(langs)-1]}}
		for _, f := range filters[:min(len(langs), 2)] {
			kind := fmt.Sprintf("%s (%q, %d articles)", f.name, f.lang.Value, f.lang.Count)
			for _, q := range queries {
				t := time.Now()
				hits, err := svc.Search(ctx, q.text, core.SearchOptions{Limit: 20, Filter: core.SearchFilter{Language: f.lang.Value}})
				if err != nil {
					return err
				}
				record(kind, time.Since(t), hits)
			}
		}
	}
	res.Queries, res.P50, res.P95, res.Max = len(lat), quantile(lat, 0.50), quantile(lat, 0.95), quantile(lat, 1)
	res.PrefixP50, res.PrefixP95 = quantile(prefix, 0.50), quantile(prefix, 0.95)
	for _, kind := range order {
		d := byKind[kind]
		res.Kinds = append(res.Kinds, searchKind{Kind: kind, N: len(d), P50: quantile(d, 0.50), P95: quantile(d, 0.95),
			Max: quantile(d, 1), Partial: partial[kind]})
	}
	// The step's summary line shows p95s; the rest goes to the log.
	log.Printf("search: %d queries (%d ranked partially) p50 %.1f ms p95 %.1f ms; %d prefixes (%d partially) p50 %.1f ms p95 %.1f ms",
		res.Queries, res.Partial, res.P50, res.P95, len(prefix), res.PrefixPartial, res.PrefixP50, res.PrefixP95)
	for _, k := range res.Kinds {
		log.Printf("search, %s: %d searches (%d ranked partially) p50 %.1f ms p95 %.1f ms max %.1f ms", k.Kind, k.N, k.Partial, k.P50, k.P95, k.Max)
	}
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
