package httpapi_test

import (
	"context"
	"fmt"
	"mime"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/storydiff/storydiff/app"
	"github.com/storydiff/storydiff/httpapi"
)

func TestAnalysisRoutes(t *testing.T) {
	svc := newService(t)
	if _, err := svc.Analyze(context.Background(), app.AnalyzeOptions{}, nil); err != nil {
		t.Fatal(err)
	}
	h := httpapi.New(svc, httpapi.Options{Frontend: ui})
	const a, b = "003_d2567b8d7e929331.txt", "004_0cbc97742eea5343.txt"
	runCases(t, h, []apiCase{
		{"repeats of seed 001", request{target: "/api/repeats?ref=001_d9fdc833d6f29732.txt"}, 200, func(t *testing.T, w *httptest.ResponseRecorder) {
			r := decode[[]struct {
				Passages []struct {
					Occurrences []struct{ Start, End int }
				}
			}](t, w)
			if len(r) != 1 || len(r[0].Passages) == 0 || len(r[0].Passages[0].Occurrences) < 2 {
				t.Errorf("got %+v, want a passage occurring at least twice", r)
			}
		}},
		{"repeats need a ref", request{target: "/api/repeats"}, 400, wantCode("invalid")},
		{"story of 003 holds 004", request{target: "/api/story?ref=" + a}, 200, func(t *testing.T, w *httptest.ResponseRecorder) {
			st := decode[struct {
				Articles []struct{ Title string }
			}](t, w)
			if len(st.Articles) < 2 {
				t.Errorf("got %+v, want at least two versions", st)
			}
		}},
		{"similar is a list", request{target: "/api/similar?ref=" + a}, 200, func(t *testing.T, w *httptest.ResponseRecorder) {
			if !strings.HasPrefix(w.Body.String(), "[") {
				t.Errorf("got %s, want a JSON list", w.Body.String())
			}
		}},
		{"stories", request{target: "/api/stories"}, 200, nil},
		{"the second story alone", request{target: "/api/stories?offset=1&limit=1"}, 200, func(t *testing.T, w *httptest.ResponseRecorder) {
			if sts := decode[[]struct{ ID int64 }](t, w); len(sts) != 1 {
				t.Errorf("got %d stories, want 1", len(sts))
			}
		}},
		{"stories past the last", request{target: "/api/stories?offset=1000&limit=10"}, 200, func(t *testing.T, w *httptest.ResponseRecorder) {
			if sts := decode[[]struct{ ID int64 }](t, w); len(sts) != 0 {
				t.Errorf("got %d stories, want none", len(sts))
			}
		}},
		{"stories with a bad limit", request{target: "/api/stories?limit=-3"}, 400, wantCode("invalid")},
		{"duplicates at the default threshold", request{target: "/api/duplicates"}, 200, nil},
		{"duplicates with a bad threshold", request{target: "/api/duplicates?min=2"}, 400, wantCode("invalid")},
		{"compare 003 with 004", request{target: "/api/compare?a=" + a + "&b=" + b + "&by=sentence&ignore_minor=true"}, 200, func(t *testing.T, w *httptest.ResponseRecorder) {
			c := decode[struct {
				Ops []struct {
					Op   string `json:"op"`
					Text string `json:"text"`
				} `json:"ops"`
			}](t, w)
			if len(c.Ops) == 0 {
				t.Errorf("got no ops")
			}
		}},
		{"compare with an unknown granularity", request{target: "/api/compare?a=1&b=2&by=page"}, 400, wantCode("invalid")},
		{"compare needs both sides", request{target: "/api/compare?a=1"}, 400, wantCode("invalid")},
		{"pair report as an HTML download", request{target: "/api/report?kind=pair&a=" + a + "&b=" + b + "&format=html"}, 200, func(t *testing.T, w *httptest.ResponseRecorder) {
			// Named for what it holds, in both of RFC 6266's forms.
			cd := w.Header().Get("Content-Disposition")
			name := regexp.MustCompile(`^attachment; filename="(storydiff-pair-\d+-vs-\d+-[a-z0-9-]+-\d{4}-\d\d-\d\d\.html)"; filename\*=UTF-8''(.+)$`).FindStringSubmatch(cd)
			if name == nil || name[1] != name[2] || !strings.Contains(name[1], "-ukraine-war-austin-") {
				t.Errorf("Content-Disposition: got %q", cd)
			}
			if _, params, err := mime.ParseMediaType(cd); err != nil || params["filename"] == "" {
				t.Errorf("Content-Disposition %q does not parse: %v", cd, err)
			}
			if !strings.Contains(strings.ToLower(w.Body.String()), "<html") {
				t.Errorf("body is not HTML: %.80s", w.Body.String())
			}
		}},
		{"archive report: a summary by default, every article with full=1", request{target: "/api/report?kind=archive&format=json"}, 200, func(t *testing.T, w *httptest.ResponseRecorder) {
			if r := decode[struct {
				Full     bool  `json:"full"`
				Articles []any `json:"articles"`
			}](t, w); r.Full || len(r.Articles) != 0 {
				t.Errorf("got full %v and %d articles, want a summary", r.Full, len(r.Articles))
			}
		}},
		{"archive report in full", request{target: "/api/report?kind=archive&format=json&full=1"}, 200, func(t *testing.T, w *httptest.ResponseRecorder) {
			if r := decode[struct {
				Full     bool  `json:"full"`
				Articles []any `json:"articles"`
			}](t, w); !r.Full || len(r.Articles) < 5 {
				t.Errorf("got full %v and %d articles, want every article", r.Full, len(r.Articles))
			}
		}},
		{"full takes a flag", request{target: "/api/report?kind=archive&full=maybe"}, 400, wantCode("invalid")},
		{"report of an unknown kind", request{target: "/api/report?kind=poem"}, 400, wantCode("invalid")},
		{"report with a threshold above 1", request{target: "/api/report?kind=duplicates&min=2"}, 400, wantCode("invalid")},
		{"badges: only seed 001 repeats itself", request{target: "/api/articles?badge=repeat"}, 200, func(t *testing.T, w *httptest.ResponseRecorder) {
			b := decode[struct {
				Total    int
				Articles []struct {
					Paths  []string
					Badges []string
				}
			}](t, w)
			if b.Total != 1 || len(b.Articles) != 1 || !strings.HasSuffix(b.Articles[0].Paths[0], "001_d9fdc833d6f29732.txt") {
				t.Fatalf("got %+v, want seed 001 alone", b)
			}
			if !contains(b.Articles[0].Badges, "repeat") {
				t.Errorf("badges: got %v, want repeat among them", b.Articles[0].Badges)
			}
		}},
		{"badges: the story badge marks the articles in events of two or more", request{target: "/api/articles?badge=story&sort=id"}, 200, func(t *testing.T, w *httptest.ResponseRecorder) {
			b := decode[listBody](t, w)
			var got []int64
			for _, a := range b.Articles {
				got = append(got, a.ID)
			}
			var want []int64
			for id := int64(1); id <= 5; id++ {
				if e, err := svc.EventOf(context.Background(), strconv.FormatInt(id, 10)); err == nil && e != nil && len(e.Articles) > 1 {
					want = append(want, id)
				}
			}
			if len(want) == 0 || fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("story articles: got %v, want %v (those in an event of two or more)", got, want)
			}
		}},
		{"unknown badge", request{target: "/api/articles?badge=shiny"}, 400, wantCode("invalid")},
		{"judge needs JSON", request{method: "POST", target: "/api/judge", body: `{}`}, 400, wantCode("invalid")},
	})
}

func contains(xs []string, x string) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}
