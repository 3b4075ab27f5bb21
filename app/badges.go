package app

import (
	"cmp"
	"context"
	"slices"
	"sync"

	"github.com/storydiff/storydiff/core"
	"github.com/storydiff/storydiff/detect"
)

// Badges shown in the library, one per kind of finding.
const (
	BadgeDuplicate = "duplicate"      // in a group of exact duplicates
	BadgeNear      = "near_duplicate" // in a group of near-duplicates
	BadgeRepeat    = "repeat"         // repeats a passage inside itself
	BadgeStory     = "story"          // in an event of two or more versions
)

// badgeCache knows which articles carry which badge, for the library's badge
// column and filter. Findings change only when a job ends or a verdict is
// saved, so the answer is cached until then (Invalidate, or the Emitter
// wrapper on job:done).
type badgeCache struct {
	svc *Service

	mu      sync.Mutex
	valid   bool
	byBadge map[string][]int64
	byID    map[int64][]string
}

// newBadgeCache returns an empty cache over svc.
func newBadgeCache(svc *Service) *badgeCache { return &badgeCache{svc: svc} }

// Invalidate drops the cache; the next list recomputes it.
func (m *badgeCache) Invalidate() {
	m.mu.Lock()
	m.valid = false
	m.mu.Unlock()
}

type invalidating struct {
	m    *badgeCache
	next Emitter
}

func (e invalidating) Emit(event string, data any) {
	if event == "job:done" {
		e.m.Invalidate()
	}
	e.next.Emit(event, data)
}

// Emitter wraps next so that the end of any job (an import, an analysis)
// drops the cache before the UI hears of it and asks again.
func (m *badgeCache) Emitter(next Emitter) Emitter { return invalidating{m: m, next: next} }

func (m *badgeCache) load(ctx context.Context) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.valid {
		return nil
	}
	byBadge := map[string][]int64{BadgeDuplicate: {}, BadgeNear: {}, BadgeRepeat: {}, BadgeStory: {}}
	byID := map[int64][]string{}
	add := func(badge string, id int64) {
		byBadge[badge] = append(byBadge[badge], id)
		byID[id] = append(byID[id], badge)
	}
	groups, err := m.svc.duplicateClusters(ctx, -1)
	if err != nil {
		return err
	}
	for _, g := range groups {
		badge := BadgeNear
		if g.Kind == "exact" {
			badge = BadgeDuplicate
		}
		for _, id := range g.Articles {
			add(badge, id)
		}
	}
	// Only who has repeats and who is in an event of two or more versions:
	// reading the passages and the events themselves took seconds at a
	// million articles.
	repeated, err := m.svc.db.RepeatedIDs(ctx)
	if err != nil {
		return err
	}
	story, err := m.svc.db.InMultiEvents(ctx)
	if err != nil {
		return err
	}
	for _, id := range repeated {
		add(BadgeRepeat, id)
	}
	for _, id := range story {
		add(BadgeStory, id)
	}
	m.byBadge, m.byID, m.valid = byBadge, byID, true
	return nil
}

// ArticleRow is an article in the library with its badges.
type ArticleRow struct {
	core.Article
	Badges []string `json:"badges,omitempty"`
}

// ListPage is one page of the library.
type ListPage struct {
	Total    int          `json:"total"`
	Articles []ArticleRow `json:"articles"`
}

