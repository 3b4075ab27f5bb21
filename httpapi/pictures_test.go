package httpapi_test

import (
	"context"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/storydiff/storydiff/app"
	"github.com/storydiff/storydiff/httpapi"
)

func init() { app.SetSampleArticles(os.DirFS("../testdata/seeds")) }

// The first run through the API: an empty archive, the sample opened in one
// call, the pictures' data read from it, and back to the empty archive.
func TestFirstRunAndPictureRoutes(t *testing.T) {
	svc, err := app.Open(context.Background(), filepath.Join(t.TempDir(), "archive.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer svc.Close()
	h := httpapi.New(svc, httpapi.Options{Frontend: ui})
	type archive struct {
		Articles    int
		Sample      bool
		SampleReady bool `json:"sample_ready"`
	}
	var thread, event int64
	runCases(t, h, []apiCase{
		{"an empty archive", request{target: "/api/archive"}, 200, func(t *testing.T, w *httptest.ResponseRecorder) {
			if a := decode[archive](t, w); a.Articles != 0 || a.Sample || a.SampleReady {
				t.Errorf("got %+v, want the empty archive and no sample", a)
			}
		}},
		{"open the sample", request{method: "POST", target: "/api/sample"}, 200, func(t *testing.T, w *httptest.ResponseRecorder) {
			smp := decode[app.SampleArchive](t, w)
			if smp.Count != 6 || smp.Thread == 0 || smp.Event == 0 {
				t.Fatalf("got %+v", smp)
			}
			thread, event = smp.Thread, smp.Event
		}},
		{"the library shows the sample", request{target: "/api/articles"}, 200, func(t *testing.T, w *httptest.ResponseRecorder) {
			if l := decode[listBody](t, w); l.Total != 6 {
				t.Errorf("%d articles, want 6", l.Total)
			}
		}},
		{"the archive says it is the sample", request{target: "/api/archive"}, 200, func(t *testing.T, w *httptest.ResponseRecorder) {
			if a := decode[archive](t, w); !a.Sample || a.Articles != 6 {
				t.Errorf("got %+v", a)
			}
		}},
	})
	runCases(t, h, []apiCase{
		{"a thread's graph", request{target: "/api/reuse?thread=" + strconv.FormatInt(thread, 10)}, 200, func(t *testing.T, w *httptest.ResponseRecorder) {
			if g := decode[app.ReuseGraph](t, w); len(g.Articles) != 6 || len(g.Links) == 0 {
				t.Errorf("got %d articles and %d links", len(g.Articles), len(g.Links))
			}
		}},
		{"an event's graph", request{target: "/api/reuse?event=" + strconv.FormatInt(event, 10)}, 200, nil},
		{"a search's graph", request{target: "/api/reuse?q=Austin&limit=10"}, 200, nil},
		{"a graph of nothing", request{target: "/api/reuse"}, 400, nil},
		{"a bad event id", request{target: "/api/reuse?event=x"}, 400, nil},
		{"the overview", request{target: "/api/overview?period=week&split=language"}, 200, func(t *testing.T, w *httptest.ResponseRecorder) {
			if o := decode[app.Overview](t, w); o.Articles != 6 || o.Period != "week" || o.Split != "language" {
				t.Errorf("got %+v", o)
			}
		}},
		{"a bad period", request{target: "/api/overview?period=year"}, 400, nil},
		{"back to the user's archive", request{method: "POST", target: "/api/sample/leave"}, 200, func(t *testing.T, w *httptest.ResponseRecorder) {
			if a := decode[archive](t, w); a.Sample || a.Articles != 0 || !a.SampleReady {
				t.Errorf("got %+v", a)
			}
		}},
	})
}
