package app

import (
	"testing"

	"github.com/storydiff/storydiff/evidence"
	"github.com/storydiff/storydiff/store"
)

// An undated article takes its anchor from a version of its own event (a
// link of event and thread scores at the thresholds), the likeliest version
// first: a dated one's own day, or an undated one's anchor when that was
// given directly by a dated article (a year passes one version further, no
// more). One whose recounted full date is after the anchor's day is not
// anchored by it, nor is one linked by topic alone. Only an article giving
// days without a year gets an estimate, and only its links are weighed by
// it.
func TestDatesAreEstimatedFromTheNearestDatedArticle(t *testing.T) {
	const oct21 = 19287 // 2022-10-21 as evidence.Profile.Day counts
	spring := []uint16{2<<5 | 18, 2<<5 | 24}
	timings := map[int64]evidence.Timing{
		1: {Yearless: spring},               // by 3, not by 6 (topic alone)
		2: {},                               // through 1, nothing to estimate
		3: {Day: oct21},                     // the dated report
		4: {Bound: oct21 + 145},             // recounts a day months after 3
		5: {Yearless: spring},               // linked too weakly
		6: {Day: oct21 + 1000},              // dated, far later
		7: {Yearless: []uint16{10<<5 | 18}}, // the days of 3's week
		8: {Yearless: spring},               // of 1's and 2's topic, not their event
		9: {Yearless: spring},               // a version of 2's event only, 2 relayed
	}
	links := []store.Link{
		{A: 2, B: 3, Event: 0.8, Thread: 0.9},
		{A: 1, B: 2, Event: 0.9, Thread: 0.8},
		{A: 1, B: 3, Event: 0.9, Thread: 0.7},
		{A: 1, B: 6, Event: 0.2, Thread: 0.85},
		{A: 3, B: 4, Event: 0.4, Thread: 0.95},
		{A: 4, B: 6, Event: 0.8, Thread: 0.6},
		{A: 3, B: 5, Event: 0.9, Thread: 0.4},
		{A: 3, B: 7, Event: 0.9, Thread: 0.8},
		{A: 1, B: 8, Event: 0.3, Thread: 0.9},
		{A: 2, B: 8, Event: 0.3, Thread: 0.9},
		{A: 2, B: 9, Event: 0.9, Thread: 0.9},
	}
	es := estimateDates(timings, links)
	got := map[int64]store.DateEstimate{}
	for _, e := range es {
		got[e.Article] = e
	}
	if len(got) != 4 || got[1].AnchorArticle != 3 || got[2].AnchorArticle != 3 || got[4].AnchorArticle != 6 || got[7].AnchorArticle != 3 {
		t.Fatalf("anchors %+v; want 1, 2 and 7 by 3, 4 by 6, 5, 8 and 9 none", es)
	}
	if got[2].Lo != 0 || got[1].Lo == 0 || got[1].Hi >= oct21-30 || timings[1].Estimate.IsZero() {
		t.Errorf("estimates %+v, %+v; want none for 2, one well before 3's day for 1", got[2], got[1])
	}
	weighed := weighLinks(append([]store.Link(nil), links...), timings)
	p := map[[2]int64]float32{}
	for _, l := range weighed {
		p[[2]int64{l.A, l.B}] = l.Event
	}
	if p[[2]int64{1, 3}] > 0.5 || p[[2]int64{2, 3}] != 0.8 || p[[2]int64{3, 7}] != 0.9 || p[[2]int64{1, 2}] != 0.9 {
		t.Errorf("weighed %+v: want 1-3 lowered (spring against October), the others as they were", weighed)
	}
}

// An undated report whose years lie a decade and more after a dated
// version's is of another era and is not anchored by it (a 2005 election
// report linked to a 1987 one); one whose years are the anchor's, or a few
// years ahead of it (a plan, a bond's maturity), is.
func TestDatesAreNotEstimatedInAnotherEra(t *testing.T) {
	const jun1987 = 6361 // 1987-06-02 as evidence.Profile.Day counts
	spring := []uint16{4<<5 | 18}
	timings := map[int64]evidence.Timing{
		1: {Day: jun1987},
		2: {Yearless: spring, Era: 2001}, // names 1997, 2001, 2005
		3: {Yearless: spring, Era: 1987},
		4: {Yearless: spring, Era: 1992}, // looks ahead
		5: {Yearless: spring},            // names no years
	}
	var links []store.Link
	for v := int64(2); v <= 5; v++ {
		links = append(links, store.Link{A: 1, B: v, Event: 0.9, Thread: 0.9})
	}
	got := map[int64]bool{}
	for _, e := range estimateDates(timings, links) {
		got[e.Article] = e.AnchorArticle == 1
	}
	if got[2] || !got[3] || !got[4] || !got[5] {
		t.Errorf("anchored by the 1987 report: %v; want 3, 4 and 5, not 2", got)
	}
}
