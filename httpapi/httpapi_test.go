package httpapi_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/storydiff/storydiff/app"
	"github.com/storydiff/storydiff/httpapi"
)

// newService opens a fresh archive holding the seed articles.
func newService(tb testing.TB) *app.Service {
	tb.Helper()
	ctx := context.Background()
	svc, err := app.Open(ctx, filepath.Join(tb.TempDir(), "archive.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { svc.Close() })
	sum, err := svc.Import(ctx, []string{filepath.Join("..", "testdata", "seeds")}, app.ImportOptions{}, nil)
	if err != nil {
		tb.Fatal(err)
	}
	if sum.Added != 5 {
		tb.Fatalf("seed import added %d articles, want 5", sum.Added)
	}
	return svc
}

var ui = fstest.MapFS{
	"index.html":    {Data: []byte("<!doctype html><title>StoryDiff</title>")},
	"assets/app.js": {Data: []byte("console.log(1)")},
}

type request struct {
	method, target, body string
	header               map[string]string
}

func do(h http.Handler, r request) *httptest.ResponseRecorder {
	if r.method == "" {
		r.method = http.MethodGet
	}
	req := httptest.NewRequest(r.method, "http://127.0.0.1:7788"+r.target, strings.NewReader(r.body))
	for k, v := range r.header {
		if k == "Host" {
			req.Host = v
			continue
		}
		req.Header.Set(k, v)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	return w
}

func decode[T any](t *testing.T, w *httptest.ResponseRecorder) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(w.Body.Bytes(), &v); err != nil {
		t.Fatalf("body is not the JSON expected: %v\n%s", err, w.Body.String())
	}
	return v
}

type listBody struct {
	Total    int `json:"total"`
	Articles []struct {
		ID    int64    `json:"id"`
		Title string   `json:"title"`
		Words int      `json:"words"`
		Paths []string `json:"paths"`
	} `json:"articles"`
}

type errorBody struct {
	Error struct{ Code, Message string } `json:"error"`
}

func TestAPI(t *testing.T) {
	h := httpapi.New(newService(t), httpapi.Options{Frontend: ui})
	json := map[string]string{"Content-Type": "application/json"}
	runCases(t, h, []apiCase{
		{"list every article", request{target: "/api/articles"}, 200, func(t *testing.T, w *httptest.ResponseRecorder) {
			b := decode[listBody](t, w)
			if b.Total != 5 || len(b.Articles) != 5 {
				t.Errorf("got total %d with %d articles, want 5 and 5", b.Total, len(b.Articles))
			}
		}},
		{"page and sort by words", request{target: "/api/articles?sort=words&desc=true&limit=2&offset=1"}, 200, func(t *testing.T, w *httptest.ResponseRecorder) {
			b := decode[listBody](t, w)
			if b.Total != 5 || len(b.Articles) != 2 || b.Articles[0].Words < b.Articles[1].Words {
				t.Errorf("got %+v, want 2 of 5 articles, most words first", b)
			}
		}},
		{"filter by a date range", request{target: "/api/articles?from=2024-01-01&to=2024-12-31"}, 200, func(t *testing.T, w *httptest.ResponseRecorder) {
			b := decode[listBody](t, w)
			if b.Total < 1 || b.Total >= 5 {
				t.Errorf("got %d articles in 2024, want some but not all", b.Total)
			}
		}},
		{"bad sort", request{target: "/api/articles?sort=bogus"}, 400, wantCode("invalid")},
		{"negative limit", request{target: "/api/articles?limit=-1"}, 400, wantCode("invalid")},
		{"bad date", request{target: "/api/articles?from=yesterday"}, 400, wantCode("invalid")},
		{"bad desc", request{target: "/api/articles?desc=maybe"}, 400, wantCode("invalid")},
		{"article by file name", request{target: "/api/articles/001_d9fdc833d6f29732.txt"}, 200, func(t *testing.T, w *httptest.ResponseRecorder) {
			d := decode[struct {
				Title     string `json:"title"`
				Text      string `json:"text"`
				Locations []struct {
					Path string `json:"path"`
				} `json:"locations"`
			}](t, w)
			if d.Title != "The United States calls for a ceasefire from Russia, but in vain" || d.Text == "" || len(d.Locations) != 1 {
				t.Errorf("got title %q, %d chars of text, %d locations", d.Title, len(d.Text), len(d.Locations))
			}
		}},
		{"unknown article", request{target: "/api/articles/nope.txt"}, 404, wantCode("not_found")},
		{"search with highlights", request{target: "/api/search?q=ceasefire&limit=3"}, 200, func(t *testing.T, w *httptest.ResponseRecorder) {
			hits := decode[[]struct {
				Snippet []struct {
					Text string `json:"text"`
					Hit  bool   `json:"hit"`
				} `json:"snippet"`
			}](t, w)
			if len(hits) == 0 || len(hits) > 3 {
				t.Fatalf("got %d hits, want 1 to 3", len(hits))
			}
			found := false
			for _, f := range hits[0].Snippet {
				found = found || (f.Hit && strings.EqualFold(f.Text, "ceasefire"))
			}
			if !found {
				t.Errorf("first snippet %+v has no highlighted ceasefire", hits[0].Snippet)
			}
		}},
		{"search that matches nothing is an empty list", request{target: "/api/search?q=zzzqqq"}, 200, func(t *testing.T, w *httptest.ResponseRecorder) {
			if got := strings.TrimSpace(w.Body.String()); got != "[]" {
				t.Errorf("got %s, want []", got)
			}
		}},
		{"facets", request{target: "/api/facets"}, 200, func(t *testing.T, w *httptest.ResponseRecorder) {
			if f := decode[struct{ Articles int }](t, w); f.Articles != 5 {
				t.Errorf("got %d articles, want 5", f.Articles)
			}
		}},
		{"unknown endpoint", request{target: "/api/nothing"}, 404, wantCode("not_found")},
		{"wrong method", request{method: "DELETE", target: "/api/articles"}, 404, wantCode("not_found")},
		{"import needs JSON", request{method: "POST", target: "/api/import", body: `{"paths":["x"]}`}, 400, wantCode("invalid")},
		{"import of nothing", request{method: "POST", target: "/api/import", body: `{"paths":[]}`, header: json}, 400, wantCode("invalid")},
		{"import with broken JSON", request{method: "POST", target: "/api/import", body: `{"paths":`, header: json}, 400, wantCode("invalid")},
		{"cancel of an unknown job", request{method: "POST", target: "/api/jobs/import-99/cancel"}, 404, wantCode("not_found")},
		{"the frontend", request{target: "/"}, 200, func(t *testing.T, w *httptest.ResponseRecorder) {
			if !strings.Contains(w.Body.String(), "<title>StoryDiff</title>") {
				t.Errorf("got %q, want the index page", w.Body.String())
			}
		}},
		{"hashed assets are cached", request{target: "/assets/app.js"}, 200, func(t *testing.T, w *httptest.ResponseRecorder) {
			if cc := w.Header().Get("Cache-Control"); !strings.Contains(cc, "immutable") {
				t.Errorf("Cache-Control: got %q, want immutable", cc)
			}
		}},
	})
}

// apiCase is one request to the API and what must come back.
type apiCase struct {
	name   string
	req    request
	status int
	check  func(t *testing.T, w *httptest.ResponseRecorder)
}

func runCases(t *testing.T, h http.Handler, cases []apiCase) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			w := do(h, tt.req)
			if w.Code != tt.status {
				t.Fatalf("status: got %d, want %d\n%s", w.Code, tt.status, w.Body.String())
			}
			if tt.check != nil {
				tt.check(t, w)
			}
		})
	}
}

