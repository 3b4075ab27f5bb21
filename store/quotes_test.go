package store_test

import (
	"context"
	"maps"
	"slices"
	"testing"

	"github.com/storydiff/storydiff/store"
)

// QuotesByKeys gives every quote of each key held by at most perKey quotes
// and none of a key held by more, each quote once: several hundred keys
// looked up at once, some asked twice, one that nobody holds.
func TestQuotesByKeysSkipsCommonKeys(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	arts := addTexts(t, db, []string{"one", "two"})
	const perKey = 3
	// Quote q (ids from 1, in the order saved) holds keys 1000+q%450 and
	// 5000+q%7: the first give each key 1 or 2 quotes, the second 128 or
	// 129, over the cap. Key 9000 is held by exactly perKey quotes, 9001 by
	// one more.
	var qs []store.QuoteRow
	holders := map[uint64][]int64{}
	for q := int64(1); q <= 900; q++ {
		keys := []uint64{uint64(1000 + q%450), uint64(5000 + q%7)}
		if q <= perKey {
			keys = append(keys, 9000)
		}
		if q > 10 && q <= 10+perKey+1 {
			keys = append(keys, 9001)
		}
		for _, k := range keys {
			holders[k] = append(holders[k], q)
		}
		qs = append(qs, store.QuoteRow{Article: arts[q%2], Start: 0, End: 3, Text: "say", Key: "say", Keys: keys})
	}
	if err := db.SaveQuotes(ctx, arts, qs); err != nil {
		t.Fatal(err)
	}
	asked := slices.Collect(maps.Keys(holders))
	asked = append(asked, 1001, 1002, 12345) // two asked twice, one nobody holds
	slices.Sort(asked)
	got, err := db.QuotesByKeys(ctx, asked, perKey)
	if err != nil {
		t.Fatal(err)
	}
	want := map[int64]bool{}
	for _, ids := range holders {
		if len(ids) <= perKey {
			for _, id := range ids {
				want[id] = true
			}
		}
	}
	if len(want) != 900 {
		t.Fatalf("the test's keys should reach every quote, reach %d", len(want))
	}
	gotIDs := map[int64]bool{}
	for _, q := range got {
		if gotIDs[q.ID] {
			t.Errorf("quote %d given twice", q.ID)
		}
		gotIDs[q.ID] = true
	}
	if !maps.Equal(gotIDs, want) {
		t.Errorf("got %d quotes, want %d", len(gotIDs), len(want))
	}
	// Only the common keys: nothing.
	if got, err := db.QuotesByKeys(ctx, []uint64{5000, 5003, 9001}, perKey); err != nil || len(got) != 0 {
		t.Errorf("common keys gave %d quotes, %v", len(got), err)
	}
	// Only the key at the cap: its quotes.
	if got, err := db.QuotesByKeys(ctx, []uint64{9000}, perKey); err != nil || len(got) != perKey {
		t.Errorf("the key at the cap gave %d quotes, %v; want %d", len(got), err, perKey)
	}
}
