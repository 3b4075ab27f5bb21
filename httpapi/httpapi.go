// Package httpapi serves StoryDiff's JSON API and the embedded frontend for
// `storydiff serve`, over the same app service the desktop window binds.
// It only translates between HTTP and the service: no logic lives here.
package httpapi

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"net/http"
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
	// ImportRoots are the folders POST /api/import may read article files
	// from; nil imports nothing, so that whoever reaches the port cannot
	// make the archive read any file of the machine.
	ImportRoots *app.ImportRoots
}

// CSP is the Content-Security-Policy sent with every response: the page may
// load scripts, styles and data only from itself, never inline script, and
// cannot be framed.
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
	"connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

type server struct {
	ui     *app.UI
	events *Broker
}

// New returns the handler for `storydiff serve`. It becomes svc's emitter,
// so job events reach browsers through GET /api/events.
func New(svc *app.Service, opts Options) http.Handler {
	s := &server{ui: app.NewUI(svc), events: NewBroker()}
	s.ui.SetEmitter(s.events)
	s.ui.RestrictImports(opts.ImportRoots)

	api := http.NewServeMux()
	api.HandleFunc("GET /api/articles", reply(http.StatusOK, s.listArticles))
	api.HandleFunc("GET /api/articles/{ref...}", reply(http.StatusOK, s.getArticle))
	api.HandleFunc("GET /api/search", reply(http.StatusOK, s.search))
	api.HandleFunc("GET /api/search/page", reply(http.StatusOK, s.searchPage))
	api.HandleFunc("GET /api/search/export", s.searchExport)
	api.HandleFunc("GET /api/facets", reply(http.StatusOK, s.facets))
	api.HandleFunc("POST /api/import", reply(http.StatusAccepted, s.startImport))
	api.HandleFunc("POST /api/jobs/{id}/cancel", reply(http.StatusOK, s.cancelJob))
	s.analysisRoutes(api)
	s.eventRoutes(api)
	s.pictureRoutes(api)
	s.curationRoutes(api)
	api.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, r, core.Errorf(core.ENOTFOUND, "no API endpoint %s %s", r.Method, r.URL.Path))
	})

	mux := http.NewServeMux()
	mux.Handle("/api/", requireToken(opts.Token, sameOrigin(api)))
	mux.Handle("/", frontend(opts.Frontend))
	return securityHeaders(checkHost(opts.Token != "", mux))
}

func (s *server) listArticles(w http.ResponseWriter, r *http.Request) (any, error) {
	v := r.URL.Query()
	req := app.ListRequest{
		Sort: v.Get("sort"), Outlet: v.Get("outlet"), Language: v.Get("language"),
		From: v.Get("from"), To: v.Get("to"), Badge: v.Get("badge"), Tag: v.Get("tag"),
	}
	var err error
	if req.Offset, err = app.ParseCount("offset", v.Get("offset")); err != nil {
		return nil, err
	}
	if req.Limit, err = app.ParseCount("limit", v.Get("limit")); err != nil {
		return nil, err
	}
	if req.Desc, err = app.ParseFlag("desc", v.Get("desc")); err != nil {
		return nil, err
	}
	return s.ui.ListArticles(r.Context(), req)
}

func (s *server) getArticle(w http.ResponseWriter, r *http.Request) (any, error) {
	return s.ui.GetArticle(r.Context(), r.PathValue("ref"))
}

func (s *server) search(w http.ResponseWriter, r *http.Request) (any, error) {
	v := r.URL.Query()
	limit, err := app.ParseCount("limit", v.Get("limit"))
	if err != nil {
		return nil, err
	}
	return s.ui.Search(r.Context(), v.Get("q"), limit)
}

// searchRequest reads a search with the library's filters from the query.
func searchRequest(r *http.Request) (app.SearchRequest, error) {
	v := r.URL.Query()
	req := app.SearchRequest{Query: v.Get("q"), Outlet: v.Get("outlet"), Language: v.Get("language"),
		From: v.Get("from"), To: v.Get("to"), Badge: v.Get("badge"), Tag: v.Get("tag")}
	var err error
	if req.Offset, err = app.ParseCount("offset", v.Get("offset")); err != nil {
		return req, err
	}
	if req.Limit, err = app.ParseCount("limit", v.Get("limit")); err != nil {
		return req, err
	}
	if req.Prefix, err = app.ParseFlag("prefix", v.Get("prefix")); err != nil {
		return req, err
	}
	return req, nil
}

func (s *server) searchPage(w http.ResponseWriter, r *http.Request) (any, error) {
	req, err := searchRequest(r)
	if err != nil {
		return nil, err
	}
	return s.ui.SearchArticles(r.Context(), req)
}

// searchExport downloads every hit of a search as CSV or JSON.
func (s *server) searchExport(w http.ResponseWriter, r *http.Request) {
	req, err := searchRequest(r)
	if err != nil {
		writeError(w, r, err)
		return
	}
	format := r.URL.Query().Get("format")
	name, err := s.ui.SearchExportName(req, format)
	if err != nil {
		writeError(w, r, err)
		return
	}
	var buf bytes.Buffer
	if err := s.ui.ExportSearch(r.Context(), req, format, &buf); err != nil {
		writeError(w, r, err)
		return
	}
	extendWrite(w, reportWriteWindow)
	ct := "text/csv; charset=utf-8"
	if format == "json" {
		ct = "application/json"
	}
	w.Header().Set("Content-Type", ct)
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="%s"`, name))
	w.Header().Set("Cache-Control", "no-store")
	_, _ = w.Write(buf.Bytes())
}

func (s *server) facets(w http.ResponseWriter, r *http.Request) (any, error) {
	return s.ui.Facets(r.Context())
}

func (s *server) startImport(w http.ResponseWriter, r *http.Request) (any, error) {
	var body struct {
		Paths []string `json:"paths"`
	}
	if err := readJSON(w, r, &body); err != nil {
		return nil, err
	}
	return s.ui.StartImport(body.Paths)
}

func (s *server) cancelJob(w http.ResponseWriter, r *http.Request) (any, error) {
	return struct{}{}, s.ui.CancelJob(r.PathValue("id"))
}

// readJSON decodes a small JSON body: one value with only the fields the
// call knows, and nothing after it. Requiring the JSON content type also
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
	// A body with more after its value is not the request the client
	// meant: acting on its first part would record what nobody asked for.
	if err := dec.Decode(&json.RawMessage{}); err != io.EOF {
		return core.Errorf(core.EINVALID, "the request body holds more than one JSON value: send one")
	}
	return nil
}