func wantCode(code string) func(*testing.T, *httptest.ResponseRecorder) {
	return func(t *testing.T, w *httptest.ResponseRecorder) {
		t.Helper()
		b := decode[errorBody](t, w)
		if b.Error.Code != code || b.Error.Message == "" {
			t.Errorf("error: got %+v, want code %q with a message", b.Error, code)
		}
	}
}

func TestNotBuiltFrontend(t *testing.T) {
	h := httpapi.New(newService(t), httpapi.Options{})
	w := do(h, request{target: "/"})
	if w.Code != http.StatusServiceUnavailable || !strings.Contains(w.Body.String(), "not built") {
		t.Errorf("got %d %q, want 503 and a page saying the UI was not built", w.Code, w.Body.String())
	}
	if w := do(h, request{target: "/api/facets"}); w.Code != 200 {
		t.Errorf("API without a UI: got %d, want 200", w.Code)
	}
}

func TestCSPOnEveryResponse(t *testing.T) {
	h := httpapi.New(newService(t), httpapi.Options{Frontend: ui})
	for _, target := range []string{"/", "/assets/app.js", "/missing", "/api/facets", "/api/nothing"} {
		if got := do(h, request{target: target}).Header().Get("Content-Security-Policy"); got != httpapi.CSP {
			t.Errorf("%s: CSP got %q, want %q", target, got, httpapi.CSP)
		}
	}
	for _, bad := range []string{"unsafe-inline", "unsafe-eval", "*"} {
		if strings.Contains(httpapi.CSP, bad) {
			t.Errorf("CSP allows %s: %s", bad, httpapi.CSP)
		}
	}
}

