package core

import (
	"errors"
	"fmt"
)

// Error codes. The UI and the CLI map them to messages and exit codes.
const (
	EINVALID  = "invalid"
	ENOTFOUND = "not_found"
	ECONFLICT = "conflict"
	ECANCELED = "canceled"
	EINTERNAL = "internal"
	// EREADONLY: the archive cannot be written (a read-only disk, or a file
	// or folder the user may not write); reading it still works.
	EREADONLY = "read_only"
	// EFULL: the disk holding the archive is full; what was stored before
	// stays consistent, and the same operation can be run again once space
	// is freed.
	EFULL = "disk_full"
)

// Error is an error meant to be shown to the user: Message is written for
// people, Code for programs.
type Error struct {
	Code    string
	Op      string
	Message string
	Err     error
}

func (e *Error) Error() string {
	switch {
	case e.Message != "" && e.Err != nil:
		return e.Message + ": " + e.Err.Error()
	case e.Message != "":
		return e.Message
	case e.Err != nil:
		return e.Err.Error()
	}
	return e.Code
}

func (e *Error) Unwrap() error { return e.Err }

// Errorf returns an *Error with the given code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, EINTERNAL for
// any other non-nil error, and "" for nil.
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the human message of err: the message of an *Error,
// "Internal error" for anything else.
func ErrorMessage(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Error()
	}
	return "Internal error"
}
