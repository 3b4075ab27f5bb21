// Command searchbench times searches on an archive through the service, as
// the CLI and the app run them, with the expansion to other spellings of
// each word and without it (opt.Variants empty: the search as it was before
// variants), and with a language or date filter. It only reads the archive.
//
//	go run ./bench/searchbench -db /tmp/copy.db -rounds 5
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"slices"
	"time"

	"github.com/storydiff/storydiff/app"
	"github.com/storydiff/storydiff/core"
)

func main() {
	db := flag.String("db", "", "the archive (a copy: opening it may migrate it)")
	rounds := flag.Int("rounds", 5, "times each search runs")
	flag.Parse()
	if *db == "" {
		log.Fatal("give -db")
	}
	ctx := context.Background()
	svc, err := app.Open(ctx, *db)
	if err != nil {
		log.Fatal(err)
	}
	defer svc.Close()
	// The first search after opening (or after an import) reads the index's
	// words of each letter it needs once.
	t0 := time.Now()
	if _, err := svc.Variants(ctx, "Zelenskyy Kiev Sergei dividend"); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%-36s %.1f ms (letters z, s, k, d)\n", "variants, first time", ms(time.Since(t0)))
	// Names with spellings, common words (broad: ranked in part), rare
	// words, phrases and pairs, and a prefix as typed.
	queries := []string{"Zelenskyy", "Kiev", "Yeltsin", "Gorbachev", "Shevardnadze", "Sergei", "dividend", "said",
		"shares", "profit", "oil prices", `"interest rates"`, "bank rate", "sugar", "coffee quota", "election",
		"Blair", "Brown", "football", "film award"}
	since := time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC)
	runs := []struct {
		name string
		opt  func() core.SearchOptions
	}{
		{"without variants (as before)", func() core.SearchOptions { return core.SearchOptions{Limit: 20, Variants: map[string][]string{}} }},
		{"with variants", func() core.SearchOptions { return core.SearchOptions{Limit: 20} }},
		{"with variants, language en", func() core.SearchOptions {
			return core.SearchOptions{Limit: 20, Filter: core.SearchFilter{Language: "en"}}
		}},
		{"with variants, from 1990", func() core.SearchOptions {
			return core.SearchOptions{Limit: 20, Filter: core.SearchFilter{From: &since}}
		}},
		{"with variants, page 3 (offset 40)", func() core.SearchOptions { return core.SearchOptions{Limit: 20, Offset: 40} }},
	}
	for _, r := range runs {
		var lat []time.Duration
		for round := 0; round < *rounds; round++ {
			for _, q := range queries {
				t := time.Now()
				if _, err := svc.Search(ctx, q, r.opt()); err != nil {
					log.Fatalf("%s: %v", q, err)
				}
				lat = append(lat, time.Since(t))
			}
		}
		slices.Sort(lat)
		fmt.Printf("%-36s %d searches: p50 %.1f ms, p95 %.1f ms, max %.1f ms\n", r.name, len(lat),
			ms(lat[len(lat)/2]), ms(lat[len(lat)*95/100]), ms(lat[len(lat)-1]))
	}
	var lat []time.Duration
	for round := 0; round < *rounds; round++ {
		for _, q := range queries {
			t := time.Now()
			if _, err := svc.SearchPage(ctx, q, core.SearchOptions{Limit: 20}); err != nil {
				log.Fatal(err)
			}
			lat = append(lat, time.Since(t))
		}
	}
	slices.Sort(lat)
	fmt.Printf("%-36s %d searches: p50 %.1f ms, p95 %.1f ms, max %.1f ms\n", "SearchPage (hits and total)", len(lat),
		ms(lat[len(lat)/2]), ms(lat[len(lat)*95/100]), ms(lat[len(lat)-1]))
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
