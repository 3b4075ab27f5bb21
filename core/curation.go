package core

import "time"

// Fields of an article a researcher can edit. The value imported is kept
// beside the edited one (Edit), so that an edit can be shown and reverted.
const (
	FieldTitle  = "title"
	FieldDate   = "date"
	FieldOutlet = "outlet"
)

// EditableFields lists the fields an edit may change, in the order they are
// shown.
var EditableFields = []string{FieldTitle, FieldDate, FieldOutlet}

// DateEdited is the PublishedFrom of a date a researcher entered; its
// confidence is DateExact.
const DateEdited = "edited"

// Edit records that a researcher changed one field of an article: the
// article carries the edited value (which lists, sorting, filters, search,
// events and reports use), and Imported the value the import gave it.
type Edit struct {
	Field string `json:"field"` // FieldTitle, FieldDate or FieldOutlet
	// Imported is the value as imported; a date as RFC 3339, "" when the
	// article was undated.
	Imported string `json:"imported"`
	// ImportedFrom and ImportedConfidence are the imported date's source
	// and confidence (FieldDate only).
	ImportedFrom       string    `json:"importedFrom,omitempty"`
	ImportedConfidence string    `json:"importedConfidence,omitempty"`
	EditedAt           time.Time `json:"editedAt"`
}

// ArticleEdit is a change a researcher asks for: nil fields are left as
// they are.
type ArticleEdit struct {
	Title     *string    `json:"title,omitempty"`
	Outlet    *string    `json:"outlet,omitempty"`
	Published *time.Time `json:"published,omitempty"`
}

// Kinds of item a tag or a note is attached to.
const (
	ItemArticle = "article"
	ItemEvent   = "event"
)

// Note is a researcher's free text on an article or an event.
type Note struct {
	Text      string    `json:"text"`
	UpdatedAt time.Time `json:"updatedAt"`
}

// TagCount is a tag with the number of articles and events carrying it.
type TagCount struct {
	Tag      string `json:"tag"`
	Articles int    `json:"articles"`
	Events   int    `json:"events"`
}

// Limits on what a researcher types, so that a tag stays a label and a note
// stays readable in every report.
const (
	MaxTagRunes   = 100
	MaxNoteBytes  = 64 << 10
	MaxTitleRunes = 1000
)