// IDs returns the articles with a badge.
func (m *badgeCache) IDs(ctx context.Context, badge string) ([]int64, error) {
	if err := m.load(ctx); err != nil {
		return nil, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	ids, ok := m.byBadge[badge]
	if !ok {
		return nil, core.Errorf(core.EINVALID, "unknown badge %q (use duplicate, near_duplicate, repeat or story)", badge)
	}
	return append([]int64{}, ids...), nil
}

// List returns one page of the library with badges, keeping only the
// articles with r.Badge when it is set.
func (m *badgeCache) List(ctx context.Context, r ListRequest) (*ListPage, error) {
	q, err := r.Query()
	if err != nil {
		return nil, err
	}
	if r.Badge == "" {
		m.mu.Lock()
		valid := m.valid
		m.mu.Unlock()
		if !valid {
			return m.listUncached(ctx, q)
		}
	}
	if err := m.load(ctx); err != nil {
		return nil, err
	}
	m.mu.Lock()
	byID := m.byID
	if r.Badge != "" {
		ids, ok := m.byBadge[r.Badge]
		if !ok {
			m.mu.Unlock()
			return nil, core.Errorf(core.EINVALID, "unknown badge %q (use duplicate, near_duplicate, repeat or story)", r.Badge)
		}
		q.IDs = append([]int64{}, ids...)
	}
	m.mu.Unlock()
	page, err := m.svc.ListArticles(ctx, q)
	if err != nil {
		return nil, err
	}
	out := &ListPage{Total: page.Total, Articles: make([]ArticleRow, len(page.Articles))}
	for i, a := range page.Articles {
		out.Articles[i] = ArticleRow{Article: a, Badges: byID[a.ID]}
	}
	return out, nil
}

// listUncached returns a page of the whole library (no badge filter) with
// the badges of its own articles only, when the cache is not filled: filling
// it reads every duplicate pair, every article with repeats and every member
// of a multi-version event (most of a first page's time at a million
// articles), where a page needs its hundred articles' groups. The badges are
// the cache's: an article's duplicate group is found by clustering just the
// pairs of its connected component (clustering never joins components, and
// every verdict is taken into account as in the full clustering).
func (m *badgeCache) listUncached(ctx context.Context, q core.ListQuery) (*ListPage, error) {
	page, err := m.svc.ListArticles(ctx, q)
	if err != nil {
		return nil, err
	}
	ids := make([]int64, len(page.Articles))
	for i, a := range page.Articles {
		ids[i] = a.ID
	}
	badges, err := m.svc.pageBadges(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := &ListPage{Total: page.Total, Articles: make([]ArticleRow, len(page.Articles))}
	for i, a := range page.Articles {
		out.Articles[i] = ArticleRow{Article: a, Badges: badges[a.ID]}
	}
	return out, nil
}

// pageBadges returns the badges of the given articles, in the order load
// gives them: the duplicate group's kind, then repeat, then story.
func (s *Service) pageBadges(ctx context.Context, ids []int64) (map[int64][]string, error) {
	min := DefaultMinSimilarity()
	js, err := s.judgements(ctx, core.RelationDuplicate)
	if err != nil {
		return nil, err
	}
	sameAs := map[int64][]int64{}
	for _, j := range js {
		if j.Same {
			sameAs[j.A] = append(sameAs[j.A], j.B)
			sameAs[j.B] = append(sameAs[j.B], j.A)
		}
	}
	// The connected components of the page's articles, over the pairs the
	// clustering keeps and the same-verdicts, one ring of neighbours at a time.
	seen := map[int64]bool{}
	for _, id := range ids {
		seen[id] = true
	}
	type key struct {
		a, b int64
		kind string
	}
	kept := map[key]core.Pair{}
	for frontier := ids; len(frontier) > 0; {
		pairs, err := s.db.DuplicatePairsTouching(ctx, frontier)
		if err != nil {
			return nil, err
		}
		var next []int64
		reach := func(id int64) {
			if !seen[id] {
				seen[id] = true
				next = append(next, id)
			}
		}
		for _, p := range pairs {
			if p.Score < min {
				continue
			}
			kept[key{p.A, p.B, p.Kind}] = p
			reach(p.A)
			reach(p.B)
		}
		for _, id := range frontier {
			for _, o := range sameAs[id] {
				reach(o)
			}
		}
		frontier = next
	}
	// In DuplicatePairs' order: the clustering sorts stably, so ties keep it.
	pairs := make([]core.Pair, 0, len(kept))
	for _, p := range kept {
		pairs = append(pairs, p)
	}
	slices.SortFunc(pairs, func(x, y core.Pair) int {
		return cmp.Or(cmp.Compare(x.A, y.A), cmp.Compare(x.B, y.B), cmp.Compare(x.Kind, y.Kind))
	})
	out := make(map[int64][]string, len(ids))
	onPage := map[int64]bool{}
	for _, id := range ids {
		onPage[id] = true
	}
	grouped := map[int64]bool{}
	for _, g := range detect.Groups(pairs, min, js) {
		badge := BadgeNear
		if g.Kind == "exact" {
			badge = BadgeDuplicate
		}
		for _, id := range g.Articles {
			grouped[id] = true
			if onPage[id] {
				out[id] = append(out[id], badge)
			}
		}
	}
	multi, repeated, story, err := s.db.BadgeFacts(ctx, ids)
	if err != nil {
		return nil, err
	}
	for _, id := range ids {
		if multi[id] && !grouped[id] {
			out[id] = append(out[id], BadgeDuplicate)
		}
	}
	for _, id := range ids {
		if repeated[id] {
			out[id] = append(out[id], BadgeRepeat)
		}
	}
	for _, id := range ids {
		if story[id] {
			out[id] = append(out[id], BadgeStory)
		}
	}
	return out, nil
}
