package detect_test

import (
	"context"
	"github.com/storydiff/storydiff/core"
	"strings"
	"testing"

	"github.com/storydiff/storydiff/detect"
)

// wire is a short wire story every case below edits.
const wire = `Harbour strike ends after nine days

Dock workers in Valmora ended a nine-day strike on Tuesday after the port authority agreed to a 6.5% pay rise, union leader Ilse Varga said.

The strike had left more than 40 container ships waiting off the coast and cost exporters an estimated 120 million euros, according to the chamber of commerce.

"We did not want this fight, but we will not apologise for winning it," Varga told reporters outside the union office.

Port director Tomas Reel said cranes would be working again by Wednesday morning and the backlog cleared within a fortnight.

The agreement still has to be approved by a vote of the union's 3,200 members next week.`

const unrelated = `Library reopens after flood repairs

The central library in Orsk reopened its doors on Saturday, eleven months after a burst water main flooded the basement archive.

Volunteers spent the winter drying and sorting some 80,000 books, of which about a tenth could not be saved, the head librarian said.

A new reading room for children was added during the repairs, paid for by a local bakery chain.`

func build(t *testing.T, texts map[int64]string) *detect.Index {
	t.Helper()
	p := detect.DefaultParams()
	ix, err := detect.NewIndex(p, detect.IndexOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for id, text := range texts {
		if err := ix.Add(id, detect.ComputeFeatures(detect.Input{Text: text}, p)); err != nil {
			t.Fatal(err)
		}
	}
	return ix
}

func kindBetween(t *testing.T, ix *detect.Index, a, b int64) string {
	t.Helper()
	for _, p := range ix.Compare(a) {
		if (p.A == a && p.B == b) || (p.A == b && p.B == a) {
			return p.Kind
		}
	}
	return ""
}

func TestIndexPairKinds(t *testing.T) {
	tests := []struct {
		name  string
		other string
		want  string
	}{
		{"same bytes", wire, core.PairSameBytes},
		{"same normalised text", strings.ReplaceAll(wire, "\n", "\r\n") + "\n", core.PairSameText},
		{"same text under other chrome", "Leave a Reply\n\n" + wire + "\n\nNEXT NEWS", core.PairSameBody},
		{"typo fixes and a new headline", strings.Replace(strings.Replace(wire, "Harbour strike ends after nine days", "Valmora dockers return to work", 1), "fortnight", "fortnite", 1), core.PairNear},
		{"a sentence inserted and one deleted", strings.Replace(strings.Replace(wire, "Port director", "The mayor welcomed the deal. Port director", 1), "The agreement still has to be approved by a vote of the union's 3,200 members next week.", "", 1), core.PairNear},
		{"paragraph moved", moveParagraph(wire), core.PairNear},
		{"unrelated story", unrelated, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ix := build(t, map[int64]string{1: wire, 2: tt.other})
			if got := kindBetween(t, ix, 1, 2); got != tt.want {
				t.Errorf("pair kind = %q, want %q", got, tt.want)
			}
		})
	}
}

func moveParagraph(s string) string {
	ps := strings.Split(s, "\n\n")
	ps = append(append([]string{}, ps[:2]...), append(ps[3:], ps[2])...)
	return strings.Join(ps, "\n\n")
}

func TestIndexRemove(t *testing.T) {
	ix := build(t, map[int64]string{1: wire, 2: wire, 3: unrelated})
	if got := kindBetween(t, ix, 1, 2); got != core.PairSameBytes {
		t.Fatalf("before Remove: kind = %q, want bytes", got)
	}
	ix.Remove(2)
	if ix.Len() != 2 {
		t.Errorf("Len after Remove = %d, want 2", ix.Len())
	}
	pairs, err := ix.Pairs(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(pairs) != 0 {
		t.Errorf("after Remove: pairs %+v, want none", pairs)
	}
	ix.Remove(42) // unknown ids are ignored
}

func TestIndexRefusesOtherParams(t *testing.T) {
	ix := build(t, nil)
	q := detect.DefaultParams()
	q.Shingle = 7
	if err := ix.Add(1, detect.ComputeFeatures(detect.Input{Text: wire}, q)); err == nil {
		t.Fatal("Add accepted features made with other parameters")
	}
	if _, err := detect.NewIndex(detect.Params{Hashes: 10, Bands: 3}, detect.IndexOptions{}); err == nil {
		t.Fatal("NewIndex accepted 3 bands of 10 hashes")
	}
}

func TestPairsCancelled(t *testing.T) {
	ix := build(t, map[int64]string{1: wire, 2: wire})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := ix.Pairs(ctx); err == nil {
		t.Fatal("Pairs ignored a cancelled context")
	}
}
