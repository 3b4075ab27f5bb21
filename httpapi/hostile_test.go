package httpapi_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/storydiff/storydiff/app"
	"github.com/storydiff/storydiff/httpapi"
)

// TestHostileImportPaths: whoever reaches the port must not make the archive
// read files of the machine. Without --import-root the API imports nothing;
// with it, only article files under those folders.
func TestHostileImportPaths(t *testing.T) {
	svc := newService(t)
	seeds, _ := filepath.Abs(filepath.Join("..", "testdata", "seeds"))
	roots, err := app.NewImportRoots([]string{seeds})
	if err != nil {
		t.Fatal(err)
	}
	json := map[string]string{"Content-Type": "application/json"}
	for _, tc := range []struct {
		name  string
		opts  httpapi.Options
		paths string
		want  string
	}{
		{"no roots given", httpapi.Options{}, `["` + seeds + `"]`, "--import-root"},
		{"a system file", httpapi.Options{ImportRoots: roots}, `["/etc/passwd"]`, "not under"},
		{"a way out of the root", httpapi.Options{ImportRoots: roots}, `["` + seeds + `/../../go.mod"]`, "not under"},
		{"the proc file system", httpapi.Options{ImportRoots: roots}, `["/proc/self/environ"]`, "not under"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := do(httpapi.New(svc, tc.opts), request{method: "POST", target: "/api/import", body: `{"paths":` + tc.paths + `}`, header: json})
			if w.Code != 400 || !strings.Contains(w.Body.String(), tc.want) {
				t.Errorf("got %d %s, want 400 saying %q", w.Code, w.Body.String(), tc.want)
			}
		})
	}
}
