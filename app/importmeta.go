package app

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/storydiff/storydiff/core"
)

// reasonExamples is how many files an import summary names for each
// reason; the full list is kept with the import (storydiff imports ID).
const reasonExamples = 3

// Keys of ImportSummary.Dates besides the confidences.
const undatedKey = "undated"

// countMetadata counts what an added article's metadata says: its date's
// confidence, a missing body, and a date field that could not be read.
func (s *ImportSummary) countMetadata(d core.Document) {
	if d.NoBody {
		s.NoBody++
	}
	switch {
	case d.Published != nil && d.PublishedConfidence != "":
		s.Dates[d.PublishedConfidence]++
	case d.Published != nil:
		s.Dates[core.DateExact]++
	default:
		s.Dates[undatedKey]++
	}
	if d.Published == nil && d.PublishedRaw != "" {
		path := d.Path
		if d.Record > 0 {
			path = fmt.Sprintf("%s#%d", d.Path, d.Record)
		}
		field := strings.TrimPrefix(strings.TrimPrefix(d.PublishedFrom, "field:"), "front matter:")
		reason := fmt.Sprintf("date field %q not understood", field)
		s.Notes = append(s.Notes, core.FileError{Path: path, Reason: reason,
			Error: fmt.Sprintf("%s: %q (the article is undated; give the layout with --date-format)", reason, d.PublishedRaw)})
	}
}

// fileError is a failure as the summary and the archive keep it.
func fileError(path string, err error) core.FileError {
	msg := core.ErrorMessage(err)
	return core.FileError{Path: path, Error: msg, Reason: core.FailureReason(msg)}
}

// outletRule returns what names each article's outlet when the user gave a
// rule (nil when not): one name for all, or the first folder under the
// path given.
func outletRule(opt ImportOptions, roots []string) func(path string) string {
	if name := strings.TrimSpace(opt.Outlet); name != "" {
		return func(string) string { return name }
	}
	if opt.OutletFrom != OutletFromFolder {
		return nil
	}
	return func(path string) string { return folderOutlet(roots, path) }
}

// folderOutlet is the first folder under the root that holds path; for a
// file directly in a root (or given as one), the name of the folder that
// holds it.
func folderOutlet(roots []string, path string) string {
	best := ""
	for _, r := range roots {
		if (path == r || strings.HasPrefix(path, r+string(filepath.Separator))) && len(r) > len(best) {
			best = r
		}
	}
	if best != "" && path != best {
		rel := path[len(best)+1:]
		if i := strings.IndexRune(rel, filepath.Separator); i > 0 {
			return rel[:i]
		}
	}
	return filepath.Base(filepath.Dir(path))
}
