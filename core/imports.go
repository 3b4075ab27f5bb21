package core

import "time"

// Import is one import run as recorded in the archive.
type Import struct {
	ID             int64       `json:"id"`
	Roots          []string    `json:"roots"`
	StartedAt      time.Time   `json:"started_at"`
	FinishedAt     *time.Time  `json:"finished_at"`
	Status         string      `json:"status"`
	FilesSeen      int         `json:"files_seen"`
	Added          int         `json:"added"`
	AlreadyPresent int         `json:"already_present"`
	Failed         int         `json:"failed"`
	Errors         []FileError `json:"errors,omitempty"`
	// Notes are about articles that were stored: a date field that could
	// not be read, with its value.
	Notes []FileError `json:"notes,omitempty"`
}
