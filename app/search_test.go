package app_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/storydiff/storydiff/app"
	"github.com/storydiff/storydiff/core"
)

// The seeds spell one president's name Zelensky, Zelenskyy, Zhelensky and
// Selenskyj, and his capital Kiev and Kyiv: a search for any spelling finds
// every seed that names him, whichever spelling it uses.
func TestSearchFindsEverySpellingOfAName(t *testing.T) {
	svc := openService(t, filepath.Join(t.TempDir(), "a.db"))
	ids := importSeeds(t, svc, "000", "001", "002", "003", "004")
	byID := map[int64]string{}
	for n, id := range ids {
		byID[id] = n
	}
	cases := []struct {
		query string
		want  []string
	}{
		{"Zelenskyy", []string{"000", "001", "003", "004"}},
		{"Zhelensky", []string{"000", "001", "003", "004"}},
		{"Selenskyj", []string{"000", "001", "003", "004"}},
		{"Kiev", []string{"000", "002", "003", "004"}},
		{"Kyiv", []string{"000", "002", "003", "004"}},
		{"Zelenskyy Kyiv", []string{"000", "003", "004"}},
		// A quoted phrase is searched as written.
		{`"Zelenskyy"`, []string{"003"}},
	}
	for _, tc := range cases {
		hits, err := svc.Search(context.Background(), tc.query, core.SearchOptions{Limit: 50})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, h := range hits {
			got = append(got, byID[h.Article.ID])
		}
		slices.Sort(got)
		if !slices.Equal(got, tc.want) {
			t.Errorf("search %s finds seeds %v, want %v", tc.query, got, tc.want)
		}
	}
	page, err := svc.SearchPage(context.Background(), "Zelenskyy", core.SearchOptions{Limit: 2})
	if err != nil {
		t.Fatal(err)
	}
	if page.Total != 4 || len(page.Hits) != 2 || !slices.Contains(page.Variants["Zelenskyy"], "zhelensky") {
		t.Errorf("page: total %d, %d hits, variants %v; want 4 in all, 2 on the page, zhelensky among the variants",
			page.Total, len(page.Hits), page.Variants)
	}
	// A phrase's total is counted beside the ranking, on another connection.
	all, err := svc.Search(context.Background(), `"Lloyd Austin"`, core.SearchOptions{Limit: 50})
	if err != nil {
		t.Fatal(err)
	}
	page, err = svc.SearchPage(context.Background(), `"Lloyd Austin"`, core.SearchOptions{Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) < 2 || page.Total != len(all) || len(page.Hits) != 1 || page.Hits[0].Article.ID != all[0].Article.ID {
		t.Errorf("phrase page: total %d, %d hits; want the %d matches in all, the best on the page", page.Total, len(page.Hits), len(all))
	}
}

func TestWriteSearchExportsEveryHit(t *testing.T) {
	svc := openService(t, filepath.Join(t.TempDir(), "a.db"))
	importSeeds(t, svc, "000", "001", "002", "003", "004")
	ctx := context.Background()
	var buf bytes.Buffer
	if err := svc.WriteSearch(ctx, &buf, "Zelensky", core.SearchOptions{}, "csv"); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 5 || rows[0][0] != "position" || rows[4][0] != "4" {
		t.Errorf("CSV rows %q, want a header and the 4 seeds naming Zelensky", rows)
	}
	buf.Reset()
	if err := svc.WriteSearch(ctx, &buf, "Zelensky", core.SearchOptions{}, "json"); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Total int              `json:"total"`
		Hits  []core.SearchHit `json:"hits"`
	}
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil || doc.Total != 4 || len(doc.Hits) != 4 {
		t.Errorf("JSON: %v, total %d, %d hits; want 4", err, doc.Total, len(doc.Hits))
	}
	buf.Reset()
	if err := svc.WriteSearch(ctx, &buf, "Zelensky", core.SearchOptions{Offset: 1, Limit: 2}, "json"); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil || len(doc.Hits) != 2 {
		t.Errorf("JSON of hits 2-3: %v, %d hits; want 2", err, len(doc.Hits))
	}
	err = svc.WriteSearch(ctx, &buf, "Zelensky", core.SearchOptions{}, "xlsx")
	if core.ErrorCode(err) != core.EINVALID || !strings.Contains(err.Error(), "xlsx") {
		t.Errorf("export as xlsx: %v, want a refusal naming the format", err)
	}
}

func TestSearchRequestDates(t *testing.T) {
	opt, err := app.SearchRequest{Query: "x", From: "2022-01-01", To: "2022-12-31"}.Options()
	if err != nil || opt.Filter.From == nil || opt.Filter.To == nil || opt.Filter.To.Format("15:04") != "23:59" {
		t.Fatalf("options %+v, %v; want both dates, To at the end of its day", opt.Filter, err)
	}
	if _, err := (app.SearchRequest{From: "2022-02-01", To: "2022-01-01"}).Options(); core.ErrorCode(err) != core.EINVALID {
		t.Errorf("a range ending before it begins: %v, want refused", err)
	}
	if _, err := (app.SearchRequest{From: "yesterday"}).Options(); core.ErrorCode(err) != core.EINVALID {
		t.Errorf("from=yesterday: %v, want refused", err)
	}
}
