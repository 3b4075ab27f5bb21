package httpapi

import (
	"io/fs"
	"net/http"
	"strings"
)

// NotBuiltHTML is served when the binary was built without the frontend (a
// fresh clone where `make frontend` has not run): the API still works.
const NotBuiltHTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>StoryDiff: user interface not built</title></head>
<body><h1>StoryDiff</h1>
<p>The user interface was not built into this binary. Build it with <code>make build</code>
(or <code>make frontend</code> and rebuild), then start <code>storydiff serve</code> again.</p>
<p>The JSON API is available under <code>/api/</code>.</p></body></html>
`

// HasIndex reports whether f holds a built frontend.
func HasIndex(f fs.FS) bool {
	if f == nil {
		return false
	}
	st, err := fs.Stat(f, "index.html")
	return err == nil && !st.IsDir()
}

func frontend(f fs.FS) http.Handler {
	if !HasIndex(f) {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(http.StatusServiceUnavailable)
			_, _ = w.Write([]byte(NotBuiltHTML))
		})
	}
	files := http.FileServerFS(f)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		// Vite names assets by content hash, so they never change; the page
		// itself must be fetched fresh to pick up a new build.
		if strings.HasPrefix(r.URL.Path, "/assets/") {
			w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
		} else {
			w.Header().Set("Cache-Control", "no-cache")
		}
		files.ServeHTTP(w, r)
	})
}
