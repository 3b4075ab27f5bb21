package httpapi

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/storydiff/storydiff/app"
	"github.com/storydiff/storydiff/core"
)

// Routes for the first run (which archive is shown, the sample archive) and
// for the pictures: the reuse graph behind timelines and networks, and the
// archive overview.
func (s *server) pictureRoutes(mux *http.ServeMux) {
	mux.HandleFunc("GET /api/archive", reply(http.StatusOK, s.archive))
	mux.HandleFunc("POST /api/sample", reply(http.StatusOK, s.openSample))
	mux.HandleFunc("POST /api/sample/leave", reply(http.StatusOK, s.leaveSample))
	mux.HandleFunc("GET /api/reuse", reply(http.StatusOK, s.reuse))
	mux.HandleFunc("GET /api/overview", reply(http.StatusOK, s.overview))
}

func (s *server) archive(w http.ResponseWriter, r *http.Request) (any, error) {
	return s.ui.Archive(r.Context())
}

func (s *server) openSample(w http.ResponseWriter, r *http.Request) (any, error) {
	return s.ui.OpenSample(r.Context())
}

func (s *server) leaveSample(w http.ResponseWriter, r *http.Request) (any, error) {
	return s.ui.LeaveSample(r.Context())
}

// optionalID reads ?name= as a positive id, 0 when absent.
func optionalID(r *http.Request, name string) (int64, error) {
	v := strings.TrimSpace(r.URL.Query().Get(name))
	if v == "" {
		return 0, nil
	}
	id, err := strconv.ParseInt(v, 10, 64)
	if err != nil || id <= 0 {
		return 0, core.Errorf(core.EINVALID, "%s must be a positive number, not %q", name, v)
	}
	return id, nil
}

// reuse answers ?event=ID, ?thread=ID or ?q=SEARCH (with ?limit=).
func (s *server) reuse(w http.ResponseWriter, r *http.Request) (any, error) {
	var req app.ReuseRequest
	var err error
	if req.Event, err = optionalID(r, "event"); err != nil {
		return nil, err
	}
	if req.Thread, err = optionalID(r, "thread"); err != nil {
		return nil, err
	}
	if req.Limit, err = app.ParseCount("limit", r.URL.Query().Get("limit")); err != nil {
		return nil, err
	}
	req.Query = r.URL.Query().Get("q")
	return s.ui.Reuse(r.Context(), req)
}

func (s *server) overview(w http.ResponseWriter, r *http.Request) (any, error) {
	q := r.URL.Query()
	return s.ui.Overview(r.Context(), app.OverviewRequest{Period: q.Get("period"), Outlet: q.Get("outlet"),
		Language: q.Get("language"), Split: q.Get("split")})
}
