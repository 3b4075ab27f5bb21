package events

import "time"

// Config holds the thresholds of the clustering. DefaultConfig's values are
// chosen for P(same event) calibrated as a probability.
type Config struct {
	// Join is the least mean P(same event) between an article and the
	// members of an event it is compared with (missing links count as 0).
	Join float32
	// LinkMin is the least P for a link to count towards the quorum, so
	// that many weak links (a template) never add up to membership.
	LinkMin float32
	// Veto is the P below which one member's link keeps an article out
	// of an event however strongly the others hold it: the score has
	// compared the two and found them reports of different days or
	// different particulars.
	Veto float32
	// Quorum caps the members an article must be linked to: it needs a
	// majority of the event or Quorum members, whichever is fewer.
	Quorum int
	// QuorumGrowth, when above 0, raises the quorum by one for every
	// QuorumGrowth members of the event, so that the larger an event, the
	// more of it an article must be linked to.
	QuorumGrowth int
	// QuorumMax, when above 0, caps the grown quorum, so that an event of
	// many versions stays reachable with the K links an article keeps.
	QuorumMax int
	// Window is the most days between a dated article and the dated span
	// of an event it joins; MaxSpan bounds the span itself, so that an
	// event cannot creep through time a week at a time.
	Window  time.Duration
	MaxSpan time.Duration
	// ThreadMin is the least thread score for a link to connect two events.
	ThreadMin float32
	// ThreadQuorum caps the events of a thread an event must be linked to
	// (a majority of the thread, or ThreadQuorum, whichever is fewer).
	ThreadQuorum int
	// MaxThreadEvents stops a thread from growing into a whole topic.
	MaxThreadEvents int
	// ThreadScan is how many members of an event have their links read
	// when looking for its thread, which bounds the work per event.
	ThreadScan int
}

// DefaultConfig returns the defaults used by the app.
func DefaultConfig() Config {
	return Config{
		Join:            0.5,
		LinkMin:         0.3,
		Veto:            0.05,
		Quorum:          3,
		QuorumGrowth:    3,
		QuorumMax:       16,
		Window:          7 * 24 * time.Hour,
		MaxSpan:         14 * 24 * time.Hour,
		ThreadMin:       0.3,
		ThreadQuorum:    3,
		MaxThreadEvents: 200,
		ThreadScan:      16,
	}
}

// need is how many of n members (or events) must be linked: a majority,
// capped at q so that large events stay reachable with K links.
func need(n, q int) int {
	return min(n/2+1, q)
}
