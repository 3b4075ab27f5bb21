package core

import "time"

// Pair kinds: the three exact-duplicate kinds, near-duplicates and story
// versions, from the strongest relation to the weakest.
const (
	PairSameBytes = "bytes"
	PairSameText  = "text"
	PairSameBody  = "body"
	PairNear      = "near"
	PairStory     = "story"
)

// Pair is one verified relation between two articles, A < B.
type Pair struct {
	A    int64  `json:"a"`
	B    int64  `json:"b"`
	Kind string `json:"kind"`
	// Jaccard and Containment are of the two shingle sets; Score is the
	// similarity the kind is judged by (1 for exact kinds, Jaccard or
	// containment for near, the story score for story).
	Jaccard     float64 `json:"jaccard"`
	Containment float64 `json:"containment"`
	Score       float64 `json:"score"`
}

// IsDuplicate reports whether the pair is an exact or near duplicate.
func (p Pair) IsDuplicate() bool { return p.Kind != PairStory }

// Relations a researcher's verdict can be about.
const (
	RelationDuplicate = "duplicate"
	RelationStory     = "story"
)

// Judgement is a researcher's verdict on a pair: Same true says the two are
// duplicates (or versions of one story), false says they are not. A verdict
// always overrides what analysis found.
type Judgement struct {
	A         int64     `json:"a"`
	B         int64     `json:"b"`
	Relation  string    `json:"relation"` // RelationDuplicate or RelationStory
	Same      bool      `json:"same"`
	Note      string    `json:"note"`
	CreatedAt time.Time `json:"created_at"`
}

// Verdicts on a whole duplicate group.
const (
	GroupDuplicates    = "duplicates"     // the members are copies of one text
	GroupNotDuplicates = "not_duplicates" // they are not
)

// DuplicateReview is a researcher's verdict on a duplicate group as it was
// when they reviewed it: Members (sorted) are its articles then, Keep the
// copy they chose to keep (0: none).
type DuplicateReview struct {
	Members    []int64   `json:"members"`
	Verdict    string    `json:"verdict"`
	Keep       int64     `json:"keep,omitempty"`
	ReviewedAt time.Time `json:"reviewed_at"`
}
