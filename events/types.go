package events

import "time"

// Link is one stored candidate pair with the two scores the evidence step
// gives it: Event is P(same event), Thread the weaker same-thread score.
// The caller keeps at most K links per article (the strongest).
type Link struct {
	A, B   int64
	Event  float32
	Thread float32
}

// other returns the end of l that is not id.
func (l Link) other(id int64) int64 {
	if l.A == id {
		return l.B
	}
	return l.A
}

// Article is what the clustering needs of one article: its date (nil when
// unknown), the event it belongs to (0 while unplaced) and whether a
// correction pinned it, so that analysis neither moves it nor joins others
// to it.
type Article struct {
	ID        int64
	Published *time.Time
	Event     int64
	Pinned    bool
}

// Event is the set of versions of one news event. First and Last bound its
// dated members (nil when none is dated), so that the date window can be
// checked without loading every member. Thread is 0 when the event is on no
// thread with another event.
type Event struct {
	ID      int64
	Members []int64 // sorted ascending
	First   *time.Time
	Last    *time.Time
	Thread  int64
}

// Thread is a set of two or more events on one running topic.
type Thread struct {
	ID     int64
	Events []int64 // sorted ascending
}

// Redirect records that an event (or thread) id was merged into another, so
// that stored references and deep links to From can be followed to To.
type Redirect struct {
	From, To int64
}

// IDs are the next unused event and thread ids; the caller stores them with
// the events so that an id is never given twice.
type IDs struct {
	Event, Thread int64
}

// Changes is what one operation did, for the caller to write back: every
// created or changed event and thread in full, the ids that disappeared
// (either redirected to a survivor or removed), constraints to store and to
// delete, and the next unused ids.
type Changes struct {
	Events          []Event // created or changed
	CreatedEvents   []int64 // which of Events are new
	CreatedThreads  []int64 // which of Threads are new
	RemovedEvents   []int64
	EventRedirects  []Redirect
	Threads         []Thread
	RemovedThreads  []int64
	ThreadRedirects []Redirect
	Articles        []Article // articles whose event or pin changed
	AddConstraints  []Constraint
	DropConstraints []Constraint
	Next            IDs
}
