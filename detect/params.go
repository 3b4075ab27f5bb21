package detect

import "math"

// Params are the settings features and comparisons are made with. The
// fields that shape Features are folded into Hash: features stored under
// another hash must be recomputed.
type Params struct {
	// Shingle is the number of words (variant keys) per shingle.
	Shingle int `json:"shingle"`
	// Hashes is the MinHash signature length; Bands*Rows must equal it.
	Hashes int    `json:"hashes"`
	Bands  int    `json:"bands"`
	Seed   uint64 `json:"seed"`
	// LedeWords is how many body words make the lede compared for stories.
	LedeWords int `json:"lede_words"`

	// NearJaccard is the shingle Jaccard at and above which two articles are
	// near-duplicates. NearContainment admits a pair whose smaller shingle set
	// lies mostly inside the larger (an article republished with an extra
	// paragraph or two), if the sizes differ by at most MinSizeRatio.
	NearJaccard     float64 `json:"near_jaccard"`
	NearContainment float64 `json:"near_containment"`
	MinSizeRatio    float64 `json:"min_size_ratio"`

	// StoryThreshold is the story score at and above which two articles are
	// versions of one story. StoryDays is the date gap over which the score
	// starts to fade (same event, reported days apart).
	StoryThreshold float64 `json:"story_threshold"`
	StoryDays      float64 `json:"story_days"`
	// StoryTerms is how many of an article's rarest terms go into the
	// inverted index that proposes story candidates.
	StoryTerms int `json:"story_terms"`
}

// DefaultParams are the settings chosen by measurement (see EVAL.md).
func DefaultParams() Params {
	return Params{
		Shingle:         4,
		Hashes:          128,
		Bands:           32,
		Seed:            0x5d0d1ff,
		LedeWords:       150,
		NearJaccard:     0.5,
		NearContainment: 0.8,
		MinSizeRatio:    0.5,
		StoryThreshold:  0.15,
		StoryDays:       30,
		StoryTerms:      24,
	}
}

// Rows is the number of signature rows per LSH band.
func (p Params) Rows() int { return p.Hashes / p.Bands }

// Hash identifies the fields that shape Features.
func (p Params) Hash() uint64 {
	return hashUint64s([]uint64{
		featuresVersion, uint64(p.Shingle), uint64(p.Hashes), p.Seed, uint64(p.LedeWords),
	})
}

// featuresVersion changes whenever ComputeFeatures changes what it makes.
const featuresVersion = 1

// LSHThreshold is roughly the Jaccard at which banding starts to propose a
// pair as a candidate, (1/bands)^(1/rows). Pairs well below it are rarely
// proposed, so a near-duplicate threshold under it loses recall.
func (p Params) LSHThreshold() float64 {
	return math.Pow(1/float64(p.Bands), 1/float64(p.Rows()))
}
