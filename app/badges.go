package app

import (
	"context"
	"sync"

	"github.com/storydiff/storydiff/core"
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
