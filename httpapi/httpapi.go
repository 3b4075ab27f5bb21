// Package httpapi serves StoryDiff's JSON API and the embedded frontend for
// `storydiff serve`, over the same app service the desktop window binds.
// It only translates between HTTP and the service: no logic lives here.
package httpapi

import (
	"encoding/json"
	"io/fs"
	"net/http"
	"strconv"
	"strings"

	"github.com/storydiff/storydiff/app"
	"github.com/storydiff/storydiff/core"
)

// Options configure the handler.
type Options struct {
	// Token, when set, must accompany every API request (Authorization:
	// Bearer, or ?token= for the event stream), and the Host header may then
	// be any name. Without a token only loopback host names are served.
	Token string
	// Frontend holds the built UI (index.html at its root); nil or empty
	// serves a page that says the UI was not built.
	Frontend fs.FS
}

// CSP is the Content-Security-Policy sent with every response: the page may
// load scripts, styles and data only from itself, never inline script, and
// cannot be framed.
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
	"connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

type server struct {
	svc    *app.Service
	events *Broker
	marks  *app.Marks
}

// New returns the handler for `storydiff serve`. It becomes svc's emitter,
// so job events reach browsers through GET /api/events.
func New(svc *app.Service, opts Options) http.Handler {
	s := &server{svc: svc, events: NewBroker(), marks: app.NewMarks(svc)}
	svc.SetEmitter(s.marks.Emitter(s.events))

	api := http.NewServeMux()
	api.HandleFunc("GET /api/articles", s.listArticles)
	api.HandleFunc("GET /api/articles/{ref...}", s.getArticle)
	api.HandleFunc("GET /api/search", s.search)
	api.HandleFunc("GET /api/facets", s.facets)
	api.HandleFunc("POST /api/import", s.startImport)
	api.HandleFunc("POST /api/jobs/{id}/cancel", s.cancelJob)
	api.Handle("GET /api/events", s.events)
	s.analysisRoutes(api)
	api.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, r, core.Errorf(core.ENOTFOUND, "no API endpoint %s %s", r.Method, r.URL.Path))
	})

	mux := http.NewServeMux()
	mux.Handle("/api/", requireToken(opts.Token, sameOrigin(api)))
	mux.Handle("/", frontend(opts.Frontend))
	return securityHeaders(checkHost(opts.Token != "", mux))
}

func (s *server) listArticles(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	req := app.ListRequest{
		Sort: v.Get("sort"), Outlet: v.Get("outlet"), Language: v.Get("language"),
		From: v.Get("from"), To: v.Get("to"), Badge: v.Get("badge"),
	}
	var err error
	if req.Offset, err = intParam(v.Get("offset"), 0, "offset"); err != nil {
		writeError(w, r, err)
		return
	}
	if req.Limit, err = intParam(v.Get("limit"), 100, "limit"); err != nil {
		writeError(w, r, err)
		return
	}
	if req.Desc, err = boolParam(v.Get("desc"), "desc"); err != nil {
		writeError(w, r, err)
		return
	}
	page, err := s.marks.List(r.Context(), req)
	if err != nil {
		writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, page)
}

func (s *server) getArticle(w http.ResponseWriter, r *http.Request) {
	d, err := s.svc.GetArticle(r.Context(), r.PathValue("ref"))
	if err != nil {
		writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, d)
}

func (s *server) search(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	limit, err := intParam(v.Get("limit"), 20, "limit")
	if err != nil {
		writeError(w, r, err)
		return
	}
	// Prefix matching lets results appear while the last word is typed.
	hits, err := s.svc.Search(r.Context(), v.Get("q"), core.SearchOptions{Limit: limit, Prefix: true})
	if err != nil {
		writeError(w, r, err)
		return
	}
	if hits == nil {
		hits = []core.SearchHit{}
	}
	writeJSON(w, http.StatusOK, hits)
}

func (s *server) facets(w http.ResponseWriter, r *http.Request) {
	f, err := s.svc.Facets(r.Context())
	if err != nil {
		writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, f)
}

func (s *server) startImport(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Paths []string `json:"paths"`
	}
	if err := readJSON(w, r, &body); err != nil {
		writeError(w, r, err)
		return
	}
	id, err := s.svc.StartImport(body.Paths, app.ImportOptions{})
	if err != nil {
		writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusAccepted, app.JobStarted{JobID: id})
}

func (s *server) cancelJob(w http.ResponseWriter, r *http.Request) {
	if err := s.svc.CancelJob(r.PathValue("id")); err != nil {
		writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, struct{}{})
}

func intParam(s string, def int, name string) (int, error) {
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return 0, core.Errorf(core.EINVALID, "%s must be a whole number, not %q", name, s)
	}
	return n, nil
}

func boolParam(s, name string) (bool, error) {
	switch strings.ToLower(s) {
	case "", "0", "false":
		return false, nil
	case "1", "true":
		return true, nil
	}
	return false, core.Errorf(core.EINVALID, "%s must be true or false, not %q", name, s)
}

// readJSON decodes a small JSON body. Requiring the JSON content type also
// keeps plain cross-site form posts out, since browsers cannot send it
// without a CORS preflight.
func readJSON(w http.ResponseWriter, r *http.Request, v any) error {
	if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		return core.Errorf(core.EINVALID, "send the request body as application/json")
	}
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return core.Errorf(core.EINVALID, "the request body is not valid JSON for this call: %v", err)
	}
	return nil
}
