package app_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"strconv"
	"testing"

	"github.com/storydiff/storydiff/app"
)

// TestOneSimilarityPerPair checks that a pair's similarity is one number
// under one name: the duplicates listing, the Compare answer (what the
// Compare view shows), the pair report and the duplicates report's CSV give
// the same for the same pair, and the diff's figure goes by another name.
func TestOneSimilarityPerPair(t *testing.T) {
	ra := newReportArchive(t)
	ctx := context.Background()
	a, err := ra.svc.Resolve(ctx, "002_965cdb6d1926d39b.txt")
	if err != nil {
		t.Fatal(err)
	}
	b, err := ra.svc.Resolve(ctx, "002_republished.txt")
	if err != nil {
		t.Fatal(err)
	}
	groups, err := ra.svc.DuplicateGroups(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	listed := -1.0
	for _, g := range groups {
		if len(g.Articles) == 2 && g.Articles[0] == min(a, b) && g.Articles[1] == max(a, b) {
			listed = g.Similarity
		}
	}
	if listed <= 0 || listed >= 1 {
		t.Fatalf("the near-duplicate group of %d and %d: similarity %v, want one between 0 and 1", a, b, listed)
	}

	// The Compare view's answer, as JSON.
	c, err := ra.svc.Compare(ctx, itoa(a), itoa(b), app.CompareOptions{})
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := json.Marshal(c)
	var cmp struct {
		Similarity *float64       `json:"similarity"`
		Stats      map[string]any `json:"stats"`
	}
	if err := json.Unmarshal(raw, &cmp); err != nil {
		t.Fatal(err)
	}
	if cmp.Similarity == nil || *cmp.Similarity != listed {
		t.Errorf("compare: similarity %v, the duplicates listing %v", cmp.Similarity, listed)
	}
	if _, ok := cmp.Stats["similarity"]; ok {
		t.Errorf("compare: the diff's statistics still have a similarity of their own: %v", cmp.Stats)
	}
	if _, ok := cmp.Stats["changed_share"]; !ok {
		t.Errorf("compare: the diff's statistics lack changed_share: %v", cmp.Stats)
	}

	// The pair report, in JSON and in CSV.
	var buf bytes.Buffer
	if err := ra.svc.Report(ctx, app.ReportRequest{Kind: "pair", Refs: []string{itoa(a), itoa(b)}, Format: "json"}, &buf); err != nil {
		t.Fatal(err)
	}
	var pair struct {
		Diff struct {
			Similarity *float64 `json:"similarity"`
		} `json:"diff"`
	}
	if err := json.Unmarshal(buf.Bytes(), &pair); err != nil {
		t.Fatal(err)
	}
	if pair.Diff.Similarity == nil || *pair.Diff.Similarity != listed {
		t.Errorf("pair report: similarity %v, the duplicates listing %v", pair.Diff.Similarity, listed)
	}
	cell := func(req app.ReportRequest, column string, row func([]string, map[string]int) bool) string {
		t.Helper()
		var buf bytes.Buffer
		req.Format = "csv"
		if err := ra.svc.Report(ctx, req, &buf); err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(&buf).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		col := map[string]int{}
		for i, h := range rows[0] {
			col[h] = i
		}
		if _, ok := col[column]; !ok {
			t.Fatalf("%s CSV has no column %s: %v", req.Kind, column, rows[0])
		}
		for _, r := range rows[1:] {
			if row(r, col) {
				return r[col[column]]
			}
		}
		t.Fatalf("%s CSV has no row for the pair", req.Kind)
		return ""
	}
	want := strconv.FormatFloat(listed, 'f', 3, 64)
	if got := cell(app.ReportRequest{Kind: "pair", Refs: []string{itoa(a), itoa(b)}}, "similarity", func([]string, map[string]int) bool { return true }); got != want {
		t.Errorf("pair report CSV: similarity %s, want %s", got, want)
	}
	if got := cell(app.ReportRequest{Kind: "duplicates"}, "similarity_to_first", func(r []string, col map[string]int) bool {
		return r[col["article"]] == itoa(max(a, b))
	}); got != want {
		t.Errorf("duplicates report CSV: similarity_to_first %s, want %s", got, want)
	}
}
