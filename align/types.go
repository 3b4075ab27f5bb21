package align

import (
	"github.com/storydiff/storydiff/core"
	"time"
)

// Kind says how the sentences of a link relate.
type Kind string

const (
	// Equal: one sentence in each, the same once normalised (case, quotes,
	// dashes, white space).
	Equal Kind = "equal"
	// Edited: one sentence in each, reworded.
	Edited Kind = "edited"
	// Split: one sentence of A became several in B.
	Split Kind = "split"
	// Merged: several sentences of A became one in B.
	Merged Kind = "merged"
	// Regrouped: two sentences of A became two of B with the break moved.
	Regrouped Kind = "regrouped"
	// Removed: a sentence of A with no counterpart in B.
	Removed Kind = "removed"
	// Added: a sentence of B with no counterpart in A.
	Added Kind = "added"
)

// Sentence is one sentence of a text.
type Sentence struct {
	Span      core.Span `json:"span"`
	Paragraph int       `json:"paragraph"` // index of the line (paragraph) holding it
	Words     int       `json:"words"`
}

// Link relates consecutive sentences of A to consecutive sentences of B.
// A Removed link has no B sentences, an Added link no A sentences.
type Link struct {
	Kind Kind `json:"kind"`
	// Moved is set when the link is out of the order of the others: the
	// sentences stand elsewhere in B than their place in A would say.
	Moved bool `json:"moved,omitempty"`
	// A and B are the sentence indices, ascending and consecutive.
	A []int `json:"a"`
	B []int `json:"b"`
	// SpanA and SpanB cover the link's sentences in each text (zero when
	// the side is empty).
	SpanA core.Span `json:"span_a"`
	SpanB core.Span `json:"span_b"`
	// Score is the weighted word similarity of the two sides, 0 to 1 (1 for
	// Equal, 0 for Removed and Added).
	Score float64 `json:"score"`
}

// Stats sums up an alignment. Sentence counts are of B's sentences, except
// Removed and SentencesA.
type Stats struct {
	SentencesA int `json:"sentences_a"`
	SentencesB int `json:"sentences_b"`
	Equal      int `json:"equal"`
	Edited     int `json:"edited"`    // in Edited links
	Regrouped  int `json:"regrouped"` // in Split, Merged and Regrouped links
	Moved      int `json:"moved"`
	Added      int `json:"added"`
	Removed    int `json:"removed"` // sentences of A
	// Kept is the share of B's words that stand in a sentence linked to A.
	Kept float64 `json:"kept"`
}

// Alignment is how the sentences of two texts correspond.
type Alignment struct {
	A []Sentence `json:"sentences_a"`
	B []Sentence `json:"sentences_b"`
	// Links cover every sentence of A and of B exactly once. They follow
	// B's order; a Removed link stands where its sentence stood in A among
	// the links that keep their order.
	Links []Link `json:"links"`
	// LinkOfA[i] and LinkOfB[j] are the index in Links of the link holding
	// sentence i of A and sentence j of B.
	LinkOfA []int `json:"-"`
	LinkOfB []int `json:"-"`
	Stats   Stats `json:"stats"`
	// Degraded is set when a stretch between anchors was too large for
	// Options.MaxCells and was aligned within a band around its diagonal.
	Degraded bool `json:"degraded,omitempty"`
}

// Options tune an alignment. The zero value gives the defaults.
type Options struct {
	// MinScore is the similarity a bead of sentences needs to be linked in
	// place. 0 means DefaultMinScore.
	MinScore float64
	// MoveScore is the similarity two sentences left unpaired need to be
	// linked out of order. 0 means DefaultMoveScore.
	MoveScore float64
	// MinMoveWords is the fewest words an exact anchor needs to count as
	// moved when it is out of order; shorter ones ("He said.") are left to
	// the dynamic programme. 0 means DefaultMinMoveWords.
	MinMoveWords int
	// MaxCells bounds the dynamic programme between two anchors (sentences
	// of A times sentences of B). 0 means DefaultMaxCells; negative means
	// no bound.
	MaxCells int
	// Mode is ModeAligned or ModeDiff for Pair and Compare; empty means
	// Mode(a, b) decides.
	Mode string
	// DiffTimeout bounds each word diff inside a row (diffing.Options
	// Timeout: 0 its default, negative no bound).
	DiffTimeout time.Duration

	// related is set by Pair and Collate for versions that are not
	// near-duplicates (see RelatedMinScore).
	related bool
}

// Defaults, chosen on generated version pairs with known links (see
// quality_test.go): lower MinScore pairs unrelated sentences that share a
// few common words, higher misses heavily reworded ones.
const (
	DefaultMinScore     = 0.3
	DefaultMoveScore    = 0.5
	DefaultMinMoveWords = 4
	DefaultMaxCells     = 4_000_000
)

func (o Options) withDefaults() Options {
	if o.MinScore <= 0 {
		o.MinScore = DefaultMinScore
	}
	if o.MoveScore <= 0 {
		o.MoveScore = DefaultMoveScore
	}
	if o.MinMoveWords <= 0 {
		o.MinMoveWords = DefaultMinMoveWords
	}
	if o.MaxCells == 0 {
		o.MaxCells = DefaultMaxCells
	}
	return o
}
