package httpapi

import (
	"encoding/json"
	"log"
	"net/http"

	"github.com/storydiff/storydiff/core"
)

// reply turns a handler's answer into a response: the value as JSON with
// status, or the error as an ErrorBody.
func reply(status int, h func(http.ResponseWriter, *http.Request) (any, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		v, err := h(w, r)
		if err != nil {
			writeError(w, r, err)
			return
		}
		writeJSON(w, status, v)
	}
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// ErrorBody is how every API error is sent: {"error":{"code","message"}}.
type ErrorBody struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

// Status maps a core error code to its HTTP status.
func Status(code string) int {
	switch code {
	case core.EINVALID:
		return http.StatusBadRequest
	case core.ENOTFOUND:
		return http.StatusNotFound
	case core.ECONFLICT:
		return http.StatusConflict
	case core.ECANCELED:
		// nginx's "client closed request": the caller gave up.
		return 499
	case core.EREADONLY:
		return http.StatusForbidden
	case core.EFULL:
		return http.StatusInsufficientStorage
	}
	return http.StatusInternalServerError
}

// writeError sends err as an ErrorBody. Internal errors are logged with
// their detail and sent as "Internal error" only.
func writeError(w http.ResponseWriter, r *http.Request, err error) {
	var b ErrorBody
	b.Error.Code = core.ErrorCode(err)
	b.Error.Message = core.ErrorMessage(err)
	if b.Error.Code == core.EINTERNAL {
		log.Printf("storydiff serve: %s %s: %v", r.Method, r.URL.Path, err)
	}
	writeJSON(w, Status(b.Error.Code), b)
}

func refuse(w http.ResponseWriter, status int, msg string) {
	var b ErrorBody
	b.Error.Code = core.EINVALID
	b.Error.Message = msg
	writeJSON(w, status, b)
}
