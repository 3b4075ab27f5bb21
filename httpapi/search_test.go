package httpapi_test

import (
	"encoding/csv"
	"net/http"
	"strings"
	"testing"

	"github.com/storydiff/storydiff/httpapi"
)

type searchPageBody struct {
	Total int `json:"total"`
	Hits  []struct {
		Article struct {
			ID       int64  `json:"id"`
			Language string `json:"language"`
		} `json:"article"`
	} `json:"hits"`
	Variants map[string][]string `json:"variants"`
}

// GET /api/search/page pages through a search with the library's filters,
// and GET /api/search/export downloads every hit.
func TestSearchPageFiltersAndExport(t *testing.T) {
	h := httpapi.New(newService(t), httpapi.Options{Frontend: ui})
	cases := []struct {
		target    string
		total     int
		hits      int
		variantOf string
	}{
		{"/api/search/page?q=Zelenskyy&limit=3", 4, 3, "Zelenskyy"},
		{"/api/search/page?q=Zelenskyy&limit=3&offset=3", 4, 1, "Zelenskyy"},
		{"/api/search/page?q=Zelenskyy&language=en", 4, 4, "Zelenskyy"},
		{"/api/search/page?q=Zelenskyy&language=fr", 0, 0, "Zelenskyy"},
		// Seeds 003 (2022-10-21) and 005 (2024-07-27) are dated; the others are not.
		{"/api/search/page?q=Zelenskyy&from=2022-01-01", 1, 1, ""},
		{"/api/search/page?q=Ukraine&from=2022-10-21&to=2022-10-21", 1, 1, ""},
		{"/api/search/page?q=Ukraine&to=2021-12-31", 0, 0, ""},
	}
	for _, tc := range cases {
		w := do(h, request{target: tc.target})
		if w.Code != http.StatusOK {
			t.Fatalf("%s: %d %s", tc.target, w.Code, w.Body)
		}
		b := decode[searchPageBody](t, w)
		if b.Total != tc.total || len(b.Hits) != tc.hits {
			t.Errorf("%s: total %d, %d hits; want %d and %d", tc.target, b.Total, len(b.Hits), tc.total, tc.hits)
		}
		if tc.variantOf != "" && len(b.Variants[tc.variantOf]) == 0 {
			t.Errorf("%s: variants %v, want the other spellings of %s", tc.target, b.Variants, tc.variantOf)
		}
	}
	if w := do(h, request{target: "/api/search/page?q=x&from=soon"}); w.Code != http.StatusBadRequest || !strings.Contains(w.Body.String(), "soon") {
		t.Errorf("from=soon: %d %s, want 400 naming it", w.Code, w.Body)
	}

	// The export is named as reports are: kind, query, day.
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	w := do(h, request{target: "/api/search/export?q=Zelenskyy+%22peace+talks%22&format=csv&limit=1"})
	if w.Code != http.StatusOK || !strings.HasPrefix(w.Header().Get("Content-Type"), "text/csv") {
		t.Fatalf("export: %d %v", w.Code, w.Header())
	}
	if got, want := w.Header().Get("Content-Disposition"), `attachment; filename="storydiff-search-zelenskyy-peace-talks-2023-11-14.csv"`; got != want {
		t.Errorf("export's Content-Disposition: %s, want %s", got, want)
	}
	w = do(h, request{target: "/api/search/export?q=Zelenskyy&format=csv&limit=1"})
	rows, err := csv.NewReader(w.Body).ReadAll()
	if err != nil || len(rows) != 5 {
		t.Errorf("export: %d rows, %v; want a header and every one of the 4 hits, whatever the page's limit", len(rows), err)
	}
	if w := do(h, request{target: "/api/search/export?q=Zelenskyy&format=json"}); w.Code != http.StatusOK || !strings.Contains(w.Body.String(), `"total": 4`) {
		t.Errorf("JSON export: %d %.200s", w.Code, w.Body)
	}
	if w := do(h, request{target: "/api/search/export?q=Zelenskyy&format=xls"}); w.Code != http.StatusBadRequest {
		t.Errorf("format=xls: %d, want 400", w.Code)
	}
}
