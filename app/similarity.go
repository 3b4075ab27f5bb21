package app

import (
	"context"

	"github.com/storydiff/storydiff/core"
	"github.com/storydiff/storydiff/detect"
	"github.com/storydiff/storydiff/store"
)

// Similarity is the similarity of articles a and b: the one number every
// view, listing and report shows for a pair under that name
// (detect.PairSimilarity: the near-duplicate score analysis verifies pairs
// by, 1 for exact copies, else the Jaccard of their 4-word shingles). It
// reads the features analysis stored, so a duplicate pair's similarity is
// the score its group was made from; an article not analysed yet gets its
// features made from its text, without the archive's recurring lines.
func (s *Service) Similarity(ctx context.Context, a, b int64) (float64, error) {
	p := detect.DefaultParams()
	feats := map[int64]*detect.Features{}
	err := s.db.FeaturesOf(ctx, p.Hash(), []int64{a, b}, func(id int64, data []byte) error {
		f := new(detect.Features)
		if err := f.UnmarshalBinary(data); err != nil {
			return nil // made by other code: made again below
		}
		feats[id] = f
		return nil
	})
	if err != nil {
		return 0, err
	}
	var missing []int64
	for _, id := range []int64{a, b} {
		if feats[id] == nil {
			missing = append(missing, id)
		}
	}
	if len(missing) > 0 {
		err := s.db.AnalysisInputs(ctx, missing, func(in store.AnalysisInput) error {
			feats[in.ID] = detect.ComputeFeatures(detect.Input{Text: in.Text, Original: in.Original, Title: in.Title,
				Published: in.Published}, p)
			return nil
		})
		if err != nil {
			return 0, err
		}
	}
	if feats[a] == nil || feats[b] == nil {
		return 0, core.Errorf(core.ENOTFOUND, "no article %d", map[bool]int64{true: a, false: b}[feats[a] == nil])
	}
	return detect.PairSimilarity(p, feats[a], feats[b]), nil
}
