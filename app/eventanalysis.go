package app

import (
	"context"
	"slices"
	"time"

	"github.com/storydiff/storydiff/core"
	"github.com/storydiff/storydiff/events"
	"github.com/storydiff/storydiff/evidence"
	"github.com/storydiff/storydiff/store"
)

// eventConfig is the clustering the app runs with.
var eventConfig = events.DefaultConfig()

// analyzeEvents is analysis's event step: profiles of the articles without
// a current one, links of the articles no event holds yet, and their
// placement. From scratch (full, or no events yet, or most articles new) it
// links the whole archive in memory and clusters it with events.Build;
// otherwise each new article is linked through the stored key index and
// placed with events.State.AddArticle, reading only its neighbourhood.
func (s *Service) analyzeEvents(ctx context.Context, full bool, report func(core.Progress, bool)) error {
	stale, err := s.db.StaleProfiles(ctx, evidence.ProfileVersion)
	if err != nil {
		return err
	}
	report(core.Progress{Stage: "profiling", Total: len(stale)}, true)
	if err := s.profileArticles(ctx, stale, func(done int) {
		report(core.Progress{Stage: "profiling", Done: done, Total: len(stale)}, false)
	}); err != nil {
		return err
	}
	pending, err := s.db.UnplacedProfiled(ctx, evidence.ProfileVersion)
	if err != nil {
		return err
	}
	stored, _, err := s.db.CountEvents(ctx)
	if err != nil {
		return err
	}
	// A profile made anew (another version) changes the article's links:
	// then the whole archive is linked again.
	if full || stored == 0 || len(stale) > len(pending) || len(pending) > max(2000, stored/4) {
		return s.rebuildEvents(ctx, full, report)
	}
	return s.placeNew(ctx, pending, report)
}

// linkGroup is how many new articles placeNew links together (see
// linkFresh): the candidates' profiles of a group are held at once.
const linkGroup = 100

// placeNew links and places articles no event holds yet, one at a time.
func (s *Service) placeNew(ctx context.Context, ids []int64, report func(core.Progress, bool)) error {
	if len(ids) == 0 {
		return nil
	}
	report(core.Progress{Stage: "linking", Total: len(ids)}, true)
	c, err := s.newCensus(ctx)
	if err != nil {
		return err
	}
	d := &dating{timings: map[int64]evidence.Timing{}, anchors: map[int64]store.DateEstimate{}}
	var links []store.Link
	var estimates []store.DateEstimate
	for i := 0; i < len(ids); i += linkGroup {
		chunk := ids[i:min(i+linkGroup, len(ids))]
		profs, err := s.loadProfiles(ctx, chunk)
		if err != nil {
			return err
		}
		fresh, err := s.linkFresh(ctx, chunk, profs, c, func(done int) {
			report(core.Progress{Stage: "linking", Done: i + done, Total: len(ids)}, false)
		})
		if err != nil {
			return err
		}
		// The dates are estimated one article after the other, in id
		// order: each estimate can anchor the next.
		for _, x := range chunk {
			if px := profs[x]; px != nil {
				ls := fresh.links[x]
				d.timings[x] = px.Timing()
				if err := s.readTimings(ctx, d, ls, fresh.cands); err != nil {
					return err
				}
				estimates = append(estimates, d.estimateNew(x, ls)...)
				links = append(links, weighLinks(ls, d.timings)...)
			}
		}
	}
	if err := s.db.SaveLinks(ctx, links, maxLinks); err != nil {
		return err
	}
	if err := s.db.SaveDateEstimates(ctx, estimates, false); err != nil {
		return err
	}
	report(core.Progress{Stage: "clustering", Total: len(ids)}, true)
	dates, err := s.db.PublishedOf(ctx, ids)
	if err != nil {
		return err
	}
	ne, nt, err := s.db.NextIDs(ctx)
	if err != nil {
		return err
	}
	src := &sqlSource{ctx: ctx, db: s.db}
	st := events.NewState(eventConfig, src, events.IDs{Event: ne, Thread: nt})
	var all store.ClusterChanges
	for i, x := range ids {
		ls, err := s.db.LinksOf(ctx, x)
		if err != nil {
			return err
		}
		var pub *time.Time
		if t, ok := dates[x]; ok {
			pub = &t
		}
		ch := st.AddArticle(x, pub, toEventLinks(ls))
		if src.err != nil {
			return src.err
		}
		all = mergeChanges(all, clusterChanges(ch))
		report(core.Progress{Stage: "clustering", Done: i + 1, Total: len(ids)}, false)
	}
	_, err = s.db.ApplyClustering(ctx, all, false, nil)
	return err
}

// rebuildEvents links every article anew and clusters the archive from
// scratch, honouring every stored correction and keeping the ids of the
// events it can. indexKeys writes the profile key index whole, from the
// index linking builds in memory (a full analysis stores its profiles
// without their keys).
func (s *Service) rebuildEvents(ctx context.Context, indexKeys bool, report func(core.Progress, bool)) error {
	report(core.Progress{Stage: "reading profiles"}, true)
	index, timings, held, err := readIndex(ctx, s.db)
	if err != nil {
		return err
	}
	ids := index.ids
	pairs, err := s.db.Pairs(ctx, 0)
	if err != nil {
		return err
	}
	partners := map[int64][]int64{}
	for _, p := range pairs {
		partners[p.A] = append(partners[p.A], p.B)
		partners[p.B] = append(partners[p.B], p.A)
	}
	if indexKeys {
		report(core.Progress{Stage: "indexing profiles"}, true)
		if err := s.db.ReplaceProfileKeys(ctx, index); err != nil {
			return err
		}
	}
	links, err := linkBlocks(ctx, ids, profileLoader(s.db, index, held), index, partners, func(done int) {
		report(core.Progress{Stage: "linking", Done: done, Total: len(ids)}, false)
	})
	if err != nil {
		return err
	}
	estimates := estimateDates(timings, links)
	links = weighLinks(links, timings)
	report(core.Progress{Stage: "saving links", Total: len(links)}, true)
	if err := s.db.ReplaceLinks(ctx, links); err != nil {
		return err
	}
	if err := s.db.SaveDateEstimates(ctx, estimates, true); err != nil {
		return err
	}
	report(core.Progress{Stage: "clustering", Total: len(ids)}, true)
	return s.clusterAll(ctx, ids, links)
}

// trimLinks keeps each pair once, with the scores it was given (both ends
// score it the same: Score is symmetric up to the order of the evidence),
// then the strongest links first while both ends have fewer than maxLinks,
// sorted by ends.
func trimLinks(links []store.Link) []store.Link {
	type pair struct{ a, b int64 }
	seen := map[pair]store.Link{}
	for _, l := range links {
		seen[pair{l.A, l.B}] = l
	}
	all := make([]store.Link, 0, len(seen))
	for _, l := range seen {
		all = append(all, l)
	}
	sortLinks(all)
	kept := map[int64]int{}
	out := all[:0]
	for _, l := range all {
		if kept[l.A] < maxLinks && kept[l.B] < maxLinks {
			kept[l.A]++
			kept[l.B]++
			out = append(out, l)
		}
	}
	slices.SortFunc(out, func(p, q store.Link) int {
		if p.A != q.A {
			return int(p.A - q.A)
		}
		return int(p.B - q.B)
	})
	return out
}
