package httpapi

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/storydiff/storydiff/app"
	"github.com/storydiff/storydiff/core"
)

// Routes over the analysis: repeats, similar articles, stories, duplicate
// groups, comparisons, judgements and reports.
func (s *server) analysisRoutes(mux *http.ServeMux) {
	mux.HandleFunc("POST /api/analyze", reply(http.StatusAccepted, s.startAnalyze))
	mux.HandleFunc("GET /api/repeats", reply(http.StatusOK, byRef(s.ui.Repeats)))
	mux.HandleFunc("GET /api/similar", reply(http.StatusOK, byRef(s.ui.Similar)))
	mux.HandleFunc("GET /api/story", reply(http.StatusOK, byRef(s.ui.StoryOf)))
	mux.HandleFunc("GET /api/stories", reply(http.StatusOK, s.stories))
	mux.HandleFunc("GET /api/duplicates", reply(http.StatusOK, s.duplicates))
	mux.HandleFunc("GET /api/duplicates/queue", reply(http.StatusOK, s.duplicateQueue))
	mux.HandleFunc("GET /api/duplicates/paths", reply(http.StatusOK, s.severalPaths))
	mux.HandleFunc("POST /api/duplicates/review", reply(http.StatusOK, s.reviewDuplicates))
	mux.HandleFunc("GET /api/compare", reply(http.StatusOK, s.compare))
	mux.HandleFunc("GET /api/align", reply(http.StatusOK, s.align))
	mux.HandleFunc("GET /api/collation", reply(http.StatusOK, s.collation))
	mux.HandleFunc("POST /api/judge", reply(http.StatusOK, s.judge))
	mux.HandleFunc("POST /api/keep", reply(http.StatusOK, s.keep))
	mux.HandleFunc("GET /api/report", s.report)
	mux.HandleFunc("GET /api/quotes", reply(http.StatusOK, s.quotes))
}

// quotes answers ?ref=REF (an article's quotes), ?story=ID (a story's) or
// neither (the quotes carried by the most articles, a page at a time).
func (s *server) quotes(w http.ResponseWriter, r *http.Request) (any, error) {
	pg, err := page(r)
	if err != nil {
		return nil, err
	}
	var story int64
	if v := strings.TrimSpace(r.URL.Query().Get("story")); v != "" {
		if story, err = strconv.ParseInt(v, 10, 64); err != nil || story <= 0 {
			return nil, core.Errorf(core.EINVALID, "story must be a story id, not %q", v)
		}
	}
	return s.ui.Quotes(r.Context(), r.URL.Query().Get("ref"), story, pg)
}

func (s *server) startAnalyze(w http.ResponseWriter, r *http.Request) (any, error) {
	var body struct {
		Full bool `json:"full"`
	}
	if r.ContentLength != 0 {
		if err := readJSON(w, r, &body); err != nil {
			return nil, err
		}
	}
	return s.ui.StartAnalyze(body.Full), nil
}

func required(r *http.Request, name string) (string, error) {
	v := strings.TrimSpace(r.URL.Query().Get(name))
	if v == "" {
		return "", core.Errorf(core.EINVALID, "missing %s", name)
	}
	return v, nil
}

// byRef answers a question about one article, named by ?ref=.
func byRef[T any](call func(context.Context, string) (T, error)) func(http.ResponseWriter, *http.Request) (any, error) {
	return func(w http.ResponseWriter, r *http.Request) (any, error) {
		ref, err := required(r, "ref")
		if err != nil {
			return nil, err
		}
		return call(r.Context(), ref)
	}
}

// page reads offset and limit (both optional: all items by default).
func page(r *http.Request) (pg app.Page, err error) {
	q := r.URL.Query()
	if pg.Offset, err = app.ParseCount("offset", q.Get("offset")); err != nil {
		return pg, err
	}
	pg.Limit, err = app.ParseCount("limit", q.Get("limit"))
	return pg, err
}

func (s *server) stories(w http.ResponseWriter, r *http.Request) (any, error) {
	pg, err := page(r)
	if err != nil {
		return nil, err
	}
	return s.ui.Stories(r.Context(), pg)
}

func (s *server) duplicates(w http.ResponseWriter, r *http.Request) (any, error) {
	min, err := app.ParseSimilarity("min", r.URL.Query().Get("min"))
	if err != nil {
		return nil, err
	}
	pg, err := page(r)
	if err != nil {
		return nil, err
	}
	return s.ui.DuplicateGroups(r.Context(), min, pg)
}

// duplicateQueue answers ?min=&show=unreviewed|reviewed|all&offset=&limit=.
func (s *server) duplicateQueue(w http.ResponseWriter, r *http.Request) (any, error) {
	min, err := app.ParseSimilarity("min", r.URL.Query().Get("min"))
	if err != nil {
		return nil, err
	}
	pg, err := page(r)
	if err != nil {
		return nil, err
	}
	return s.ui.DuplicateQueue(r.Context(), app.DuplicateQuery{MinSimilarity: min, Show: r.URL.Query().Get("show"), Page: pg})
}

func (s *server) severalPaths(w http.ResponseWriter, r *http.Request) (any, error) {
	pg, err := page(r)
	if err != nil {
		return nil, err
	}
	return s.ui.SeveralPaths(r.Context(), pg)
}

