package httpapi

import (
	"bytes"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/storydiff/storydiff/app"
	"github.com/storydiff/storydiff/core"
)

// Routes over the analysis: repeats, similar articles, stories, duplicate
// groups, comparisons, judgements and reports.
func (s *server) analysisRoutes(mux *http.ServeMux) {
	mux.HandleFunc("POST /api/analyze", s.startAnalyze)
	mux.HandleFunc("GET /api/repeats", s.repeats)
	mux.HandleFunc("GET /api/similar", s.similar)
	mux.HandleFunc("GET /api/story", s.storyOf)
	mux.HandleFunc("GET /api/stories", s.stories)
	mux.HandleFunc("GET /api/duplicates", s.duplicates)
	mux.HandleFunc("GET /api/compare", s.compare)
	mux.HandleFunc("POST /api/judge", s.judge)
	mux.HandleFunc("POST /api/keep", s.keep)
	mux.HandleFunc("GET /api/report", s.report)
}

func (s *server) startAnalyze(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Full bool `json:"full"`
	}
	if r.ContentLength != 0 {
		if err := readJSON(w, r, &body); err != nil {
			writeError(w, r, err)
			return
		}
	}
	writeJSON(w, http.StatusAccepted, app.JobStarted{JobID: s.svc.StartAnalyze(app.AnalyzeOptions{Full: body.Full})})
}

func required(r *http.Request, name string) (string, error) {
	v := strings.TrimSpace(r.URL.Query().Get(name))
	if v == "" {
		return "", core.Errorf(core.EINVALID, "missing %s", name)
	}
	return v, nil
}

// answer writes v, or err as an error.
func answer(w http.ResponseWriter, r *http.Request, v any, err error) {
	if err != nil {
		writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, v)
}

func (s *server) repeats(w http.ResponseWriter, r *http.Request) {
	ref, err := required(r, "ref")
	if err != nil {
		writeError(w, r, err)
		return
	}
	v, err := s.svc.Repeats(r.Context(), ref)
	answer(w, r, v, err)
}

func (s *server) similar(w http.ResponseWriter, r *http.Request) {
	ref, err := required(r, "ref")
	if err != nil {
		writeError(w, r, err)
		return
	}
	v, err := s.svc.Similar(r.Context(), ref)
	if v == nil && err == nil {
		answer(w, r, []struct{}{}, nil)
		return
	}
	answer(w, r, v, err)
}

func (s *server) storyOf(w http.ResponseWriter, r *http.Request) {
	ref, err := required(r, "ref")
	if err != nil {
		writeError(w, r, err)
		return
	}
	v, err := s.svc.StoryOf(r.Context(), ref)
	answer(w, r, v, err)
}

func (s *server) stories(w http.ResponseWriter, r *http.Request) {
	pg, err := page(r)
	if err != nil {
		writeError(w, r, err)
		return
	}
	v, err := s.svc.StoriesPage(r.Context(), pg)
	answer(w, r, v, err)
}

// page reads offset and limit (both optional: all items by default).
func page(r *http.Request) (app.Page, error) {
	var pg app.Page
	for _, f := range []struct {
		name string
		dst  *int
	}{{"offset", &pg.Offset}, {"limit", &pg.Limit}} {
		if v := r.URL.Query().Get(f.name); v != "" {
			n, err := strconv.Atoi(v)
			if err != nil || n < 0 {
				return pg, core.Errorf(core.EINVALID, "%s must be a whole number, not %q", f.name, v)
			}
			*f.dst = n
		}
	}
	return pg, nil
}

func (s *server) duplicates(w http.ResponseWriter, r *http.Request) {
	min := -1.0
	if v := r.URL.Query().Get("min"); v != "" {
		f, err := strconv.ParseFloat(v, 64)
		if err != nil || f < 0 || f > 1 {
			writeError(w, r, core.Errorf(core.EINVALID, "min must be a similarity between 0 and 1, not %q", v))
			return
		}
		min = f
	}
	pg, err := page(r)
	if err != nil {
		writeError(w, r, err)
		return
	}
	v, err := s.svc.DuplicateGroupsPage(r.Context(), min, pg)
	answer(w, r, v, err)
}

