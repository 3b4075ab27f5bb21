package httpapi_test

import (
	"context"
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/storydiff/storydiff/app"
	"github.com/storydiff/storydiff/httpapi"
)

func TestAlignRoutes(t *testing.T) {
	svc := newService(t)
	if _, err := svc.Analyze(context.Background(), app.AnalyzeOptions{}, nil); err != nil {
		t.Fatal(err)
	}
	st, err := svc.StoryOf(context.Background(), "003_d2567b8d7e929331.txt")
	if err != nil || st == nil {
		t.Fatalf("story of 003: %v %v", st, err)
	}
	h := httpapi.New(svc, httpapi.Options{Frontend: ui})
	const a, b = "003_d2567b8d7e929331.txt", "004_0cbc97742eea5343.txt"
	type span struct {
		Start, End int
		Text       string
	}
	type rows struct {
		A, B int64
		Mode string
		Rows []struct {
			A, B  *span
			Score float64
			Moved bool
			Ops   []struct{ Kind, Text string }
		}
	}
	runCases(t, h, []apiCase{
		{"align 003 with 004", request{target: "/api/align?a=" + a + "&b=" + b}, 200, func(t *testing.T, w *httptest.ResponseRecorder) {
			r := decode[rows](t, w)
			if r.Mode != "aligned" || r.A == 0 || r.B == 0 || len(r.Rows) == 0 {
				t.Fatalf("got mode %q, a %d, b %d, %d rows; want the aligned rows of two articles", r.Mode, r.A, r.B, len(r.Rows))
			}
			paired := 0
			for _, row := range r.Rows {
				if row.A != nil && row.B != nil {
					paired++
				}
				if len(row.Ops) == 0 {
					t.Errorf("a row without ops: %+v", row)
				}
			}
			if paired == 0 {
				t.Error("no sentence of 003 is paired with one of 004")
			}
		}},
		{"align forced to the word diff", request{target: "/api/align?a=" + a + "&b=" + b + "&mode=diff"}, 200, func(t *testing.T, w *httptest.ResponseRecorder) {
			if r := decode[rows](t, w); r.Mode != "diff" {
				t.Errorf("got mode %q, want diff", r.Mode)
			}
		}},
		{"align in an unknown mode", request{target: "/api/align?a=1&b=2&mode=words"}, 400, wantCode("invalid")},
		{"align needs both sides", request{target: "/api/align?a=1"}, 400, wantCode("invalid")},
		{"align of an unknown article", request{target: "/api/align?a=1&b=nothing.txt"}, 404, wantCode("not_found")},
		{"collation of the story of 003", request{target: fmt.Sprintf("/api/collation?story=%d", st.ID)}, 200, func(t *testing.T, w *httptest.ResponseRecorder) {
			c := decode[struct {
				Story    int64
				Versions []int64
				Articles []struct {
					ID    int64
					Title string
				}
				Rows []struct {
					Cells []*struct{ Article int64 }
					First int64
					Count int
				}
			}](t, w)
			if c.Story != st.ID || len(c.Versions) != len(st.Articles) || len(c.Articles) != len(c.Versions) || len(c.Rows) == 0 {
				t.Fatalf("got story %d, %d versions, %d headers, %d rows", c.Story, len(c.Versions), len(c.Articles), len(c.Rows))
			}
			for i, v := range c.Versions {
				if v != st.Articles[i].ID || c.Articles[i].ID != v || c.Articles[i].Title != st.Articles[i].Title {
					t.Errorf("version %d: %d with header %+v; the story has %+v there", i, v, c.Articles[i], st.Articles[i])
				}
			}
			for k, r := range c.Rows {
				if len(r.Cells) != len(c.Versions) || r.First == 0 || r.Count < 1 {
					t.Errorf("row %d: %d cells, first %d, count %d", k, len(r.Cells), r.First, r.Count)
				}
			}
		}},
		{"a pair report as the view shows it, in the word diff", request{target: "/api/report?kind=pair&format=md&align=diff&a=" + a + "&b=" + b}, 200, func(t *testing.T, w *httptest.ResponseRecorder) {
			aligned := do(h, request{target: "/api/report?kind=pair&format=md&align=aligned&a=" + a + "&b=" + b})
			if aligned.Code != 200 || aligned.Body.String() == w.Body.String() {
				t.Errorf("the aligned report (status %d) is the word-diff report: align is not passed on", aligned.Code)
			}
		}},
		{"a pair report with an unknown alignment", request{target: "/api/report?kind=pair&format=md&align=words&a=1&b=2"}, 400, wantCode("invalid")},
		{"collation needs a story", request{target: "/api/collation"}, 400, wantCode("invalid")},
		{"collation of a story that is not a number", request{target: "/api/collation?story=abc"}, 400, wantCode("invalid")},
		{"collation of an unknown story", request{target: "/api/collation?story=999"}, 404, func(t *testing.T, w *httptest.ResponseRecorder) {
			if !strings.Contains(w.Body.String(), "999") {
				t.Errorf("the error does not name the story: %s", w.Body.String())
			}
		}},
	})
}