// reviewDuplicates takes {"articles":[ids],"verdict":"duplicates"|
// "not_duplicates"|"","keep":id}.
func (s *server) reviewDuplicates(w http.ResponseWriter, r *http.Request) (any, error) {
	var body struct {
		Articles []int64 `json:"articles"`
		Verdict  string  `json:"verdict"`
		Keep     int64   `json:"keep"`
	}
	if err := readJSON(w, r, &body); err != nil {
		return nil, err
	}
	return struct{}{}, s.ui.ReviewDuplicates(r.Context(), body.Articles, body.Verdict, body.Keep)
}

func compareOptions(r *http.Request) (app.CompareOptions, error) {
	q := r.URL.Query()
	minor, err := app.ParseFlag("ignore_minor", q.Get("ignore_minor"))
	return app.CompareOptions{By: q.Get("by"), IgnoreMinor: minor}, err
}

func (s *server) compare(w http.ResponseWriter, r *http.Request) (any, error) {
	a, err := required(r, "a")
	if err != nil {
		return nil, err
	}
	b, err := required(r, "b")
	if err != nil {
		return nil, err
	}
	opt, err := compareOptions(r)
	if err != nil {
		return nil, err
	}
	return s.ui.Compare(r.Context(), a, b, opt)
}

func (s *server) judge(w http.ResponseWriter, r *http.Request) (any, error) {
	var body struct {
		A        string `json:"a"`
		B        string `json:"b"`
		Relation string `json:"relation"`
		Same     bool   `json:"same"`
		Note     string `json:"note"`
	}
	if err := readJSON(w, r, &body); err != nil {
		return nil, err
	}
	return struct{}{}, s.ui.Judge(r.Context(), body.A, body.B, body.Relation, body.Same, body.Note)
}

func (s *server) keep(w http.ResponseWriter, r *http.Request) (any, error) {
	var body struct {
		Article string  `json:"article"`
		Group   []int64 `json:"group"`
	}
	if err := readJSON(w, r, &body); err != nil {
		return nil, err
	}
	return struct{}{}, s.ui.Keep(r.Context(), body.Article, body.Group)
}

var reportTypes = map[string]string{
	"html": "text/html; charset=utf-8",
	"pdf":  "application/pdf",
	"md":   "text/markdown; charset=utf-8",
	"csv":  "text/csv; charset=utf-8",
	"json": "application/json",
}

func reportRequest(r *http.Request) (req app.ReportRequest, err error) {
	q := r.URL.Query()
	req = app.ReportRequest{Kind: q.Get("kind"), Format: q.Get("format"), Base: q.Get("base"), Align: q.Get("align")}
	if req.Format == "" {
		req.Format = "html"
	}
	if a, b := q.Get("a"), q.Get("b"); a != "" || b != "" {
		req.Refs = []string{a, b}
	}
	if v := q.Get("story"); v != "" {
		if req.StoryID, err = strconv.ParseInt(v, 10, 64); err != nil {
			return req, core.Errorf(core.EINVALID, "story must be a story id, not %q", v)
		}
	}
	if req.MinSimilarity, err = app.ParseSimilarity("min", q.Get("min")); err != nil {
		return req, err
	}
	if req.RawCSV, err = app.ParseFlag("raw_csv", q.Get("raw_csv")); err != nil {
		return req, err
	}
	if req.Full, err = app.ParseFlag("full", q.Get("full")); err != nil {
		return req, err
	}
	req.Compare, err = compareOptions(r)
	return req, err
}

// reportWriteWindow is how long sending a rendered report may take.
const reportWriteWindow = 2 * time.Minute

// report sends a report as a download. It is a GET so that a plain link
// can fetch it; it is rendered into memory first so that an error is still
// reported as JSON rather than as half a file.
func (s *server) report(w http.ResponseWriter, r *http.Request) {
	req, err := reportRequest(r)
	if err != nil {
		writeError(w, r, err)
		return
	}
	name, err := s.ui.ReportName(r.Context(), req)
	if err != nil {
		writeError(w, r, err)
		return
	}
	var buf bytes.Buffer
	if err := s.ui.Report(r.Context(), req, &buf); err != nil {
		writeError(w, r, err)
		return
	}
	// Rendering may have taken most of the write timeout: the download
	// gets a window of its own.
	extendWrite(w, reportWriteWindow)
	ct, ok := reportTypes[req.Format]
	if !ok {
		ct = "application/octet-stream"
	}
	w.Header().Set("Content-Type", ct)
	w.Header().Set("Content-Disposition", attachment(name))
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

// attachment is a Content-Disposition naming a download in both of RFC
// 6266's forms: the plain filename for old clients and filename* (RFC 8187)
// for the others. Report names hold only ASCII letters, digits, hyphens and
// a dot, so both say the same; anything else is escaped all the same.
func attachment(name string) string {
	plain := strings.Map(func(r rune) rune {
		if r < 0x20 || r >= 0x7f || r == '"' || r == '\\' {
			return '_'
		}
		return r
	}, name)
	return fmt.Sprintf(`attachment; filename="%s"; filename*=UTF-8''%s`, plain, url.PathEscape(name))
}
