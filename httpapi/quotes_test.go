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

type quoteJSON struct {
	ID    int64  `json:"id"`
	Quote string `json:"quote"`
	First struct {
		Article int64 `json:"article"`
	} `json:"first"`
	Count    int `json:"count"`
	Articles []struct {
		Article int64  `json:"article"`
		Title   string `json:"title"`
	} `json:"articles"`
}

func TestQuotesRoute(t *testing.T) {
	svc := newService(t)
	ctx := context.Background()
	if _, err := svc.Analyze(ctx, app.AnalyzeOptions{}, nil); err != nil {
		t.Fatal(err)
	}
	const seed002, seed004 = "002_965cdb6d1926d39b.txt", "004_0cbc97742eea5343.txt"
	id002, err := svc.Resolve(ctx, seed002)
	if err != nil {
		t.Fatal(err)
	}
	st, err := svc.StoryOf(ctx, seed004)
	if err != nil || st == nil {
		t.Fatalf("story of 004: %v %v", st, err)
	}
	h := httpapi.New(svc, httpapi.Options{Frontend: ui})
	ryder := func(t *testing.T, w *httptest.ResponseRecorder) {
		t.Helper()
		for _, q := range decode[[]quoteJSON](t, w) {
			if strings.Contains(q.Quote, "lines of communication amid") {
				if q.First.Article != id002 || q.Count != 2 || len(q.Articles) != 2 {
					t.Errorf("Ryder's readout: %+v, want 2 articles, first %d", q, id002)
				}
				return
			}
		}
		t.Errorf("no Ryder readout in %s", w.Body.String())
	}
	runCases(t, h, []apiCase{
		{"quotes of 004", request{target: "/api/quotes?ref=" + seed004}, 200, ryder},
		{"quotes of 004's story", request{target: fmt.Sprintf("/api/quotes?story=%d", st.ID)}, 200, ryder},
		{"the most carried quotes", request{target: "/api/quotes?limit=2"}, 200, func(t *testing.T, w *httptest.ResponseRecorder) {
			qs := decode[[]quoteJSON](t, w)
			if len(qs) != 2 || qs[0].Count < qs[1].Count || qs[0].Count < 2 {
				t.Errorf("got %+v, want two quotes, the first carried by 2 or more articles", qs)
			}
		}},
		{"past the last quote", request{target: "/api/quotes?offset=100000&limit=5"}, 200, func(t *testing.T, w *httptest.ResponseRecorder) {
			if b := strings.TrimSpace(w.Body.String()); b != "[]" {
				t.Errorf("got %s, want []", b)
			}
		}},
		{"a bad story", request{target: "/api/quotes?story=x"}, 400, wantCode("invalid")},
		{"a bad limit", request{target: "/api/quotes?limit=-1"}, 400, wantCode("invalid")},
		{"both an article and a story", request{target: fmt.Sprintf("/api/quotes?ref=1&story=%d", st.ID)}, 400, wantCode("invalid")},
		{"an unknown article", request{target: "/api/quotes?ref=nope.txt"}, 404, wantCode("not_found")},
	})
}
