package httpapi

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
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

// writeError sends err as an ErrorBody. A request the client gave up is
// answered as canceled. Internal errors are sent as "Internal error" only,
// and logged by route and kind of error: never the error's text, which may
// quote what the researcher searched for or opened.
func writeError(w http.ResponseWriter, r *http.Request, err error) {
	var b ErrorBody
	b.Error.Code = core.ErrorCode(err)
	b.Error.Message = core.ErrorMessage(err)
	if b.Error.Code == core.EINTERNAL && (errors.Is(err, context.Canceled) || r.Context().Err() != nil) {
		b.Error.Code, b.Error.Message = core.ECANCELED, "canceled"
	}
	if b.Error.Code == core.EINTERNAL {
		log.Printf("storydiff serve: %s: internal error (%s)", route(r), errorKind(err))
	}
	writeJSON(w, Status(b.Error.Code), b)
}

// route is the pattern that served r ("GET /api/search"), not its path,
// which may name an article's file.
func route(r *http.Request) string {
	if r.Pattern != "" {
		return r.Pattern
	}
	return r.Method + " (no route)"
}

// errorKind names the innermost error's type, such as *sqlite.Error.
func errorKind(err error) string {
	for {
		next := errors.Unwrap(err)
		if next == nil {
			return fmt.Sprintf("%T", err)
		}
		err = next
	}
}

func refuse(w http.ResponseWriter, status int, msg string) {
	var b ErrorBody
	b.Error.Code = core.EINVALID
	b.Error.Message = msg
	writeJSON(w, status, b)
}
