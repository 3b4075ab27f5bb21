package app

import (
	"context"
	"time"

	"github.com/storydiff/storydiff/align"
	"github.com/storydiff/storydiff/core"
)

// AlignOptions choose how two articles, or a story's versions, are aligned.
type AlignOptions struct {
	// Mode is "aligned" (sentences paired, word diff inside each row),
	// "diff" (the plain word diff cut into rows) or empty: the alignment
	// engine decides, word diff for near-duplicates.
	Mode string `json:"mode"`
	// Timeout bounds each word diff inside a row (0: the engine's
	// interactive default). Reports set a long one, as for CompareOptions.
	Timeout time.Duration `json:"-"`
}

func (o AlignOptions) alignOptions() (align.Options, error) {
	switch o.Mode {
	case "", align.ModeAligned, align.ModeDiff:
	default:
		return align.Options{}, core.Errorf(core.EINVALID, "unknown alignment mode %q (use aligned or diff)", o.Mode)
	}
	return align.Options{Mode: o.Mode, DiffTimeout: o.Timeout}, nil
}

// Align compares two articles sentence by sentence: rows of A and B that
// say the same thing side by side, with the word diff inside each row.
// Spans are code-point offsets into the stored texts.
func (s *Service) Align(ctx context.Context, refA, refB string, opt AlignOptions) (*align.Result, error) {
	o, err := opt.alignOptions()
	if err != nil {
		return nil, err
	}
	a, b, err := s.twoTexts(ctx, refA, refB)
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	r := align.Compare(a.id, b.id, a.text, b.text, o)
	if r.Rows == nil {
		r.Rows = []align.Row{}
	}
	return &r, nil
}

// Collate lines up the versions of a story, in date order, into rows of
// sentences saying the same thing. opt.Mode is ignored: each version is
// compared with the one before in the way that suits the two.
func (s *Service) Collate(ctx context.Context, storyID int64, opt AlignOptions) (*align.Story, error) {
	o, err := opt.alignOptions()
	if err != nil {
		return nil, err
	}
	o.Mode = ""
	ids, err := s.storyVersions(ctx, storyID)
	if err != nil {
		return nil, err
	}
	versions := make([]align.Version, len(ids))
	for i, id := range ids {
		a, err := s.db.Article(ctx, id)
		if err != nil {
			return nil, err
		}
		versions[i] = align.Version{Article: id, Text: a.Text}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	st := align.CollateStory(storyID, versions, o)
	if st.Rows == nil {
		st.Rows = []align.CollationRow{}
	}
	return &st, nil
}

// storyVersions returns the ids of a story's versions in date order: the
// one place that says what a collated story is made of.
func (s *Service) storyVersions(ctx context.Context, storyID int64) ([]int64, error) {
	sts, err := s.db.Stories(ctx, storyID)
	if err != nil {
		return nil, err
	}
	if len(sts) == 0 {
		return nil, core.Errorf(core.ENOTFOUND, "no story %d (run storydiff stories to list them)", storyID)
	}
	return sts[0].Members, nil
}

// Collation is a story's collation with what a table's column headers
// show of each version (date, outlet, title), in the order of Versions.
type Collation struct {
	*align.Story
	Articles []StoryArticle `json:"articles"`
}

// collation adds the versions' summaries to Collate's rows.
func (s *Service) collation(ctx context.Context, storyID int64, opt AlignOptions) (*Collation, error) {
	st, err := s.Collate(ctx, storyID, opt)
	if err != nil {
		return nil, err
	}
	arts, err := s.db.Summaries(ctx, st.Versions)
	if err != nil {
		return nil, err
	}
	byID := make(map[int64]core.Article, len(arts))
	for _, a := range arts {
		byID[a.ID] = a
	}
	c := &Collation{Story: st, Articles: make([]StoryArticle, 0, len(st.Versions))}
	for i, id := range st.Versions {
		a := byID[id]
		c.Articles = append(c.Articles, StoryArticle{ID: id, Published: a.Published, Title: a.Title, Outlet: a.Outlet, Earliest: i == 0})
	}
	return c, nil
}
