package app

import (
	"context"
	"slices"

	"github.com/storydiff/storydiff/core"
)

// Which groups the review queue shows.
const (
	ShowUnreviewed = "unreviewed"
	ShowReviewed   = "reviewed"
	ShowAll        = "all"
)

// DuplicateQuery asks for one page of the duplicates review queue.
type DuplicateQuery struct {
	// MinSimilarity is the near-duplicate threshold (negative: the default).
	MinSimilarity float64 `json:"min_similarity"`
	// Show is unreviewed (also ""), reviewed or all.
	Show string `json:"show"`
	Page
}

// DuplicateCounts are the queue's true totals at its threshold, whatever
// page is shown. Groups = Near + Exact = Reviewed + Unreviewed; single
// articles found at several paths are not groups, and are counted apart.
type DuplicateCounts struct {
	Groups     int `json:"groups"`
	Near       int `json:"near"`
	Exact      int `json:"exact"`
	Reviewed   int `json:"reviewed"`
	Unreviewed int `json:"unreviewed"`
	// SeveralPaths counts the articles found at more than one path (some
	// of them may also be in a group with other articles).
	SeveralPaths int `json:"several_paths"`
}

// DuplicateQueue is one page of the groups a researcher reviews.
type DuplicateQueue struct {
	MinSimilarity float64          `json:"min_similarity"`
	Show          string           `json:"show"`
	Counts        DuplicateCounts  `json:"counts"`
	Total         int              `json:"total"` // the groups Show selects
	Offset        int              `json:"offset"`
	Groups        []DuplicateGroup `json:"groups"`
}

// SeveralPathsPage is one page of the articles found at more than one path.
type SeveralPathsPage struct {
	Total    int            `json:"total"`
	Offset   int            `json:"offset"`
	Articles []core.Article `json:"articles"`
}

func checkShow(show string) (string, error) {
	switch show {
	case "", ShowUnreviewed:
		return ShowUnreviewed, nil
	case ShowReviewed, ShowAll:
		return show, nil
	}
	return "", core.Errorf(core.EINVALID, "show is %s, %s or %s, not %q", ShowUnreviewed, ShowReviewed, ShowAll, show)
}

// DuplicateQueue lists one page of the duplicate groups (near-duplicates
// first, then exact copies) with the totals by kind and review state. The
// groups are clustered on every call, so the totals follow the threshold.
func (s *Service) DuplicateQueue(ctx context.Context, q DuplicateQuery) (*DuplicateQueue, error) {
	show, err := checkShow(q.Show)
	if err != nil {
		return nil, err
	}
	all, err := s.duplicateClusters(ctx, q.MinSimilarity)
	if err != nil {
		return nil, err
	}
	out := &DuplicateQueue{MinSimilarity: q.MinSimilarity, Show: show, Offset: max(q.Offset, 0), Groups: []DuplicateGroup{}}
	if out.MinSimilarity < 0 {
		out.MinSimilarity = DefaultMinSimilarity()
	}
	copies, err := s.db.MultiLocated(ctx)
	if err != nil {
		return nil, err
	}
	out.Counts.SeveralPaths = len(copies)
	var shown []DuplicateGroup
	for _, g := range all {
		if g.SeveralPaths {
			continue
		}
		out.Counts.Groups++
		if g.Kind == "exact" {
			out.Counts.Exact++
		} else {
			out.Counts.Near++
		}
		reviewed := g.Review != nil
		if reviewed {
			out.Counts.Reviewed++
		} else {
			out.Counts.Unreviewed++
		}
		if show == ShowAll || (show == ShowReviewed) == reviewed {
			shown = append(shown, g)
		}
	}
	out.Total = len(shown)
	if lo, hi := q.Page.slice(len(shown)); lo < hi {
		out.Groups = shown[lo:hi]
	}
	return out, s.fillGroups(ctx, out.Groups)
}

// SeveralPaths lists one page of the articles found at more than one path,
// with their paths.
func (s *Service) SeveralPaths(ctx context.Context, pg Page) (*SeveralPathsPage, error) {
	ids, err := s.db.MultiLocated(ctx)
	if err != nil {
		return nil, err
	}
	out := &SeveralPathsPage{Total: len(ids), Offset: max(pg.Offset, 0), Articles: []core.Article{}}
	if lo, hi := pg.slice(len(ids)); lo < hi {
		arts, err := s.db.Summaries(ctx, ids[lo:hi])
		if err != nil {
			return nil, err
		}
		out.Articles = append(out.Articles, arts...)
	}
	return out, nil
}

// ReviewDuplicates records a verdict on the duplicate group of exactly
// members as the researcher saw it: verdict is core.GroupDuplicates or
// core.GroupNotDuplicates, keep the copy to keep (0: none; only with
// duplicates). Verdict "" forgets the review, and keep then restores the
// copy kept before it: that is how a review is undone.
func (s *Service) ReviewDuplicates(ctx context.Context, members []int64, verdict string, keep int64) error {
	if len(members) == 0 {
		return core.Errorf(core.EINVALID, "name the group's articles")
	}
	switch verdict {
	case "", core.GroupDuplicates:
	case core.GroupNotDuplicates:
		if keep != 0 {
			return core.Errorf(core.EINVALID, "a group that is not duplicates has no copy to keep")
		}
	default:
		return core.Errorf(core.EINVALID, "a group's verdict is %s or %s, not %q", core.GroupDuplicates, core.GroupNotDuplicates, verdict)
	}
	if keep != 0 && !slices.Contains(members, keep) {
		return core.Errorf(core.EINVALID, "article %d is not in the group it should be kept from", keep)
	}
	if len(members) == 1 {
		if err := s.checkDuplicateGroup(ctx, members); err != nil {
			return err
		}
		return core.Errorf(core.EINVALID, "article %d alone is one article found at several paths: there is no copy to choose", members[0])
	}
	if verdict != "" || keep != 0 {
		// Forgetting needs no check: it changes nothing the list did not
		// show. A group listed since the archive last changed is one.
		listed, err := s.clusters.holds(ctx, s, members)
		if err != nil {
			return err
		}
		if !listed {
			if err := s.checkDuplicateGroup(ctx, members); err != nil {
				return err
			}
		}
	}
	return s.db.SetDuplicateReview(ctx, members, verdict, keep)
}

// DuplicateGroupOf returns the group (of two or more articles) holding the
// article at the threshold (negative: the default).
func (s *Service) DuplicateGroupOf(ctx context.Context, ref string, minSimilarity float64) (*DuplicateGroup, error) {
	id, err := s.db.ResolveRef(ctx, ref)
	if err != nil {
		return nil, err
	}
	groups, err := s.duplicateClusters(ctx, minSimilarity)
	if err != nil {
		return nil, err
	}
	for _, g := range groups {
		if slices.Contains(g.Articles, id) {
			if g.SeveralPaths {
				return nil, core.Errorf(core.EINVALID, "article %d is one article found at several paths, in no group with another: there is no copy to choose", id)
			}
			return &g, nil
		}
	}
	return nil, core.Errorf(core.EINVALID, "article %d is in no duplicate group", id)
}
