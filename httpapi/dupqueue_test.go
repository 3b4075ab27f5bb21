package httpapi_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/storydiff/storydiff/app"
	"github.com/storydiff/storydiff/httpapi"
)

// The queue is asked for over HTTP with its filter; a verdict posted there
// moves the group from the unreviewed to the reviewed, and an undo back.
func TestDuplicateQueueRoutes(t *testing.T) {
	svc := dupesService(t)
	h := httpapi.New(svc, httpapi.Options{Frontend: ui})
	get := func(target string) (int, app.DuplicateQueue) {
		t.Helper()
		w := do(h, request{target: target})
		var q app.DuplicateQueue
		if w.Code == http.StatusOK {
			if err := json.Unmarshal(w.Body.Bytes(), &q); err != nil {
				t.Fatalf("%s: %v\n%s", target, err, w.Body.String())
			}
		}
		return w.Code, q
	}
	code, q := get("/api/duplicates/queue?min=0&limit=10")
	if code != http.StatusOK || q.Show != "unreviewed" || q.Total != 1 || q.Counts.Unreviewed != 1 || len(q.Groups) != 1 {
		t.Fatalf("queue: %d %+v, want one unreviewed group", code, q)
	}
	g := q.Groups[0].Articles
	post := func(verdict string, keep int64) int {
		body := fmt.Sprintf(`{"articles":[%d,%d],"verdict":%q,"keep":%d}`, g[0], g[1], verdict, keep)
		return do(h, request{method: "POST", target: "/api/duplicates/review", body: body,
			header: map[string]string{"Content-Type": "application/json"}}).Code
	}
	if c := post("duplicates", g[1]); c != http.StatusOK {
		t.Fatalf("review: %d", c)
	}
	if _, q := get("/api/duplicates/queue?min=0&show=reviewed"); q.Total != 1 || q.Groups[0].Keep != g[1] || q.Groups[0].Review == nil {
		t.Errorf("reviewed: %+v, want the group kept at %d", q, g[1])
	}
	if _, q := get("/api/duplicates/queue?min=0"); q.Total != 0 || q.Counts.Reviewed != 1 {
		t.Errorf("unreviewed after the verdict: %+v", q)
	}
	if c := post("", 0); c != http.StatusOK {
		t.Fatalf("undo: %d", c)
	}
	if _, q := get("/api/duplicates/queue?min=0"); q.Total != 1 || q.Groups[0].Keep != 0 {
		t.Errorf("after the undo: %+v, want the group back, nothing kept", q)
	}
	if c := post("maybe", 0); c != http.StatusBadRequest {
		t.Errorf("an unknown verdict: %d, want 400", c)
	}
	if w := do(h, request{target: "/api/duplicates/queue?show=everything"}); w.Code != http.StatusBadRequest || !strings.Contains(w.Body.String(), "show is") {
		t.Errorf("show=everything: %d %s, want 400", w.Code, w.Body.String())
	}
	if w := do(h, request{target: "/api/duplicates/paths?limit=5"}); w.Code != http.StatusOK || !strings.Contains(w.Body.String(), `"total": 0`) && !strings.Contains(w.Body.String(), `"total":0`) {
		t.Errorf("paths: %d %s", w.Code, w.Body.String())
	}
}
