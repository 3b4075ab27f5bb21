package desktop

import (
	"errors"
	"testing"

	"github.com/storydiff/storydiff/core"
)

// The frontend decodes the rejected promise's message as {code, message}
// (frontend/src/lib/api/errors.ts): a change of shape would show every
// error in the window as "Internal error".
func TestFormatErrorIsTheJSONTheFrontendDecodes(t *testing.T) {
	got := FormatError(core.Errorf(core.ENOTFOUND, "no article %q", "x"))
	if want := `{"code":"not_found","message":"no article \"x\""}`; got != want {
		t.Errorf("got %v, want %s", got, want)
	}
}

// An internal error's detail (paths, SQL) stays in the log.
func TestFormatErrorHidesInternalDetail(t *testing.T) {
	got := FormatError(errors.New("sql: database /home/r/archive.db is locked"))
	if want := `{"code":"internal","message":"Internal error"}`; got != want {
		t.Errorf("got %v, want %s", got, want)
	}
}
