package httpapi

import (
	"net/http"

	"github.com/storydiff/storydiff/app"
	"github.com/storydiff/storydiff/core"
)

// Routes for curation: edits of an article's title, date and outlet,
// tags and notes on articles and events. Each write names its item in the
// body, as article references may hold slashes.
func (s *server) curationRoutes(mux *http.ServeMux) {
	mux.HandleFunc("POST /api/edit", reply(http.StatusOK, s.edit))
	mux.HandleFunc("POST /api/revert", reply(http.StatusOK, s.revert))
	mux.HandleFunc("GET /api/tags", reply(http.StatusOK, s.tags))
	mux.HandleFunc("POST /api/tags", reply(http.StatusOK, s.tagItem))
	mux.HandleFunc("POST /api/note", reply(http.StatusOK, s.note))
}

type editBody struct {
	Ref string `json:"ref"`
	app.EditRequest
}

func (s *server) edit(w http.ResponseWriter, r *http.Request) (any, error) {
	var b editBody
	if err := readJSON(w, r, &b); err != nil {
		return nil, err
	}
	if b.Ref == "" {
		return nil, core.Errorf(core.EINVALID, "name the article to edit (ref)")
	}
	return s.ui.EditArticle(r.Context(), b.Ref, b.EditRequest)
}

func (s *server) revert(w http.ResponseWriter, r *http.Request) (any, error) {
	var b struct {
		Ref    string   `json:"ref"`
		Fields []string `json:"fields"`
	}
	if err := readJSON(w, r, &b); err != nil {
		return nil, err
	}
	if b.Ref == "" {
		return nil, core.Errorf(core.EINVALID, "name the article to revert (ref)")
	}
	return s.ui.RevertArticle(r.Context(), b.Ref, b.Fields)
}

func (s *server) tags(w http.ResponseWriter, r *http.Request) (any, error) {
	return s.ui.Tags(r.Context())
}

func (s *server) tagItem(w http.ResponseWriter, r *http.Request) (any, error) {
	var b struct {
		app.Item
		Tags   []string `json:"tags"`
		Remove bool     `json:"remove"`
	}
	if err := readJSON(w, r, &b); err != nil {
		return nil, err
	}
	return s.ui.TagItem(r.Context(), b.Item, b.Tags, b.Remove)
}

func (s *server) note(w http.ResponseWriter, r *http.Request) (any, error) {
	var b struct {
		app.Item
		Text string `json:"text"`
	}
	if err := readJSON(w, r, &b); err != nil {
		return nil, err
	}
	// A removed note is null.
	return s.ui.SetNote(r.Context(), b.Item, b.Text)
}
