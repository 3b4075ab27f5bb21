// Command verdicts times corrections of events inside one process, on a
// copy of an archive, so that the figure is the verdict's and not the
// start of a process: it takes the largest event and says two of its
// articles are not one event, then that they are, removes a third, moves it
// back, splits the event and merges two events.
//
//	cp archive.db /tmp/copy.db && go run ./bench/verdicts -db /tmp/copy.db
//
// It changes the archive it is given: never run it on one you keep.
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"syscall"
	"time"

	"github.com/storydiff/storydiff/app"
	"github.com/storydiff/storydiff/core"
)

func cpu() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func main() {
	db := flag.String("db", "", "a copy of an analysed archive (it is changed)")
	flag.Parse()
	if *db == "" {
		log.Fatal("give -db: a copy of an analysed archive")
	}
	ctx := context.Background()
	svc, err := app.Open(ctx, *db)
	if err != nil {
		log.Fatal(err)
	}
	defer svc.Close()
	evs, err := svc.Events(ctx, "", app.Page{Limit: 2})
	if err != nil || len(evs) < 2 || len(evs[0].Articles) < 3 {
		log.Fatalf("need two events, the largest of three articles or more: %v", err)
	}
	big, other := evs[0], evs[1]
	a, b, c := big.Articles[0].ID, big.Articles[1].ID, big.Articles[2].ID
	fmt.Printf("Largest event %d: %d articles; next %d: %d articles.\n\n", big.ID, len(big.Articles), other.ID, len(other.Articles))
	fmt.Println("| verdict | wall | CPU | events touched |\n|---|---:|---:|---:|")
	for _, v := range []struct {
		name string
		c    core.Correction
	}{
		{"not the same event (two of the largest)", core.Correction{Kind: core.CorrectNotSame, A: a, B: b}},
		{"the same event (the two again)", core.Correction{Kind: core.CorrectSame, A: a, B: b}},
		{"remove an article", core.Correction{Kind: core.CorrectRemove, A: c}},
		{"move it back", core.Correction{Kind: core.CorrectMove, A: c, Event: big.ID}},
		// c, just moved back, is in the event whatever the two verdicts on
		// a and b left there: the same-event verdict may place the pair
		// together outside it.
		{"split the largest (one article out)", core.Correction{Kind: core.CorrectSplit, Event: big.ID, Parts: [][]int64{{c}}}},
		{"merge the two largest", core.Correction{Kind: core.CorrectMerge, Event: big.ID, Other: other.ID}},
	} {
		w, c0 := time.Now(), cpu()
		touched, err := svc.Correct(ctx, v.c)
		if err != nil {
			log.Fatalf("%s: %v", v.name, err)
		}
		fmt.Printf("| %s | %.0f ms | %.0f ms | %d |\n", v.name, float64(time.Since(w).Microseconds())/1000, float64((cpu()-c0).Microseconds())/1000, len(touched))
	}
}
