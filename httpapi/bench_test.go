package httpapi_test

import (
	"net/http"
	"testing"

	"github.com/storydiff/storydiff/httpapi"
)

// Benchmarks of the HTTP layer's own cost over the seed archive: routing,
// guards, JSON and the badge cache (warm after the first call).
func BenchmarkRoutes(b *testing.B) {
	h := httpapi.New(newService(b), httpapi.Options{Frontend: ui})
	for _, target := range []string{
		"/api/articles?limit=100&sort=published&desc=true",
		"/api/search?q=ceasefire&limit=20",
		"/api/articles/001_d9fdc833d6f29732.txt",
		"/api/facets",
	} {
		b.Run(target, func(b *testing.B) {
			for b.Loop() {
				if w := do(h, request{target: target}); w.Code != http.StatusOK {
					b.Fatalf("%s: %d", target, w.Code)
				}
			}
		})
	}
}
