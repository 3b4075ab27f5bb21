// Command yearless measures how far back the latest day a dated news
// story gives without a year lies, the reach evidence.EstimateIn assumes
// for undated ones, and how often the years a story names lie after its
// own year by more than an anchor may (evidence.Timing.EraAllows), which
// would refuse the story its own date as an anchor. It reads JSONL records with "title", "text" and
// "published" (RFC 3339), such as bench/reuters writes:
//
//	go run ./bench/yearless reuters.jsonl
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"slices"
	"time"

	"github.com/storydiff/storydiff/evidence"
)

type record struct {
	Title     string `json:"title"`
	Text      string `json:"text"`
	Published string `json:"published"`
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: yearless FILE.jsonl")
		os.Exit(2)
	}
	f, err := os.Open(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	aheads := []int32{31, 61, 92}
	gaps := make([][]int, len(aheads))
	stories, withEra, refused := 0, 0, 0
	eraAhead := map[int]int{} // years from the story's year to its era
	for n := 1; sc.Scan(); n++ {
		var r record
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			fmt.Fprintf(os.Stderr, "%s: line %d: %v\n", os.Args[1], n, err)
			os.Exit(1)
		}
		t, err := time.Parse(time.RFC3339, r.Published)
		if err != nil {
			continue
		}
		stories++
		day := int32(t.Unix()/86400) + 1
		p := evidence.NewProfile(evidence.Input{Title: r.Title, Text: r.Text})
		if p.Era != 0 {
			withEra++
			eraAhead[int(p.Era)-t.Year()]++
			if !p.Timing().EraAllows(day) {
				refused++
			}
		}
		for i, ahead := range aheads {
			if latest := p.LatestYearless(day, ahead); latest != 0 {
				gaps[i] = append(gaps[i], int(day-latest))
			}
		}
	}
	if err := sc.Err(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	for i, ahead := range aheads {
		report(stories, ahead, gaps[i])
	}
	fmt.Printf("%d dated stories, %d name two or more years (an era); %d of them (%.4f) would refuse their own date as an anchor\n", stories, withEra, refused, float64(refused)/float64(max(withEra, 1)))
	fmt.Print("  era minus the story's year:")
	for _, d := range slices.Sorted(maps.Keys(eraAhead)) {
		fmt.Printf(" %+d: %d", d, eraAhead[d])
	}
	fmt.Println()
}

func report(stories int, ahead int32, gaps []int) {
	if len(gaps) == 0 {
		fmt.Printf("%d dated stories, none gives a day without its year\n", stories)
		return
	}
	slices.Sort(gaps)
	q := func(f float64) int { return gaps[min(len(gaps)-1, int(f*float64(len(gaps))))] }
	within := func(d int) float64 {
		n := 0
		for _, g := range gaps {
			if g <= d {
				n++
			}
		}
		return float64(n) / float64(len(gaps))
	}
	fmt.Printf("%d dated stories, %d give a day without its year. Each read as the last such day up to %d days after the story's date, days from the latest to the story's date:\n", stories, len(gaps), ahead)
	fmt.Printf("  min %d, median %d, 90%% %d, 95%% %d, 99%% %d, max %d\n", gaps[0], q(0.5), q(0.9), q(0.95), q(0.99), gaps[len(gaps)-1])
	for _, d := range []int{30, 61, 92, 183} {
		fmt.Printf("  within %d days: %.3f\n", d, within(d))
	}
}
