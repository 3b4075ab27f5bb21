// Package core holds StoryDiff's domain types. It imports only the standard
// library; every other package speaks these types.
package core

import "time"

// Document is one article as read from a file, before it is stored. A file
// usually yields one document; a JSONL file yields one per record.
type Document struct {
	// Path is the file the document came from.
	Path string
	// Record is the 1-based record number inside a JSON/JSONL file, 0 otherwise.
	Record int
	// Original holds the bytes the document was made from: the whole file, or
	// the raw record for JSON/JSONL. Kept so that nothing is lost.
	Original []byte
	// Text is the article's full text as clean UTF-8 with "\n" line ends.
	// Nothing is removed: boilerplate is only marked later.
	Text      string
	Title     string
	Byline    string
	Outlet    string
	URL       string
	Published *time.Time
	// PublishedRaw is the date as it was written in the source.
	PublishedRaw string
	// PublishedFrom says where the date was found: "field:NAME" (a record's
	// field or front matter key, as named there), "meta:NAME" (a page's meta
	// tag, JSON-LD property or <time> element), "page" (the page's markup,
	// read by heuristics), "dateline", "byline" or "top line" (the first
	// lines of the text). A field whose date could not be read keeps its
	// name here and its value in PublishedRaw, with Published nil.
	PublishedFrom string
	// PublishedConfidence says how sure the date is: DateExact, DateText or
	// DateInferred; "" when undated.
	PublishedConfidence string
	// NoBody marks a record that had a title but no text: its Text is its
	// title, so that it is kept, searched and listed.
	NoBody   bool
	Language string
	Encoding string
	Format   string // txt, md, html, json, jsonl, csv, tsv
}

// OriginalIsText reports whether the bytes the document was made from are
// its text as it is (a UTF-8 text file): then the archive and the analysis
// folder keep them once, as the text.
func (d Document) OriginalIsText() bool { return string(d.Original) == d.Text }

// How sure a publication date is.
const (
	// DateExact: a field or tag that states the date (a record's date
	// field, front matter, a page's published-time meta tag).
	DateExact = "exact"
	// DateText: read from a dateline, byline or top line of the text.
	DateText = "text"
	// DateInferred: guessed from a page's markup by heuristics (a date in
	// its URL, an element that looks like a date).
	DateInferred = "inferred"
)

// Article is a stored article.
type Article struct {
	ID            int64      `json:"id"`
	SHA256        string     `json:"sha256"`
	TextHash      string     `json:"text_hash"`
	Title         string     `json:"title"`
	Byline        string     `json:"byline,omitempty"`
	Outlet        string     `json:"outlet"`
	URL           string     `json:"url,omitempty"`
	Published     *time.Time `json:"published"`
	PublishedRaw  string     `json:"published_raw,omitempty"`
	PublishedFrom string     `json:"published_from,omitempty"`
	// PublishedConfidence is DateExact, DateText or DateInferred.
	PublishedConfidence string `json:"published_confidence,omitempty"`
	// NoBody marks an article stored from its title alone.
	NoBody     bool      `json:"no_body,omitempty"`
	Language   string    `json:"language"`
	Encoding   string    `json:"encoding"`
	Format     string    `json:"format"`
	Words      int       `json:"words"`
	ImportID   int64     `json:"import_id"`
	ImportedAt time.Time `json:"imported_at"`
	Paths      []string  `json:"paths"`
	Text       string    `json:"text,omitempty"`
	// Edits lists the fields a researcher changed, each with its imported
	// value; Title, Outlet and Published hold the edited values.
	Edits []Edit `json:"edits,omitempty"`
	// Tags are a researcher's labels, in order; Note their free text.
	Tags []string `json:"tags,omitempty"`
	Note *Note    `json:"note,omitempty"`
}

// EditOf returns the article's edit of field, nil when it is as imported.
func (a *Article) EditOf(field string) *Edit {
	for i := range a.Edits {
		if a.Edits[i].Field == field {
			return &a.Edits[i]
		}
	}
	return nil
}

// FileLocation is one place an article's bytes were found.
type FileLocation struct {
	Path     string    `json:"path"`
	Record   int       `json:"record,omitempty"`
	Size     int64     `json:"size"`
	ModTime  time.Time `json:"mtime"`
	ImportID int64     `json:"import_id"`
}

// FileError names a file that could not be imported and why.
type FileError struct {
	Path  string `json:"path"`
	Error string `json:"error"`
	// Reason is Error without what is particular to the file (numbers,
	// positions, details after a colon), so that failures can be counted
	// by kind.
	Reason string `json:"reason,omitempty"`
}

// Progress reports how far a long job has come.
type Progress struct {
	JobID string `json:"jobId"`
	Stage string `json:"stage"`
	Done  int    `json:"done"`
	Total int    `json:"total"`
}

// ProgressFunc receives progress. Implementations must be cheap; callers
// throttle to at most one call per 100 ms.
type ProgressFunc func(Progress)
