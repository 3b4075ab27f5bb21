package httpapi

import (
	"net/http"
	"strconv"

	"github.com/storydiff/storydiff/app"
	"github.com/storydiff/storydiff/core"
)

// align answers GET /api/align?a=REF&b=REF[&mode=aligned|diff].
func (s *server) align(w http.ResponseWriter, r *http.Request) (any, error) {
	a, err := required(r, "a")
	if err != nil {
		return nil, err
	}
	b, err := required(r, "b")
	if err != nil {
		return nil, err
	}
	return s.ui.Align(r.Context(), a, b, app.AlignOptions{Mode: r.URL.Query().Get("mode")})
}

// collation answers GET /api/collation?story=ID.
func (s *server) collation(w http.ResponseWriter, r *http.Request) (any, error) {
	v, err := required(r, "story")
	if err != nil {
		return nil, err
	}
	id, err := strconv.ParseInt(v, 10, 64)
	if err != nil || id <= 0 {
		return nil, core.Errorf(core.EINVALID, "story must be a story id, not %q", v)
	}
	return s.ui.Collation(r.Context(), id)
}