func compareOptions(r *http.Request) (app.CompareOptions, error) {
	q := r.URL.Query()
	minor, err := boolParam(q.Get("ignore_minor"), "ignore_minor")
	return app.CompareOptions{By: q.Get("by"), IgnoreMinor: minor}, err
}

func (s *server) compare(w http.ResponseWriter, r *http.Request) {
	a, err := required(r, "a")
	if err != nil {
		writeError(w, r, err)
		return
	}
	b, err := required(r, "b")
	if err != nil {
		writeError(w, r, err)
		return
	}
	opt, err := compareOptions(r)
	if err != nil {
		writeError(w, r, err)
		return
	}
	v, err := s.svc.Compare(r.Context(), a, b, opt)
	answer(w, r, v, err)
}

func (s *server) judge(w http.ResponseWriter, r *http.Request) {
	var body struct {
		A        string `json:"a"`
		B        string `json:"b"`
		Relation string `json:"relation"`
		Same     bool   `json:"same"`
		Note     string `json:"note"`
	}
	if err := readJSON(w, r, &body); err != nil {
		writeError(w, r, err)
		return
	}
	err := s.svc.Judge(r.Context(), body.A, body.B, body.Relation, body.Same, body.Note)
	s.marks.Invalidate()
	answer(w, r, struct{}{}, err)
}

func (s *server) keep(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Article string  `json:"article"`
		Group   []int64 `json:"group"`
	}
	if err := readJSON(w, r, &body); err != nil {
		writeError(w, r, err)
		return
	}
	err := s.svc.Keep(r.Context(), body.Article, body.Group)
	s.marks.Invalidate()
	answer(w, r, struct{}{}, err)
}

var reportTypes = map[string]string{
	"html": "text/html; charset=utf-8",
	"pdf":  "application/pdf",
	"md":   "text/markdown; charset=utf-8",
	"csv":  "text/csv; charset=utf-8",
	"json": "application/json",
}

// report sends a report as a download. It is a GET so that a plain link
// can fetch it; it is rendered into memory first so that an error is still
// reported as JSON rather than as half a file.
func (s *server) report(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	req := app.ReportRequest{Kind: q.Get("kind"), Format: q.Get("format"), Base: q.Get("base")}
	if req.Format == "" {
		req.Format = "html"
	}
	if a, b := q.Get("a"), q.Get("b"); a != "" || b != "" {
		req.Refs = []string{a, b}
	}
	var err error
	if v := q.Get("story"); v != "" {
		if req.StoryID, err = strconv.ParseInt(v, 10, 64); err != nil {
			writeError(w, r, core.Errorf(core.EINVALID, "story must be a story id, not %q", v))
			return
		}
	}
	if v := q.Get("min"); v != "" {
		if req.MinSimilarity, err = strconv.ParseFloat(v, 64); err != nil {
			writeError(w, r, core.Errorf(core.EINVALID, "min must be a similarity between 0 and 1, not %q", v))
			return
		}
	}
	if req.Compare, err = compareOptions(r); err != nil {
		writeError(w, r, err)
		return
	}
	var buf bytes.Buffer
	if err := s.svc.Report(r.Context(), req, &buf); err != nil {
		writeError(w, r, err)
		return
	}
	ct, ok := reportTypes[req.Format]
	if !ok {
		ct = "application/octet-stream"
	}
	w.Header().Set("Content-Type", ct)
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="storydiff-%s.%s"`, safeName(req.Kind), safeName(req.Format)))
	w.Header().Set("Cache-Control", "no-store")
	_, _ = w.Write(buf.Bytes())
}

// safeName keeps a header value to letters and digits.
func safeName(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, s)
}
