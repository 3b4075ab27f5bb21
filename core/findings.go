package core

// Block kinds: what a line of an article is.
const (
	BlockTitle       = "title"
	BlockBody        = "body"
	BlockBoilerplate = "boilerplate"
	BlockRepeat      = "repeat"
)

// Block is one non-blank line of an article with its kind and the hash of
// its normalised text (16 hex digits, stable across runs).
type Block struct {
	Span
	Kind string `json:"kind"`
	Hash string `json:"hash"`
}

// Repeat is a passage that occurs two or more times inside one article: a
// run of consecutive sentences, with every place it occurs.
type Repeat struct {
	Text        string `json:"text"`
	Occurrences []Span `json:"occurrences"`
}

// Passage is a stretch of text shared by two articles, with its place in
// each and how closely the two copies agree (matched words over the longer
// copy's words, 0..1). Text is A's copy.
type Passage struct {
	A     Span    `json:"a"`
	B     Span    `json:"b"`
	Score float64 `json:"score"`
	Text  string  `json:"text"`
	// BText is B's copy when it is worded otherwise than A's (a reworded
	// passage); empty when the two are the same words.
	BText string `json:"b_text,omitempty"`
}

// Group is a set of duplicates: Kind "exact" when every link is an exact
// kind, else "near"; Similarity is the weakest link's score.
type Group struct {
	Kind       string  `json:"kind"`
	Similarity float64 `json:"similarity"`
	Articles   []int64 `json:"articles"`
}

// Story is a set of articles that are versions of one event, in date order
// (undated articles last, by id); Earliest is the first dated article, or
// the first article if none is dated.
type Story struct {
	ID       int64   `json:"id"`
	Label    string  `json:"label"`
	Earliest int64   `json:"earliest"`
	Members  []int64 `json:"members"`
}

// LineCount is one persisted row of the recurring-line census: in Count
// articles of Group (a folder or outlet), a line with normalised hash Hash
// occurred. A group's articles row carries Hash 0 and the number of articles
// in the group.
type LineCount struct {
	Group string `json:"group"`
	Hash  uint64 `json:"hash"`
	Count int    `json:"count"`
}
