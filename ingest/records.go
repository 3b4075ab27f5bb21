package ingest

import (
	"fmt"
	"strings"

	"github.com/storydiff/storydiff/core"
)

// RecordError is one JSON or JSONL record that could not be read.
type RecordError struct {
	// Record is the line number in a JSONL file (the line a row starts on
	// in a CSV or TSV file), the 1-based element number in a JSON array:
	// the same number core.Document.Record carries.
	Record int
	Err    error
}

// RecordErrors is returned by Parse and Read, next to the documents that
// could be read, when some records of a JSON or JSONL file could not: one
// broken record must not lose the others. Test for it with errors.As; its
// code (core.ErrorCode) is invalid.
type RecordErrors struct {
	Format string // "json", "jsonl", "csv" or "tsv"
	Total  int    // records in the file, good and bad
	Errs   []RecordError
}

// maxListed bounds the records named in the message, which the UI shows on
// one line; Errs holds them all.
const maxListed = 5

func (e *RecordErrors) Error() string {
	unit := "record"
	if e.Format == "jsonl" || e.Format == "csv" || e.Format == "tsv" {
		unit = "line"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d of %d records unreadable: ", len(e.Errs), e.Total)
	for i, re := range e.Errs {
		if i == maxListed {
			fmt.Fprintf(&b, "; and %d more", len(e.Errs)-maxListed)
			break
		}
		if i > 0 {
			b.WriteString("; ")
		}
		fmt.Fprintf(&b, "%s %d: %v", unit, re.Record, core.ErrorMessage(re.Err))
	}
	return b.String()
}

// orNil returns e when some records were unreadable, else nil.
func (e *RecordErrors) orNil() error {
	if len(e.Errs) == 0 {
		return nil
	}
	return e
}

// Unwrap gives the summary as a *core.Error so that core.ErrorCode and
// core.ErrorMessage treat a partly broken file as the input's fault.
func (e *RecordErrors) Unwrap() error {
	return &core.Error{Code: core.EINVALID, Op: "ingest", Message: e.Error()}
}
