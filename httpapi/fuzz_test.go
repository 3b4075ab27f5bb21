package httpapi_test

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/storydiff/storydiff/httpapi"
)

// FuzzQueries sends arbitrary user input as search text and list
// parameters: whatever is typed, the answer is a result or a clear 4xx error,
// never an internal error.
func FuzzQueries(f *testing.F) {
	h := httpapi.New(newService(f), httpapi.Options{Frontend: ui})
	for _, s := range []string{"ceasefire", `"lines of communication"`, `"`, "NEAR(a b)", "a AND OR", "*", "col:x", "'; DROP TABLE articles; --", "\x00", "2024-01-01"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q := url.QueryEscape(s)
		for _, target := range []string{
			"/api/search?q=" + q,
			"/api/articles?sort=" + q,
			"/api/articles?from=" + q + "&outlet=" + q,
			"/api/articles/" + url.PathEscape(s),
		} {
			w := do(h, request{target: target})
			if w.Code >= http.StatusInternalServerError {
				t.Fatalf("%s: got %d %s", target, w.Code, w.Body.String())
			}
		}
	})
}
