package core

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// EventArticle is one version of an event, as lists show it.
type EventArticle struct {
	ID        int64      `json:"id"`
	Published *time.Time `json:"published"`
	Title     string     `json:"title"`
	Outlet    string     `json:"outlet"`
	Language  string     `json:"language,omitempty"`
	// Earliest marks the version that reported the event first.
	Earliest bool `json:"earliest"`
	// Pinned says a researcher's correction put the article here.
	Pinned bool `json:"pinned,omitempty"`
	// Estimated is when an undated article was most likely written, if
	// analysis could tell; Published stays nil.
	Estimated *DateEstimate `json:"estimated,omitempty"`
}

// DateEstimate is when an undated article was most likely written: from
// From to To (YYYY-MM-DD), the days its text gives without a year read in
// the year of the dated article Anchor, the one it is most closely linked
// to. It never stands in for a stated date.
type DateEstimate struct {
	From   string `json:"from"`
	To     string `json:"to"`
	Anchor int64  `json:"anchor"`
}

// Event groups the versions of one news event: other outlets,
// translations, updates, rewrites. Its id stays the same as articles are
// added; when two events merge, the other id redirects to this one.
type Event struct {
	ID       int64          `json:"id"`
	Label    string         `json:"label"`
	Earliest int64          `json:"earliest"`
	Articles []EventArticle `json:"articles"`
	// Thread is the running topic the event belongs to, 0 if none.
	Thread int64 `json:"thread,omitempty"`
	// Tags and Note are a researcher's; they follow the event when it
	// merges into another.
	Tags []string `json:"tags,omitempty"`
	Note *Note    `json:"note,omitempty"`
}

// Thread groups the events of one running topic.
type Thread struct {
	ID       int64   `json:"id"`
	Label    string  `json:"label"`
	Events   []int64 `json:"events"`
	Articles []int64 `json:"articles"`
}

// Evidence is one reason for (positive weight) or against (negative) two
// articles reporting one event, with its text on both sides; Weight is its
// contribution to the log-odds of the score.
type Evidence struct {
	Kind   string  `json:"kind"` // name, number, date, quote, place, term, title, lede, passage, time, language
	AText  string  `json:"a_text"`
	BText  string  `json:"b_text"`
	Weight float64 `json:"weight"`
}

// Explanation says how likely two articles report one event, and why.
type Explanation struct {
	A          int64      `json:"a"`
	B          int64      `json:"b"`
	Score      float64    `json:"score"` // probability of one event
	SameEvent  bool       `json:"same_event"`
	SameThread bool       `json:"same_thread"`
	Thread     float64    `json:"thread"` // the weaker score of one running topic
	Evidence   []Evidence `json:"evidence"`
	// Title of B, so that a list of related articles reads on its own.
	Title string `json:"title,omitempty"`
}

// Correction kinds: what a researcher can say about events. Analysis never
// overrides a correction.
const (
	CorrectSame    = "same"     // A and B report one event
	CorrectNotSame = "not_same" // A and B report different events
	CorrectRemove  = "remove"   // take A out of its event
	CorrectMove    = "move"     // move A to Event
	CorrectMerge   = "merge"    // merge Event and Other
	CorrectSplit   = "split"    // split Event into Parts
)

// Correction is one researcher's correction of events, as stored and as
// reports list it.
type Correction struct {
	ID        int64     `json:"id"`
	Kind      string    `json:"kind"`
	A         int64     `json:"a,omitempty"`
	B         int64     `json:"b,omitempty"`
	Event     int64     `json:"event,omitempty"`
	Other     int64     `json:"other,omitempty"`
	Parts     [][]int64 `json:"parts,omitempty"`
	Note      string    `json:"note,omitempty"`
	CreatedAt time.Time `json:"created_at"`
}

// ThreadView is a thread with its events, for the thread's page.
type ThreadView struct {
	Thread Thread  `json:"thread"`
	Events []Event `json:"events"`
}

// Describe says the correction in words ("article 4 moved to event 2"),
// without its note: the command line, the app's lists and reports show it
// alike.
func (c Correction) Describe() string {
	switch c.Kind {
	case CorrectSame:
		return fmt.Sprintf("articles %d and %d are one event", c.A, c.B)
	case CorrectNotSame:
		return fmt.Sprintf("articles %d and %d are different events", c.A, c.B)
	case CorrectRemove:
		return fmt.Sprintf("article %d taken out of its event", c.A)
	case CorrectMove:
		return fmt.Sprintf("article %d moved to event %d", c.A, c.Event)
	case CorrectMerge:
		return fmt.Sprintf("events %d and %d merged", c.Event, c.Other)
	case CorrectSplit:
		parts := make([]string, len(c.Parts))
		for i, p := range c.Parts {
			ids := make([]string, len(p))
			for j, id := range p {
				ids[j] = strconv.FormatInt(id, 10)
			}
			parts[i] = "{" + strings.Join(ids, ", ") + "}"
		}
		return fmt.Sprintf("event %d split into %s", c.Event, strings.Join(parts, ", "))
	}
	return c.Kind
}
