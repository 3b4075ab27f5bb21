package httpapi_test

import (
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/storydiff/storydiff/httpapi"
)

func TestCurationOverHTTP(t *testing.T) {
	h := httpapi.New(newService(t), httpapi.Options{Frontend: ui})
	json := map[string]string{"Content-Type": "application/json"}
	w := do(h, request{method: "POST", target: "/api/edit", body: `{"ref":"2","title":"Edited <b>title</b>","outlet":"Reuters"}`, header: json})
	if w.Code != http.StatusOK {
		t.Fatalf("edit: %d %s", w.Code, w.Body.String())
	}
	type article struct {
		ID    int64  `json:"id"`
		Title string `json:"title"`
		Edits []struct {
			Field    string `json:"field"`
			Imported string `json:"imported"`
		} `json:"edits"`
		Tags []string `json:"tags"`
		Note *struct {
			Text string `json:"text"`
		} `json:"note"`
	}
	a := decode[article](t, w)
	if a.Title != "Edited <b>title</b>" || len(a.Edits) != 2 || a.Edits[0].Field != "title" {
		t.Errorf("edited article: %+v", a)
	}
	w = do(h, request{method: "POST", target: "/api/tags", body: `{"kind":"article","ref":"2","tags":["to check"]}`, header: json})
	if tags := decode[[]string](t, w); w.Code != 200 || !slices.Equal(tags, []string{"to check"}) {
		t.Errorf("tag: %d %v", w.Code, tags)
	}
	w = do(h, request{method: "POST", target: "/api/note", body: `{"kind":"article","ref":"2","text":"Call the desk"}`, header: json})
	if w.Code != 200 || !strings.Contains(w.Body.String(), "Call the desk") {
		t.Errorf("note: %d %s", w.Code, w.Body.String())
	}
	a = decode[article](t, do(h, request{target: "/api/articles/2"}))
	if !slices.Equal(a.Tags, []string{"to check"}) || a.Note == nil || a.Note.Text != "Call the desk" {
		t.Errorf("article after tag and note: %+v", a)
	}
	list := decode[listBody](t, do(h, request{target: "/api/articles?tag=to%20check"}))
	if list.Total != 1 || list.Articles[0].ID != 2 {
		t.Errorf("list by tag: %+v", list)
	}
	sp := decode[struct {
		Total int `json:"total"`
	}](t, do(h, request{target: "/api/search/page?q=edited&tag=to%20check"}))
	if sp.Total != 1 {
		t.Errorf("search by tag: %+v", sp)
	}
	if w := do(h, request{target: "/api/tags"}); !strings.Contains(w.Body.String(), `"tag":"to check","articles":1`) {
		t.Errorf("tags: %s", w.Body.String())
	}
	w = do(h, request{method: "POST", target: "/api/revert", body: `{"ref":"2","fields":["all"]}`, header: json})
	if a := decode[article](t, w); w.Code != 200 || len(a.Edits) != 0 || a.Title == "Edited <b>title</b>" {
		t.Errorf("revert: %d %+v", w.Code, a)
	}
	for _, bad := range []struct{ target, body, want string }{
		{"/api/edit", `{"ref":"2","date":"soon"}`, `article 2: \"soon\" is not a date`},
		{"/api/edit", `{"ref":"2"}`, "article 2: nothing to edit"},
		{"/api/tags", `{"kind":"thing","ref":"2","tags":["x"]}`, "not \\\"thing\\\""},
		{"/api/note", `{"kind":"event","ref":"999","text":"x"}`, "no event 999"},
	} {
		w := do(h, request{method: "POST", target: bad.target, body: bad.body, header: json})
		if w.Code < 400 || !strings.Contains(w.Body.String(), bad.want) {
			t.Errorf("POST %s %s: %d %s, want an error saying %s", bad.target, bad.body, w.Code, w.Body.String(), bad.want)
		}
	}
}
