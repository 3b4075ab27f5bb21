package app

import (
	"context"
	"maps"
	"slices"

	"github.com/storydiff/storydiff/store"
)

// StoreOf lets the package's external tests inspect the archive directly
// (stored pairs, integrity), which no command needs.
func StoreOf(s *Service) *store.DB { return s.db }

// FreshLinksTogether links the articles ids as an import's analysis does,
// together (linkFresh), and returns each one's links.
func FreshLinksTogether(ctx context.Context, s *Service, ids []int64) (map[int64][]store.Link, error) {
	c, err := s.newCensus(ctx)
	if err != nil {
		return nil, err
	}
	profs, err := s.loadProfiles(ctx, ids)
	if err != nil {
		return nil, err
	}
	f, err := s.linkFresh(ctx, ids, profs, c, nil)
	if err != nil {
		return nil, err
	}
	return f.links, nil
}

// FreshLinksAlone links article x by itself, each read its own: its
// candidates counted by KeyCandidates, their profiles read whole, weighed
// by a census of their own.
func FreshLinksAlone(ctx context.Context, s *Service, x int64) ([]store.Link, error) {
	c, err := s.newCensus(ctx)
	if err != nil {
		return nil, err
	}
	own, err := s.loadProfiles(ctx, []int64{x})
	if err != nil || own[x] == nil {
		return nil, err
	}
	px := own[x]
	counts, err := s.db.KeyCandidates(ctx, px.RareKeys(), keyCap)
	if err != nil {
		return nil, err
	}
	extra, err := s.pairPartners(ctx, x)
	if err != nil {
		return nil, err
	}
	cands := topCandidates(counts, x, extra, maxCandidates)
	profs, err := s.loadProfiles(ctx, cands)
	if err != nil {
		return nil, err
	}
	if err := c.discount(ctx, append(slices.Collect(maps.Values(profs)), px)...); err != nil {
		return nil, err
	}
	return scoreLinks(x, px, cands, profs), nil
}