func TestGuards(t *testing.T) {
	svc := newService(t)
	open := httpapi.New(svc, httpapi.Options{Frontend: ui})
	guarded := httpapi.New(svc, httpapi.Options{Frontend: ui, Token: "s3cret"})
	tests := []struct {
		name   string
		h      http.Handler
		req    request
		status int
	}{
		{"loopback by name", open, request{target: "/api/facets", header: map[string]string{"Host": "localhost:7788"}}, 200},
		{"loopback IPv6", open, request{target: "/api/facets", header: map[string]string{"Host": "[::1]:7788"}}, 200},
		{"DNS rebinding: foreign host name", open, request{target: "/api/facets", header: map[string]string{"Host": "evil.example:7788"}}, 403},
		{"DNS rebinding also guards the page", open, request{target: "/", header: map[string]string{"Host": "evil.example"}}, 403},
		{"same-origin fetch", open, request{target: "/api/facets", header: map[string]string{"Sec-Fetch-Site": "same-origin", "Origin": "http://127.0.0.1:7788"}}, 200},
		{"cross-site fetch", open, request{target: "/api/facets", header: map[string]string{"Sec-Fetch-Site": "cross-site"}}, 403},
		{"same-site other port", open, request{target: "/api/facets", header: map[string]string{"Sec-Fetch-Site": "same-site"}}, 403},
		{"foreign Origin", open, request{method: "POST", target: "/api/jobs/x/cancel", header: map[string]string{"Origin": "http://evil.example"}}, 403},
		{"cross-site page navigation is allowed", open, request{target: "/", header: map[string]string{"Sec-Fetch-Site": "cross-site"}}, 200},
		{"token missing", guarded, request{target: "/api/facets"}, 401},
		{"token wrong", guarded, request{target: "/api/facets", header: map[string]string{"Authorization": "Bearer nope"}}, 401},
		{"token as bearer", guarded, request{target: "/api/facets", header: map[string]string{"Authorization": "Bearer s3cret"}}, 200},
		{"token in the URL (event stream)", guarded, request{target: "/api/facets?token=s3cret"}, 200},
		{"with a token any host name", guarded, request{target: "/api/facets?token=s3cret", header: map[string]string{"Host": "newsroom.lan:7788"}}, 200},
		{"the page itself needs no token", guarded, request{target: "/"}, 200},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := do(tt.h, tt.req)
			if w.Code != tt.status {
				t.Errorf("status: got %d, want %d (%s)", w.Code, tt.status, w.Body.String())
			}
		})
	}
}

func TestIsLoopbackHost(t *testing.T) {
	tests := []struct {
		host string
		want bool
	}{
		{"127.0.0.1:7788", true}, {"127.0.0.2", true}, {"localhost", true}, {"LOCALHOST.:80", true},
		{"[::1]:7788", true}, {"::1", true}, {"0.0.0.0:7788", false}, {"192.168.1.5", false},
		{"localhost.evil.example", false}, {"127.0.0.1.nip.io", false}, {"", false},
	}
	for _, tt := range tests {
		if got := httpapi.IsLoopbackHost(tt.host); got != tt.want {
			t.Errorf("IsLoopbackHost(%q): got %v, want %v", tt.host, got, tt.want)
		}
	}
}

// TestEventsRelayImport starts an import over HTTP and reads its progress
// and its end from the event stream, as the browser does.
func TestEventsRelayImport(t *testing.T) {
	svc := newService(t)
	dir := filepath.Join("..", "testdata", "seeds")
	roots, err := app.NewImportRoots([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(httpapi.New(svc, httpapi.Options{ImportRoots: roots}))
	defer srv.Close()

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", srv.URL+"/api/events", nil)
	req.Header.Set("Accept", "text/event-stream") // as EventSource asks; without it the path lists events
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if ct := res.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("Content-Type: got %q, want text/event-stream", ct)
	}

	abs, _ := filepath.Abs(dir)
	body, _ := json.Marshal(map[string][]string{"paths": {abs}})
	post, err := http.Post(srv.URL+"/api/import", "application/json", strings.NewReader(string(body)))
	if err != nil {
		t.Fatal(err)
	}
	var started struct{ JobID string }
	_ = json.NewDecoder(post.Body).Decode(&started)
	post.Body.Close()
	if post.StatusCode != http.StatusAccepted || started.JobID == "" {
		t.Fatalf("POST /api/import: got %d %+v, want 202 and a job id", post.StatusCode, started)
	}

	done := readEvent(t, res.Body, "job:done")
	var d struct {
		JobID  string `json:"jobId"`
		Error  string `json:"error"`
		Result struct {
			FilesSeen      int `json:"files_seen"`
			AlreadyPresent int `json:"already_present"`
		} `json:"result"`
	}
	if err := json.Unmarshal([]byte(done), &d); err != nil {
		t.Fatalf("job:done data %q: %v", done, err)
	}
	if d.JobID != started.JobID || d.Error != "" || d.Result.FilesSeen != 5 || d.Result.AlreadyPresent != 5 {
		t.Errorf("job:done: got %+v, want job %s with 5 files seen, all already present", d, started.JobID)
	}
}

// readEvent returns the data of the first event named name.
func readEvent(t *testing.T, r io.Reader, name string) string {
	t.Helper()
	buf := make([]byte, 0, 4096)
	tmp := make([]byte, 1024)
	for {
		evs := strings.Split(string(buf), "\n\n")
		// The last piece is not ended by a blank line yet: an event read in
		// part, whose data would be cut.
		for _, ev := range evs[:len(evs)-1] {
			if strings.HasPrefix(ev, "event: "+name+"\n") {
				return strings.TrimPrefix(strings.SplitN(ev, "\n", 2)[1], "data: ")
			}
		}
		n, err := r.Read(tmp)
		if err != nil {
			t.Fatalf("event stream ended before %s: %v (read %q)", name, err, buf)
		}
		buf = append(buf, tmp[:n]...)
	}
}
