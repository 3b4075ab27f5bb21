// Command quotesbench runs the quote finder over a folder of plain-text
// articles, read in place, and prints a Markdown section: how many quotes
// were found, how many with a speaker, how long Find and Group took, and
// how many groups span several articles. With -show N it also prints N
// groups that span several articles, to judge the grouping by eye.
//
//	go run ./bench/quotesbench /path/to/corpus
package main

import (
	"flag"
	"fmt"
	"io/fs"
	"log"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/storydiff/storydiff/quotes"
)

func main() {
	show := flag.Int("show", 0, "print this many groups spanning several articles")
	flag.Parse()
	if flag.NArg() != 1 {
		log.Fatal("usage: quotesbench [-show N] DIR")
	}
	var texts []string
	err := filepath.WalkDir(flag.Arg(0), func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".txt") {
			return err
		}
		b, err := os.ReadFile(path)
		texts = append(texts, string(b))
		return err
	})
	if err != nil {
		log.Fatal(err)
	}
	var items []quotes.Item
	var bytes int
	speakers, resolved := 0, 0
	start := time.Now()
	for i, t := range texts {
		bytes += len(t)
		for _, q := range quotes.Find(t) {
			items = append(items, quotes.Item{Article: int64(i), Quote: q})
			if q.Speaker != "" {
				speakers++
			}
			if q.Resolved {
				resolved++
			}
		}
	}
	findTime := time.Since(start)
	start = time.Now()
	groups := quotes.Group(items)
	groupTime := time.Since(start)
	multi, cross := 0, 0
	var crossGroups [][]quotes.Item
	for _, g := range groups {
		if len(g) < 2 {
			continue
		}
		multi++
		for _, it := range g[1:] {
			if it.Article != g[0].Article {
				cross++
				crossGroups = append(crossGroups, g)
				break
			}
		}
	}
	fmt.Printf("\n## Quotes in a corpus\n\n`go run ./bench/quotesbench %s`\n\n", flag.Arg(0))
	fmt.Printf("| articles | MB | quotes | with speaker | of them via he/she | Find | groups of 2+ | across articles | Group |\n")
	fmt.Printf("|---|---|---|---|---|---|---|---|---|\n")
	fmt.Printf("| %d | %.1f | %d | %d (%.0f%%) | %d | %s | %d | %d | %s |\n", len(texts), float64(bytes)/1e6,
		len(items), speakers, 100*float64(speakers)/float64(max(1, len(items))), resolved,
		findTime.Round(time.Millisecond), multi, cross, groupTime.Round(time.Millisecond))
	for i, g := range crossGroups {
		if i >= *show {
			break
		}
		fmt.Println()
		for _, it := range g {
			fmt.Printf("- article %d, %s: %.100q\n", it.Article, it.Quote.Speaker, it.Quote.Text)
		}
	}
}
