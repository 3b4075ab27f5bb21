package align_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/storydiff/storydiff/align"
	"github.com/storydiff/storydiff/diffing/synth"
	"github.com/storydiff/storydiff/textnorm"
)

func TestCollate(t *testing.T) {
	v1 := "Austin called Shoigu on Friday. The call lasted an hour. Kirby declined to comment on the talks."
	v2 := "Austin called his counterpart Shoigu on Friday. The call lasted an hour. Moscow confirmed the call in a short statement."
	v3 := "Austin called his counterpart Shoigu on Friday morning. Moscow confirmed the call in a short statement. Grain exports were not discussed."
	versions := []align.Version{{Article: 10, Text: v1}, {Article: 20, Text: v2}, {Article: 30, Text: v3}}
	rows := align.Collate(versions, align.Options{})
	checkCollation(t, versions, rows)

	find := func(s string) align.CollationRow {
		for _, r := range rows {
			for _, c := range r.Cells {
				if c != nil && strings.Contains(c.Text, s) {
					return r
				}
			}
		}
		t.Fatalf("no row holds %q", s)
		return align.CollationRow{}
	}
	tests := []struct {
		name    string
		holds   string
		first   int64
		present []bool
	}{
		{"in every version, reworded", "Austin called", 10, []bool{true, true, true}},
		{"dropped in the third", "The call lasted an hour.", 10, []bool{true, true, false}},
		{"only in the first", "Kirby declined", 10, []bool{true, false, false}},
		{"new in the second", "Moscow confirmed", 20, []bool{false, true, true}},
		{"new in the third", "Grain exports", 30, []bool{false, false, true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := find(tt.holds)
			if r.First != tt.first {
				t.Errorf("first %d, want %d", r.First, tt.first)
			}
			n := 0
			for v, c := range r.Cells {
				if (c != nil) != tt.present[v] {
					t.Errorf("cell of version %d present %v, want %v", v, c != nil, tt.present[v])
				}
				if c != nil {
					n++
				}
			}
			if r.Count != n {
				t.Errorf("count %d, want %d", r.Count, n)
			}
		})
	}
	// Rows keep the reading order: the sentence new in the third version
	// comes right after the one it follows there.
	at := func(s string) int {
		for k, r := range rows {
			for _, c := range r.Cells {
				if c != nil && strings.Contains(c.Text, s) {
					return k
				}
			}
		}
		return -1
	}
	if at("Grain exports") != at("Moscow confirmed")+1 || at("Austin called") != 0 {
		t.Errorf("rows out of reading order: Austin %d, Moscow %d, Grain %d", at("Austin called"), at("Moscow confirmed"), at("Grain exports"))
	}
}

// checkCollation checks that every sentence of every version stands in a
// cell, each cell's text is its span, and its ops rebuild the row's first
// wording into this one.
func checkCollation(t *testing.T, versions []align.Version, rows []align.CollationRow) {
	t.Helper()
	for v, ver := range versions {
		rs := []rune(ver.Text)
		covered := make([]bool, len(rs))
		for _, r := range rows {
			if len(r.Cells) != len(versions) {
				t.Fatalf("row with %d cells for %d versions", len(r.Cells), len(versions))
			}
			c := r.Cells[v]
			if c == nil {
				continue
			}
			if c.Article != ver.Article || c.Text != string(rs[c.Start:c.End]) {
				t.Fatalf("cell %+v does not match version %d", c, v)
			}
			for k := c.Start; k < c.End; k++ {
				covered[k] = true
			}
		}
		for _, sp := range textnorm.Sentences(ver.Text) {
			for k := sp.Start; k < sp.End; k++ {
				if !covered[k] {
					t.Fatalf("version %d: sentence at %d not in any cell", v, sp.Start)
				}
			}
		}
	}
	for _, r := range rows {
		var first *align.Cell
		for _, c := range r.Cells {
			if c == nil {
				continue
			}
			if first == nil {
				first = c
				if r.First != c.Article {
					t.Fatalf("row first %d, first cell %d", r.First, c.Article)
				}
				continue
			}
			var from, to strings.Builder
			for _, o := range c.Ops {
				if o.Kind != "insert" {
					from.WriteString(o.Text)
				}
				if o.Kind != "delete" {
					to.WriteString(o.Text)
				}
			}
			if from.String() != first.Text || to.String() != c.Text {
				t.Fatalf("cell ops rebuild %q -> %q, want %q -> %q", from.String(), to.String(), first.Text, c.Text)
			}
		}
	}
}

// TestCollateSeeds collates generated versions of a seed article in a chain
// and checks the story's JSON shape.
func TestCollateSeeds(t *testing.T) {
	versions := []align.Version{{Article: 1, Text: seeds(t)[0]}}
	for k := 1; k < 6; k++ {
		versions = append(versions, align.Version{Article: int64(k + 1), Text: gen(t, uint64(k), versions[k-1].Text, defaultRates).b})
	}
	s := align.CollateStory(7, versions, align.Options{})
	checkCollation(t, versions, s.Rows)
	b, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	var shape struct {
		Story    *int64  `json:"story"`
		Versions []int64 `json:"versions"`
		Rows     []struct {
			Cells []*struct {
				Article *int64  `json:"article"`
				Start   *int    `json:"start"`
				End     *int    `json:"end"`
				Text    *string `json:"text"`
			} `json:"cells"`
			First *int64 `json:"first"`
		} `json:"rows"`
	}
	if err := json.Unmarshal(b, &shape); err != nil {
		t.Fatal(err)
	}
	if shape.Story == nil || *shape.Story != 7 || len(shape.Versions) != 6 || len(shape.Rows) == 0 {
		t.Fatalf("story JSON %s", b[:min(len(b), 300)])
	}
	for _, r := range shape.Rows {
		if r.First == nil || len(r.Cells) != 6 {
			t.Fatalf("row JSON without first or with %d cells", len(r.Cells))
		}
		for _, c := range r.Cells {
			if c != nil && (c.Article == nil || c.Start == nil || c.End == nil || c.Text == nil) {
				t.Fatal("cell JSON lacks article, start, end or text")
			}
		}
	}
}

// TestCollateRowsStayShort: over a long chain of rewrites, merges followed
// by different splits must not chain a whole article into one row; no cell
// covers more than four sentences of its version.
func TestCollateRowsStayShort(t *testing.T) {
	versions := []align.Version{{Article: 1, Text: synth.Article(7, 6_000)}}
	for k := 1; k < 30; k++ {
		v := gen(t, uint64(100+k), versions[k-1].Text, rates{edit: 0.6, split: 0.06, merge: 0.06, del: 0.08,
			replace: 0.08, move: 0.05, insert: 0.08, strength: 0.8})
		versions = append(versions, align.Version{Article: int64(k + 1), Text: v.b})
	}
	rows := align.Collate(versions, align.Options{})
	checkCollation(t, versions, rows)
	shared := 0
	for _, r := range rows {
		if r.Count > 1 {
			shared++
		}
		for v, c := range r.Cells {
			if c == nil {
				continue
			}
			n := 0
			for _, sp := range textnorm.Sentences(versions[v].Text) {
				if sp.Start >= c.Start && sp.End <= c.End {
					n++
				}
			}
			if n > 4 {
				t.Fatalf("version %d: a cell covers %d sentences: %.200q", v, n, c.Text)
			}
		}
	}
	if shared < len(rows)/3 {
		t.Errorf("only %d of %d rows hold more than one version", shared, len(rows))
	}
}
