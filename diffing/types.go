package diffing

import (
	"github.com/storydiff/storydiff/core"
	"time"
)

// Granularity is the smallest unit a diff reports a change in.
type Granularity int

const (
	// Word is the default: words, white space runs and punctuation marks are
	// the units, so a change never starts or ends inside a word.
	Word Granularity = iota
	// Char compares code points inside changed words (after a word diff).
	Char
	// Sentence reports whole sentences as changed.
	Sentence
	// Paragraph reports whole paragraphs (blocks separated by blank lines).
	Paragraph
)

// String returns the name used on the command line.
func (g Granularity) String() string {
	switch g {
	case Char:
		return "char"
	case Sentence:
		return "sentence"
	case Paragraph:
		return "paragraph"
	}
	return "word"
}

// ParseGranularity accepts word, char, sentence and paragraph (and "" for word).
func ParseGranularity(s string) (Granularity, bool) {
	switch s {
	case "", "word":
		return Word, true
	case "char":
		return Char, true
	case "sentence":
		return Sentence, true
	case "paragraph":
		return Paragraph, true
	}
	return Word, false
}

// MinorKind is a set of the kinds of edit classified as minor.
type MinorKind uint

const (
	MinorSpace       MinorKind = 1 << iota // only white space differs
	MinorTypography                        // quote, apostrophe or dash style (and NFKC forms)
	MinorCase                              // letter case
	MinorPunctuation                       // punctuation marks added, removed or changed
	MinorVariant                           // spelling or transliteration variants (Zelensky / Zelenskyy)
	MinorBoilerplate                       // the change lies wholly in boilerplate spans

	// MinorAll is every kind; it is what a zero Options.Minor means.
	MinorAll = MinorSpace | MinorTypography | MinorCase | MinorPunctuation | MinorVariant | MinorBoilerplate
)

// Options tune a diff. The zero value is a word diff with every kind of minor
// edit classified (and counted) and the default time bound.
type Options struct {
	Granularity Granularity
	// Minor selects which kinds of edit are marked Minor; 0 means MinorAll.
	Minor MinorKind
	// IgnoreMinor leaves minor edits out of the statistics: they count as
	// unchanged for Similarity and are not counted as words inserted or
	// deleted or paragraphs changed. The ops still carry them (marked Minor)
	// so that applying the ops to A still gives B; renderers can hide them.
	IgnoreMinor bool
	// BoilerplateA and BoilerplateB are rune spans of site chrome in A and B
	// (as found by boilerplate detection). A change lying wholly inside them
	// is minor (MinorBoilerplate).
	BoilerplateA, BoilerplateB []core.Span
	// Timeout bounds the whole diff. 0 means DefaultTimeout; a negative value
	// means no bound. When the bound is reached the rest of the diff is made
	// coarser (whole changed blocks shown as replaced) and Result.Degraded is set.
	Timeout time.Duration
	// MinMoveWords is the fewest words a paragraph or sentence needs to be
	// reported as moved; 0 means DefaultMinMoveWords. A negative value turns
	// move detection off.
	MinMoveWords int
}

// DefaultTimeout bounds a diff when Options.Timeout is 0.
const DefaultTimeout = 2 * time.Second

// DefaultMinMoveWords is the shortest paragraph or sentence reported as moved.
const DefaultMinMoveWords = 5

// Kind is what an Op does.
type Kind string

const (
	Equal  Kind = "equal"
	Insert Kind = "insert"
	Delete Kind = "delete"
	Move   Kind = "move"
)

// Move roles: the two ends of a move.
const (
	MoveFrom = "from" // the text's place in A (it is absent there in B)
	MoveTo   = "to"   // the text's new place in B
)

// Op is one operation of a diff. Every op has a span in A and a span in B;
// one of them is empty (Start == End, the position where the other side's
// text sits) except for Equal.
//
//   - Equal: Text is in A at A and in B at B.
//   - Delete: Text is in A at A; B is the empty position in B.
//   - Insert: Text is in B at B; A is the empty position in A.
//   - Move with Role "from": like Delete; the text reappears at the op with
//     Role "to" and the same MoveID.
//   - Move with Role "to": like Insert; Text is B's text, which may differ a
//     little from the "from" text (then Detail holds the word diff between
//     them, with A spans in the "from" text and B spans here).
//
// The A spans of the ops, in order, tile A from 0 to its end and so do the B
// spans for B: applying the ops to A (see Apply) gives B.
type Op struct {
	Op   Kind      `json:"op"`
	Text string    `json:"text"`
	A    core.Span `json:"a"`
	B    core.Span `json:"b"`
	// Role is "from" or "to" for a Move, empty otherwise.
	Role string `json:"role,omitempty"`
	// MoveID links the two ends of a move (1, 2, ...); 0 for other ops.
	MoveID int `json:"move_id,omitempty"`
	// Minor marks a delete or insert that belongs to a minor edit; Why says
	// which kind: "space", "case", "typography", "punctuation", "variant" or
	// "boilerplate" (see the package doc for what each covers).
	Minor bool   `json:"minor,omitempty"`
	Why   string `json:"why,omitempty"`
	// Detail shows, for a short replaced word (a delete followed by an
	// insert, both carrying the same Detail) or a near-identical move, the
	// finer diff inside it, with spans in the same texts as the op's.
	Detail []Op `json:"detail,omitempty"`
}

// Stats summarises a diff. Word counts follow textnorm's notion of a word;
// at Char granularity a changed piece of a word counts as a word inserted
// or deleted.
type Stats struct {
	// ChangedShare is the share of both texts' words the diff marks
	// changed: 1 - 2*unchanged words / (words in A + words in B), in [0,1];
	// moved words count as unchanged, and so do minor edits under
	// IgnoreMinor. It is not the pair's similarity (the near-duplicate
	// measure, app.Service.Similarity), which a diff does not decide.
	ChangedShare      float64 `json:"changed_share"`
	WordsA            int     `json:"words_a"`
	WordsB            int     `json:"words_b"`
	WordsInserted     int     `json:"words_inserted"`
	WordsDeleted      int     `json:"words_deleted"`
	WordsMoved        int     `json:"words_moved"`
	ParagraphsChanged int     `json:"paragraphs_changed"`
	// MinorEdits counts minor edits (a delete and insert replacing each other count once).
	MinorEdits int `json:"minor_edits"`
	Moves      int `json:"moves"`
}

// Result is a diff of A against B.
type Result struct {
	Stats Stats `json:"stats"`
	Ops   []Op  `json:"ops"`
	// Degraded says the time bound (or the size of the input) forced a
	// coarser diff than asked for in some places; Reason says why. The ops
	// are still exact: applying them to A gives B.
	Degraded bool   `json:"degraded,omitempty"`
	Reason   string `json:"reason,omitempty"`
}
