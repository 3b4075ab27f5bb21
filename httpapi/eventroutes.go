package httpapi

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/storydiff/storydiff/app"
	"github.com/storydiff/storydiff/core"
)

// Routes over events and threads: lists, one of each, explanations,
// related articles and corrections.
func (s *server) eventRoutes(mux *http.ServeMux) {
	// One path, two answers: a browser's EventSource (Accept:
	// text/event-stream) gets the job stream it always got there, any
	// other request the list of events.
	list := reply(http.StatusOK, s.eventList)
	mux.HandleFunc("GET /api/events", func(w http.ResponseWriter, r *http.Request) {
		if strings.Contains(r.Header.Get("Accept"), "text/event-stream") {
			s.events.ServeHTTP(w, r)
			return
		}
		list(w, r)
	})
	mux.HandleFunc("GET /api/events/{id}", reply(http.StatusOK, s.event))
	mux.HandleFunc("GET /api/event", reply(http.StatusOK, byRef(s.ui.EventOf)))
	mux.HandleFunc("GET /api/threads", reply(http.StatusOK, s.threads))
	mux.HandleFunc("GET /api/threads/{id}", reply(http.StatusOK, s.thread))
	mux.HandleFunc("GET /api/explain", reply(http.StatusOK, s.explain))
	mux.HandleFunc("GET /api/related", reply(http.StatusOK, s.related))
	mux.HandleFunc("POST /api/corrections", reply(http.StatusOK, s.correct))
	mux.HandleFunc("GET /api/corrections", reply(http.StatusOK, s.corrections))
}

// pathID reads the {id} of a route: a positive number.
func pathID(r *http.Request, what string) (int64, error) {
	v := r.PathValue("id")
	id, err := strconv.ParseInt(v, 10, 64)
	if err != nil || id <= 0 {
		return 0, core.Errorf(core.EINVALID, "%s id must be a positive number, not %q", what, v)
	}
	return id, nil
}

func (s *server) eventList(w http.ResponseWriter, r *http.Request) (any, error) {
	pg, err := page(r)
	if err != nil {
		return nil, err
	}
	return s.ui.Events(r.Context(), strings.TrimSpace(r.URL.Query().Get("q")), pg)
}

func (s *server) event(w http.ResponseWriter, r *http.Request) (any, error) {
	id, err := pathID(r, "an event")
	if err != nil {
		return nil, err
	}
	return s.ui.Event(r.Context(), id)
}

func (s *server) threads(w http.ResponseWriter, r *http.Request) (any, error) {
	pg, err := page(r)
	if err != nil {
		return nil, err
	}
	return s.ui.Threads(r.Context(), strings.TrimSpace(r.URL.Query().Get("q")), pg)
}

func (s *server) thread(w http.ResponseWriter, r *http.Request) (any, error) {
	id, err := pathID(r, "a thread")
	if err != nil {
		return nil, err
	}
	return s.ui.Thread(r.Context(), id)
}

func (s *server) explain(w http.ResponseWriter, r *http.Request) (any, error) {
	a, err := required(r, "a")
	if err != nil {
		return nil, err
	}
	b, err := required(r, "b")
	if err != nil {
		return nil, err
	}
	return s.ui.Explain(r.Context(), a, b)
}

func (s *server) related(w http.ResponseWriter, r *http.Request) (any, error) {
	ref, err := required(r, "ref")
	if err != nil {
		return nil, err
	}
	limit, err := app.ParseCount("limit", r.URL.Query().Get("limit"))
	if err != nil {
		return nil, err
	}
	return s.ui.Related(r.Context(), ref, limit)
}

func (s *server) correct(w http.ResponseWriter, r *http.Request) (any, error) {
	var c core.Correction
	if err := readJSON(w, r, &c); err != nil {
		return nil, err
	}
	return s.ui.Correct(r.Context(), c)
}

func (s *server) corrections(w http.ResponseWriter, r *http.Request) (any, error) {
	return s.ui.Corrections(r.Context())
}
