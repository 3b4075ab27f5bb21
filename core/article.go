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
	// PublishedFrom says how the date was found ("text", "html-meta", "json", "mtime").
	PublishedFrom string
	Language      string
	Encoding      string
	Format        string // txt, md, html, json, jsonl
}

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
	Language      string     `json:"language"`
	Encoding      string     `json:"encoding"`
	Format        string     `json:"format"`
	Words         int        `json:"words"`
	ImportID      int64      `json:"import_id"`
	ImportedAt    time.Time  `json:"imported_at"`
	Paths         []string   `json:"paths"`
	Text          string     `json:"text,omitempty"`
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
