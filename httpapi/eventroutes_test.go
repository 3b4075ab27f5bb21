package httpapi_test

import (
	"context"
	"net/http/httptest"
	"strconv"
	"testing"

	"github.com/storydiff/storydiff/app"
	"github.com/storydiff/storydiff/core"
	"github.com/storydiff/storydiff/httpapi"
)

func TestEventRoutes(t *testing.T) {
	svc := newService(t)
	ctx := context.Background()
	if _, err := svc.Analyze(ctx, app.AnalyzeOptions{}, nil); err != nil {
		t.Fatal(err)
	}
	// Two events whatever analysis made of the seeds: 000 and 001 one, the
	// rest another.
	for _, c := range []core.Correction{
		{Kind: core.CorrectSame, A: 1, B: 2}, {Kind: core.CorrectSame, A: 3, B: 4}, {Kind: core.CorrectSame, A: 3, B: 5},
		{Kind: core.CorrectNotSame, A: 1, B: 3},
	} {
		if _, err := svc.Correct(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	first, err := svc.EventOf(ctx, "1")
	if err != nil || first == nil {
		t.Fatalf("event of 1: %v %v", first, err)
	}
	id := strconv.FormatInt(first.ID, 10)
	h := httpapi.New(svc, httpapi.Options{Frontend: ui})
	json := map[string]string{"Content-Type": "application/json"}
	type event struct {
		ID       int64
		Articles []struct{ ID int64 }
	}
	runCases(t, h, []apiCase{
		{"events, largest first", request{target: "/api/events"}, 200, func(t *testing.T, w *httptest.ResponseRecorder) {
			evs := decode[[]event](t, w)
			if len(evs) != 2 || len(evs[0].Articles) != 3 || len(evs[1].Articles) != 2 {
				t.Errorf("got %+v, want the events of three and two articles", evs)
			}
		}},
		{"events by page", request{target: "/api/events?offset=1&limit=1"}, 200, func(t *testing.T, w *httptest.ResponseRecorder) {
			if evs := decode[[]event](t, w); len(evs) != 1 || evs[0].ID != first.ID {
				t.Errorf("got %+v, want event %d", evs, first.ID)
			}
		}},
		{"events matching a title", request{target: "/api/events?q=ceasefire"}, 200, func(t *testing.T, w *httptest.ResponseRecorder) {
			if evs := decode[[]event](t, w); len(evs) != 1 || evs[0].ID != first.ID {
				t.Errorf("got %+v, want event %d", evs, first.ID)
			}
		}},
		{"events with a bad offset", request{target: "/api/events?offset=-1"}, 400, wantCode("invalid")},
		{"one event", request{target: "/api/events/" + id}, 200, func(t *testing.T, w *httptest.ResponseRecorder) {
			if e := decode[event](t, w); e.ID != first.ID || len(e.Articles) != 2 {
				t.Errorf("got %+v", e)
			}
		}},
		{"no such event", request{target: "/api/events/999"}, 404, wantCode("not_found")},
		{"a bad event id", request{target: "/api/events/x"}, 400, wantCode("invalid")},
		{"the event of an article", request{target: "/api/event?ref=2"}, 200, func(t *testing.T, w *httptest.ResponseRecorder) {
			if e := decode[event](t, w); e.ID != first.ID {
				t.Errorf("got %+v, want event %d", e, first.ID)
			}
		}},
		{"threads", request{target: "/api/threads?limit=5"}, 200, func(t *testing.T, w *httptest.ResponseRecorder) {
			for _, th := range decode[[]core.Thread](t, w) {
				if len(th.Events) < 2 {
					t.Errorf("thread %+v has fewer than two events", th)
				}
			}
		}},
		{"no such thread", request{target: "/api/threads/999"}, 404, wantCode("not_found")},
		{"explain", request{target: "/api/explain?a=4&b=5"}, 200, func(t *testing.T, w *httptest.ResponseRecorder) {
			e := decode[core.Explanation](t, w)
			if e.A != 4 || e.B != 5 || !e.SameEvent || len(e.Evidence) == 0 {
				t.Errorf("got %+v", e)
			}
		}},
		{"explain needs b", request{target: "/api/explain?a=4"}, 400, wantCode("invalid")},
		{"related", request{target: "/api/related?ref=4&limit=2"}, 200, func(t *testing.T, w *httptest.ResponseRecorder) {
			if r := decode[[]core.Explanation](t, w); len(r) != 2 || r[0].A != 4 {
				t.Errorf("got %+v", r)
			}
		}},
		{"a correction", request{method: "POST", target: "/api/corrections", header: json,
			body: `{"kind":"remove","a":2}`}, 200, func(t *testing.T, w *httptest.ResponseRecorder) {
			evs := decode[[]core.Event](t, w)
			if len(evs) != 2 {
				t.Errorf("remove touched %+v, want the event left and the one made", evs)
			}
		}},
		{"a correction of an unknown kind", request{method: "POST", target: "/api/corrections", header: json,
			body: `{"kind":"perhaps","a":2}`}, 400, wantCode("invalid")},
		{"corrections", request{target: "/api/corrections"}, 200, func(t *testing.T, w *httptest.ResponseRecorder) {
			cs := decode[[]core.Correction](t, w)
			if len(cs) != 5 || cs[4].Kind != "remove" || cs[4].A != 2 {
				t.Errorf("got %+v, want five with the removal last", cs)
			}
		}},
		{"stories still answer", request{target: "/api/stories"}, 200, nil},
	})
}
