package app

import (
	"cmp"
	"context"
	"slices"
	"strings"
	"sync"

	"github.com/storydiff/storydiff/detect"
	"github.com/storydiff/storydiff/store"
)

// rawGroup is a duplicate group as clustering makes it, before the
// researcher's keeps and reviews are put on it.
type rawGroup struct {
	kind         string
	similarity   float64
	articles     []int64
	severalPaths bool
}

// clusterCache keeps the duplicate groups of the last few thresholds until
// the archive changes (store.Stamp, and the articles found at several
// places): at 100,000 groups clustering takes about a second, which a
// researcher would otherwise wait for at every page and every verdict.
// Keeps and reviews are read on every call, so they need no invalidation.
type clusterCache struct {
	mu      sync.Mutex
	stamp   string
	order   []float64 // thresholds, oldest first
	entries map[float64]clusterEntry
}

type clusterEntry struct {
	groups []rawGroup
	keys   map[string]bool // store.GroupKey of each group of two or more
}

// clusterThresholds is how many thresholds are kept: the slider asks for a
// new one at each rest, and each costs about 8 MB at 100,000 groups.
const clusterThresholds = 4

func (c *clusterCache) get(ctx context.Context, s *Service, min float64) ([]rawGroup, error) {
	e, _, err := c.entry(ctx, s, min)
	return e.groups, err
}

// holds reports whether members are exactly one group at a threshold
// clustered since the archive last changed.
func (c *clusterCache) holds(ctx context.Context, s *Service, members []int64) (bool, error) {
	stamp, err := clusterStamp(ctx, s)
	if err != nil {
		return false, err
	}
	key := store.GroupKey(members)
	if strings.Count(key, ",")+1 != len(members) {
		return false, nil // an id named twice: let the full check refuse it
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.stamp != stamp {
		return false, nil
	}
	for _, e := range c.entries {
		if e.keys[key] {
			return true, nil
		}
	}
	return false, nil
}

func clusterStamp(ctx context.Context, s *Service) (string, error) {
	stamp, err := s.db.Stamp(ctx)
	if err != nil {
		return "", err
	}
	n, err := s.db.CountMultiLocated(ctx)
	if err != nil {
		return "", err
	}
	return stamp + " m" + itoa(n), nil
}

func (c *clusterCache) entry(ctx context.Context, s *Service, min float64) (clusterEntry, string, error) {
	stamp, err := clusterStamp(ctx, s)
	if err != nil {
		return clusterEntry{}, "", err
	}
	c.mu.Lock()
	if c.stamp == stamp {
		if e, ok := c.entries[min]; ok {
			c.mu.Unlock()
			return e, stamp, nil
		}
	}
	c.mu.Unlock()
	groups, err := s.cluster(ctx, min)
	if err != nil {
		return clusterEntry{}, "", err
	}
	e := clusterEntry{groups: groups, keys: make(map[string]bool, len(groups))}
	for _, g := range groups {
		if !g.severalPaths {
			e.keys[store.GroupKey(g.articles)] = true
		}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.stamp != stamp {
		c.stamp, c.order, c.entries = stamp, nil, map[float64]clusterEntry{}
	}
	if _, ok := c.entries[min]; !ok {
		if len(c.order) >= clusterThresholds {
			delete(c.entries, c.order[0])
			c.order = c.order[1:]
		}
		c.order = append(c.order, min)
	}
	c.entries[min] = e
	return e, stamp, nil
}

// cluster groups the duplicate pairs at the threshold, obeying the
// researcher's pair verdicts, and adds each article found at several
// places and in no group as a group of its own. Near-duplicates come
// first, the closest first: they are what needs a researcher's eye; then
// exact copies, then single articles found at several paths. Ties go by
// the first article, so that the order is the same every time.
func (s *Service) cluster(ctx context.Context, min float64) ([]rawGroup, error) {
	pairs, err := s.db.DuplicatePairs(ctx)
	if err != nil {
		return nil, err
	}
	js, err := s.judgements(ctx, "duplicate")
	if err != nil {
		return nil, err
	}
	groups := detect.Groups(pairs, min, js)
	out := make([]rawGroup, 0, len(groups))
	grouped := map[int64]bool{}
	for _, g := range groups {
		out = append(out, rawGroup{kind: g.Kind, similarity: g.Similarity, articles: g.Articles})
		for _, id := range g.Articles {
			grouped[id] = true
		}
	}
	copies, err := s.db.MultiLocated(ctx)
	if err != nil {
		return nil, err
	}
	for _, id := range copies {
		if !grouped[id] {
			out = append(out, rawGroup{kind: "exact", similarity: 1, articles: []int64{id}, severalPaths: true})
		}
	}
	rank := func(g rawGroup) int {
		switch {
		case g.severalPaths:
			return 2
		case g.kind == "exact":
			return 1
		}
		return 0
	}
	slices.SortStableFunc(out, func(a, b rawGroup) int {
		if c := cmp.Compare(rank(a), rank(b)); c != 0 {
			return c
		}
		if c := cmp.Compare(b.similarity, a.similarity); c != 0 {
			return c
		}
		return cmp.Compare(a.articles[0], b.articles[0])
	})
	return out, nil
}
