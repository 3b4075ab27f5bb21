package quotes

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// seedQuotes returns the quotes of every seed article, as Items whose
// Article is the seed's number (000 → 0).
func seedQuotes(t *testing.T) (map[int64]string, []Item) {
	t.Helper()
	files, err := filepath.Glob("../testdata/seeds/*.txt")
	if err != nil || len(files) != 5 {
		t.Fatalf("seeds: %v (%d files)", err, len(files))
	}
	texts := map[int64]string{}
	var items []Item
	for i, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts[int64(i)] = string(b)
		for _, q := range Find(string(b)) {
			checkQuote(t, string(b), q)
			items = append(items, Item{Article: int64(i), Quote: q})
		}
	}
	return texts, items
}

func TestSeedsRyder(t *testing.T) {
	_, items := seedQuotes(t)
	found := map[int64]string{}
	for _, it := range items {
		if strings.Contains(it.Quote.Text, "importance of maintaining lines of communication amid") {
			found[it.Article] = it.Quote.Speaker
		}
	}
	// 002 quotes the readout of Brigadier General Pat Ryder, 004 Patrick
	// Ryder, a Pentagon spokesman.
	for _, art := range []int64{2, 4} {
		if s, ok := found[art]; !ok || !strings.HasSuffix(s, "Ryder") {
			t.Errorf("seed %03d: Ryder's quote found=%v speaker %q", art, ok, s)
		}
	}
}

func TestSeedsSpeakers(t *testing.T) {
	_, items := seedQuotes(t)
	want := map[string]string{
		"Our people are home":                     "Volodymyr Zelenskyy",
		"It is clear that the direct involvement": "Dmitry Peskov",
		"the call itself did not resolve":         "senior Pentagon official",
		"Hot issues related to international":     "ministry", // the TASS quoted the ministry as saying
		"That is, the Ukrainian law":              "Peskov",   // he emphasized, adding, “…”
		"I have assigned a task":                  "Zelensky",
	}
	for prefix, speaker := range want {
		ok := false
		for _, it := range items {
			if strings.HasPrefix(it.Quote.Text, prefix) {
				ok = true
				if it.Quote.Speaker != speaker {
					t.Errorf("%q… speaker %q, want %q", prefix, it.Quote.Speaker, speaker)
				}
			}
		}
		if !ok {
			t.Errorf("quote %q… not found", prefix)
		}
	}
	// Scare quotes of the seeds are not quotes: “professional”, “opened”.
	for _, it := range items {
		if it.Quote.Text == "professional" || it.Quote.Text == "opened" || it.Quote.Text == "immediate ceasefire" {
			t.Errorf("scare quote %q in seed %03d taken for speech", it.Quote.Text, it.Article)
		}
	}
}

func TestSeedsGrouping(t *testing.T) {
	_, items := seedQuotes(t)
	for _, g := range Group(items) {
		arts := map[int64]bool{}
		for _, it := range g {
			arts[it.Article] = true
		}
		ryder := strings.Contains(g[0].Quote.Text, "lines of communication amid")
		// The same readout sentence, edited, in 002 and 004.
		if ryder && !(arts[2] && arts[4]) {
			t.Errorf("Ryder's readout not grouped across 002 and 004: %+v", g)
		}
		// 003 and 004 both quote Zelensky, but different words: apart.
		if arts[3] && arts[4] {
			t.Errorf("different quotes of 003 and 004 grouped: %+v", g)
		}
		for _, it := range g[1:] {
			if Similar(it.Quote, g[0].Quote) < Threshold && len(g) == 2 {
				t.Errorf("pair grouped below threshold: %q / %q", g[0].Quote.Text, it.Quote.Text)
			}
		}
	}
}
