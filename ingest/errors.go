package ingest

import (
	"errors"
	"io/fs"

	"github.com/storydiff/storydiff/core"
)

// invalidf builds the error every reading problem becomes: the file's fault,
// not the program's, so the UI shows its message instead of "Internal error".
func invalidf(format string, args ...any) *core.Error {
	e := core.Errorf(core.EINVALID, format, args...)
	e.Op = "ingest"
	return e
}

// osReason turns an operating-system error into a short lower-case reason
// without the path, which the caller already reports next to it.
func osReason(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	var le *fs.PathError
	if errors.As(err, &le) {
		err = le.Err
	}
	switch {
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	case errors.Is(err, fs.ErrNotExist):
		return "no such file or directory"
	}
	return err.Error()
}
