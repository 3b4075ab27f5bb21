package app

import (
	"context"
	"maps"
	"slices"

	"github.com/storydiff/storydiff/core"
	"github.com/storydiff/storydiff/evidence"
)

// defaultRelated is how many articles Related lists when no limit is given.
const defaultRelated = 10

// profileOf returns article id's stored profile with its estimated date,
// or computes it when the article was not analysed yet, so that explain
// works on any two articles.
func (s *Service) profileOf(ctx context.Context, id int64) (*evidence.Profile, error) {
	ps, err := s.loadProfiles(ctx, []int64{id})
	if err != nil {
		return nil, err
	}
	if p := ps[id]; p != nil {
		return p, s.setEstimates(ctx, ps)
	}
	a, err := s.db.Article(ctx, id)
	if err != nil {
		return nil, err
	}
	return evidence.NewProfile(evidence.Input{Title: a.Title, Text: a.Text, Lang: a.Language, Published: a.Published}), nil
}

// explanation scores a against b. SameEvent and SameThread say what the
// stored clustering holds when both articles are placed, and what the score
// says otherwise.
func (s *Service) explanation(ctx context.Context, a, b int64, pa, pb *evidence.Profile) (core.Explanation, error) {
	e := evidence.Score(pa, pb)
	out := core.Explanation{A: a, B: b, Score: e.Score, Thread: e.Thread, SameEvent: e.SameEvent, SameThread: e.SameThread,
		Evidence: make([]core.Evidence, 0, len(e.Evidence))}
	for _, v := range e.Evidence {
		out.Evidence = append(out.Evidence, core.Evidence{Kind: v.Kind, AText: v.AText, BText: v.BText, Weight: v.Weight})
	}
	ea, err := s.db.EventOfArticle(ctx, a)
	if err != nil {
		return out, err
	}
	eb, err := s.db.EventOfArticle(ctx, b)
	if err != nil {
		return out, err
	}
	if ea != 0 && eb != 0 {
		out.SameEvent = ea == eb
		heads, err := s.db.EventHeads(ctx, []int64{ea, eb})
		if err != nil {
			return out, err
		}
		out.SameThread = out.SameEvent
		if len(heads) == 2 && heads[0].Thread != 0 {
			out.SameThread = out.SameThread || heads[0].Thread == heads[1].Thread
		}
	}
	return out, nil
}

// Explain scores two articles (refs) as one event and lists the evidence.
func (s *Service) Explain(ctx context.Context, refA, refB string) (*core.Explanation, error) {
	a, err := s.db.ResolveRef(ctx, refA)
	if err != nil {
		return nil, err
	}
	b, err := s.db.ResolveRef(ctx, refB)
	if err != nil {
		return nil, err
	}
	if a == b {
		return nil, core.Errorf(core.EINVALID, "explain needs two different articles, not %d twice", a)
	}
	pa, err := s.profileOf(ctx, a)
	if err != nil {
		return nil, err
	}
	pb, err := s.profileOf(ctx, b)
	if err != nil {
		return nil, err
	}
	c, err := s.newCensus(ctx)
	if err != nil {
		return nil, err
	}
	if err := c.discount(ctx, pa, pb); err != nil {
		return nil, err
	}
	e, err := s.explanation(ctx, a, b, pa, pb)
	if err != nil {
		return nil, err
	}
	return &e, nil
}

// Related lists the articles closest to ref as one event, best first, each
// with its explanation: its stored links and, when they are fewer than
// limit, fresh candidates from the key index.
func (s *Service) Related(ctx context.Context, ref string, limit int) ([]core.Explanation, error) {
	if limit < 0 {
		return nil, core.Errorf(core.EINVALID, "limit must be a whole number, not %d", limit)
	}
	if limit == 0 {
		limit = defaultRelated
	}
	x, err := s.db.ResolveRef(ctx, ref)
	if err != nil {
		return nil, err
	}
	px, err := s.profileOf(ctx, x)
	if err != nil {
		return nil, err
	}
	c, err := s.newCensus(ctx)
	if err != nil {
		return nil, err
	}
	if err := c.discount(ctx, px); err != nil {
		return nil, err
	}
	links, err := s.db.LinksOf(ctx, x)
	if err != nil {
		return nil, err
	}
	var ids []int64
	for _, l := range links {
		ids = append(ids, l.A+l.B-x)
	}
	if len(ids) < limit {
		fresh, err := s.freshLinks(ctx, x, px, c)
		if err != nil {
			return nil, err
		}
		for _, l := range fresh {
			if y := l.A + l.B - x; !slices.Contains(ids, y) {
				ids = append(ids, y)
			}
		}
	}
	profs, err := s.loadProfiles(ctx, ids)
	if err != nil {
		return nil, err
	}
	if err := s.setEstimates(ctx, profs); err != nil {
		return nil, err
	}
	if err := c.discount(ctx, slices.Collect(maps.Values(profs))...); err != nil {
		return nil, err
	}
	out := []core.Explanation{}
	for _, y := range ids {
		py := profs[y]
		if py == nil {
			continue
		}
		e, err := s.explanation(ctx, x, y, px, py)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	slices.SortStableFunc(out, func(a, b core.Explanation) int {
		switch {
		case a.Score > b.Score:
			return -1
		case a.Score < b.Score:
			return 1
		}
		return int(a.B - b.B)
	})
	if len(out) > limit {
		out = out[:limit]
	}
	titles, err := s.db.Titles(ctx, ids)
	if err != nil {
		return nil, err
	}
	for i := range out {
		out[i].Title = titles[out[i].B]
	}
	return out, nil
}
