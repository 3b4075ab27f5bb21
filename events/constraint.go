package events

// ConstraintKind is one of the three stored kinds every correction is
// expressed with.
type ConstraintKind uint8

const (
	// MustLink puts A and B in one event, whatever the scores say.
	MustLink ConstraintKind = iota + 1
	// CannotLink keeps A and B in different events. When must-links
	// contradict it (A and B must-linked through others) the must-links
	// win: the researcher's latest "same" verdicts are the positive ones.
	CannotLink
	// Pin fixes article A's placement to its must-links alone: analysis
	// never moves it and never joins another article to it.
	Pin
)

// Constraint is one stored correction fact. Pin uses A only (B is 0). A
// MustLink or CannotLink pair is stored with A < B.
type Constraint struct {
	Kind ConstraintKind
	A, B int64
}

func pair(kind ConstraintKind, a, b int64) Constraint {
	if b < a {
		a, b = b, a
	}
	return Constraint{Kind: kind, A: a, B: b}
}

// CorrectionKind names what a researcher did.
type CorrectionKind uint8

const (
	// SameEvent says articles A and B are one event.
	SameEvent CorrectionKind = iota + 1
	// NotSameEvent says A and B are different events.
	NotSameEvent
	// RemoveFromEvent takes A out of its event: it becomes its own event
	// and stays out.
	RemoveFromEvent
	// MoveToEvent moves A into event Event and pins it there.
	MoveToEvent
	// MergeEvents merges events Event and Other and pins them together.
	MergeEvents
	// SplitEvent splits event Event into Parts (every member in exactly
	// one part; members left out form one more part).
	SplitEvent
)

// Correction is a researcher's verdict. Apply turns it into constraints.
type Correction struct {
	Kind         CorrectionKind
	A, B         int64
	Event, Other int64
	Parts        [][]int64
}
