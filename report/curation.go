package report

import (
	"strconv"
	"strings"
	"time"
)

// Curation is what researchers changed and added on the articles and
// events a report covers: each edited field with the value it was imported
// with, tags and notes. The articles in the report carry the edited values;
// the provenance says what they replaced. All of it is typed by people and
// rendered as text, as article text is.
type Curation struct {
	Articles []CuratedArticle `json:"articles"`
	Events   []CuratedEvent   `json:"events"`
}

// CuratedArticle is an article a researcher edited, tagged or noted.
type CuratedArticle struct {
	ID    int64         `json:"id"`
	Title string        `json:"title"`
	Edits []EditedField `json:"edits"`
	Tags  []string      `json:"tags"`
	Note  *Note         `json:"note,omitempty"`
}

// EditedField is one field a researcher changed: the value in use and the
// value imported ("" for none; dates as YYYY-MM-DD or RFC 3339).
type EditedField struct {
	Field    string    `json:"field"` // title, date or outlet
	Value    string    `json:"value"`
	Imported string    `json:"imported"`
	EditedAt time.Time `json:"edited_at"`
}

// CuratedEvent is an event a researcher tagged or noted.
type CuratedEvent struct {
	ID    int64    `json:"id"`
	Label string   `json:"label"`
	Tags  []string `json:"tags"`
	Note  *Note    `json:"note,omitempty"`
}

// Note is a researcher's note and when it was last changed.
type Note struct {
	Text      string    `json:"text"`
	UpdatedAt time.Time `json:"updated_at"`
}

// Empty reports whether there is nothing to show.
func (c *Curation) Empty() bool { return c == nil || len(c.Articles)+len(c.Events) == 0 }

// EditLine is "title: NOW (imported: THEN)" for an edited field.
func (e EditedField) EditLine() string {
	return e.Field + ": " + orDash(e.Value) + " (edited " + e.EditedAt.UTC().Format("2006-01-02") + "; imported: " + orNone(e.Imported) + ")"
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

// NoteLine is the note's time of change, for a heading.
func (n *Note) When() string { return n.UpdatedAt.UTC().Format("2006-01-02 15:04 UTC") }

// curationColumns are the CSV columns that carry, on each row, the
// curation of the articles and the event the row is about: each entry
// "article N: ..." or "event N: ...", entries joined by "; "; an edit
// reads "outlet: NOW (edited DAY; imported: THEN)".
var curationColumns = []string{"tags", "notes", "edits"}

// curationCells fills curationColumns for row r of a table with header.
func curationCells(c *Curation, header, r []string) []string {
	out := make([]string, len(curationColumns))
	if c.Empty() {
		return out
	}
	var tags, notes, imported []string
	seen := map[string]bool{}
	for i, col := range header {
		if i >= len(r) || r[i] == "" || seen[col+r[i]] {
			continue
		}
		id, err := strconv.ParseInt(r[i], 10, 64)
		if err != nil {
			continue
		}
		switch col {
		case "a", "b", "article":
			if seen["article"+r[i]] {
				continue
			}
			seen["article"+r[i]] = true
			for _, a := range c.Articles {
				if a.ID != id {
					continue
				}
				who := "article " + r[i] + ": "
				if len(a.Tags) > 0 {
					tags = append(tags, who+strings.Join(a.Tags, ", "))
				}
				if a.Note != nil {
					notes = append(notes, who+a.Note.Text)
				}
				var es []string
				for _, e := range a.Edits {
					es = append(es, e.EditLine())
				}
				if len(es) > 0 {
					imported = append(imported, who+strings.Join(es, ", "))
				}
			}
		case "story":
			seen[col+r[i]] = true
			for _, e := range c.Events {
				if e.ID != id {
					continue
				}
				who := "event " + r[i] + ": "
				if len(e.Tags) > 0 {
					tags = append(tags, who+strings.Join(e.Tags, ", "))
				}
				if e.Note != nil {
					notes = append(notes, who+e.Note.Text)
				}
			}
		}
	}
	out[0], out[1], out[2] = strings.Join(tags, "; "), strings.Join(notes, "; "), strings.Join(imported, "; ")
	return out
}
