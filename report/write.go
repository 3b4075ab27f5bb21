package report

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/storydiff/storydiff/core"
	"github.com/storydiff/storydiff/version"
)

// Format is an output format.
type Format string

const (
	HTML     Format = "html"
	PDF      Format = "pdf"
	Markdown Format = "md"
	CSV      Format = "csv"
	JSON     Format = "json"
)

// Formats lists every format, in the order help texts show them.
var Formats = []Format{HTML, PDF, Markdown, CSV, JSON}

// ParseFormat accepts html, pdf, md (or markdown), csv and json.
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(s) {
	case "html":
		return HTML, nil
	case "pdf":
		return PDF, nil
	case "md", "markdown":
		return Markdown, nil
	case "csv":
		return CSV, nil
	case "json":
		return JSON, nil
	}
	return "", core.Errorf(core.EINVALID, "unknown report format %q (use html, pdf, md, csv or json)", s)
}

// Extension is the file name extension for f, with its dot.
func (f Format) Extension() string { return "." + string(f) }

// Version, when set, is the version reports state instead of the build's
// (tests set it so that golden reports do not depend on the checkout).
var Version = ""

// ToolVersion returns Version, or the build's version (package version:
// the release tag, or the commit, its date and whether it was modified).
func ToolVersion() string {
	if Version != "" {
		return Version
	}
	return version.String()
}

// Now is the time a report says it was made: SOURCE_DATE_EPOCH (seconds since
// 1970) when set, so that builds of a report can be reproduced byte for byte,
// else the current time, in UTC, to the second.
func Now() (time.Time, error) {
	if s, ok := os.LookupEnv("SOURCE_DATE_EPOCH"); ok && s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return time.Time{}, core.Errorf(core.EINVALID, "SOURCE_DATE_EPOCH is %q, not a number of seconds", s)
		}
		return time.Unix(n, 0).UTC(), nil
	}
	return time.Now().UTC().Truncate(time.Second), nil
}

// NewProvenance returns a provenance for a report on the archive at path.
func NewProvenance(archive string, settings []Setting) (Provenance, error) {
	t, err := Now()
	if err != nil {
		return Provenance{}, err
	}
	if settings == nil {
		settings = []Setting{}
	}
	return Provenance{Tool: "StoryDiff", Version: ToolVersion(), Archive: archive, Created: t, Settings: settings}, nil
}

// Write renders model (a *Pair, *Story, *Duplicates or *Archive) to w in
// format f.
func Write(w io.Writer, model any, f Format) error {
	switch m := model.(type) {
	case *Archive:
		m.summarise()
		if m.Corrections == nil {
			m.Corrections = []core.Correction{} // JSON readers get empty lists, never null
		}
	case *Story:
		if m.Corrections == nil {
			m.Corrections = []core.Correction{}
		}
	case *Duplicates:
		// JSON readers get empty lists, never null.
		for i := range m.Groups {
			if m.Groups[i].Pairs == nil {
				m.Groups[i].Pairs = []core.Pair{}
			}
		}
	}
	kind, err := kindOf(model)
	if err != nil {
		return err
	}
	if err := complete(model); err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	switch f {
	case HTML:
		err = writeHTML(bw, kind, model)
	case PDF:
		err = writePDF(bw, kind, model)
	case Markdown:
		err = writeMarkdown(bw, kind, model)
	case CSV:
		err = writeCSV(bw, kind, model)
	case JSON:
		err = writeJSON(bw, kind, model)
	default:
		return core.Errorf(core.EINVALID, "unknown report format %q", f)
	}
	if err != nil {
		return err
	}
	return bw.Flush()
}

func kindOf(model any) (Kind, error) {
	switch model.(type) {
	case *Pair:
		return KindPair, nil
	case *Story:
		return KindStory, nil
	case *Duplicates:
		return KindDuplicates, nil
	case *Archive:
		return KindArchive, nil
	}
	return "", fmt.Errorf("report: cannot render a %T", model)
}

// complete checks that every diff in the model has its result, which every
// format reads.
func complete(model any) error {
	var diffs []Diff
	switch m := model.(type) {
	case *Pair:
		diffs = []Diff{m.Diff}
	case *Story:
		diffs = m.Diffs
	}
	for _, d := range diffs {
		if d.Result == nil {
			return fmt.Errorf("report: the diff of %d and %d has no result", d.A, d.B)
		}
	}
	return nil
}
