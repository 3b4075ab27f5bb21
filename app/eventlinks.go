package app

import (
	"cmp"
	"context"
	"fmt"
	"iter"
	"maps"
	"runtime"
	"slices"
	"sync"

	"github.com/storydiff/storydiff/evidence"
	"github.com/storydiff/storydiff/store"
)

// Bounds of event linking. Each keeps the work for one new article fixed
// whatever the archive's size.
const (
	// maxLinks is how many links an article keeps, the strongest: enough
	// for the quorum of a large event and for its thread, and a fixed
	// neighbourhood for the clustering to read.
	maxLinks = 32
	// keyCap: a key that more articles hold is skipped when looking for
	// candidates. A template's common words (every dividend notice says
	// "dividend", "record", "payable") would otherwise make every notice a
	// candidate of every other.
	keyCap = 1000
	// maxCandidates is how many candidates are scored per article, those
	// sharing the most keys, plus its stored duplicate and story pairs.
	maxCandidates = 100
	// A link is kept when it can matter to the clustering or to a list of
	// related articles.
	minLinkEvent  = 0.1
	minLinkThread = 0.3
)

func profileInput(in store.AnalysisInput, lang string) evidence.Input {
	return evidence.Input{Title: in.Title, Text: in.Text, Lang: lang, Published: in.Published}
}

// profileRow computes an article's evidence profile as it is stored.
func profileRow(in store.AnalysisInput, lang string) store.ProfileRow {
	p := evidence.NewProfile(profileInput(in, lang))
	data, _ := p.MarshalBinary()
	return store.ProfileRow{ID: in.ID, Data: data, Keys: p.RareKeys()}
}

// profileArticles computes and stores the profiles of ids, on every CPU.
func (s *Service) profileArticles(ctx context.Context, ids []int64, progress func(int)) error {
	if len(ids) == 0 {
		return nil
	}
	langs, err := s.db.Languages(ctx, ids)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	inputs := make(chan store.AnalysisInput, 64)
	results := make(chan store.ProfileRow, 64)
	var readErr error
	go func() {
		defer close(inputs)
		readErr = s.db.AnalysisInputs(ctx, ids, func(in store.AnalysisInput) error {
			select {
			case inputs <- in:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	}()
	var wg sync.WaitGroup
	for w := 0; w < runtime.NumCPU(); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for in := range inputs {
				results <- profileRow(in, langs[in.ID])
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()
	var batch []store.ProfileRow
	var saveErr error
	done := 0
	for r := range results {
		if saveErr != nil {
			continue // drain
		}
		batch = append(batch, r)
		done++
		if len(batch) >= 500 {
			if saveErr = s.db.SaveProfiles(ctx, evidence.ProfileVersion, batch); saveErr != nil {
				cancel()
			}
			batch = batch[:0]
		}
		progress(done)
	}
	if saveErr != nil {
		return saveErr
	}
	if readErr != nil {
		return readErr
	}
	return s.db.SaveProfiles(ctx, evidence.ProfileVersion, batch)
}

// loadProfiles reads the stored profiles of ids.
func (s *Service) loadProfiles(ctx context.Context, ids []int64) (map[int64]*evidence.Profile, error) {
	blobs, err := s.db.Profiles(ctx, evidence.ProfileVersion, ids)
	if err != nil {
		return nil, err
	}
	out := make(map[int64]*evidence.Profile, len(blobs))
	for id, b := range blobs {
		p := &evidence.Profile{}
		if err := p.UnmarshalBinary(b); err != nil {
			return nil, fmt.Errorf("profile of article %d: %w", id, err)
		}
		out[id] = p
	}
	return out, nil
}

// topCandidates returns the n articles sharing the most keys (then the
// smallest ids, so that the choice never depends on map order), without
// self, followed by extra (stored pairs) not already among them.
func topCandidates(counts map[int64]int, self int64, extra []int64, n int) []int64 {
	shared := func(yield func(int64, int) bool) {
		for id, c := range counts {
			if id != self && c > 0 && !yield(id, c) {
				return
			}
		}
	}
	return withExtra(mostShared(shared, func(id int64) int { return counts[id] }, n), self, extra)
}

// mostShared returns the n keys of shared (each with its count, all
// positive) of the highest counts, then the smallest keys, in that order.
// Counts are small (at most the keys of one profile), so the n best are
// found by bucketing the counts rather than by sorting every candidate: an
// article of common words can have tens of thousands of candidates.
func mostShared[K cmp.Ordered](shared iter.Seq2[K, int], count func(K) int, n int) []K {
	var hist []int
	for _, c := range shared {
		for len(hist) <= c {
			hist = append(hist, 0)
		}
		hist[c]++
	}
	// The least count that still makes the n best, and how many of the
	// keys with exactly that count fit.
	least, room := 1, -1 // -1: every candidate fits
	for c, left := len(hist)-1, n; c >= 1; c-- {
		if hist[c] >= left {
			least, room = c, left
			break
		}
		left -= hist[c]
	}
	var keys, edge []K
	for k, c := range shared {
		switch {
		case c > least:
			keys = append(keys, k)
		case c == least:
			edge = append(edge, k)
		}
	}
	slices.Sort(edge)
	if room >= 0 && room < len(edge) {
		edge = edge[:room]
	}
	keys = append(keys, edge...)
	slices.SortFunc(keys, func(a, b K) int {
		if c := cmp.Compare(count(b), count(a)); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	return keys[:min(len(keys), n)]
}

// withExtra appends to ids those of extra that are neither self nor
// already there.
func withExtra(ids []int64, self int64, extra []int64) []int64 {
	for _, id := range extra {
		if id != self && !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	return ids
}

// scoreLinks scores x against each candidate and returns the links worth
// keeping, strongest first, at most maxLinks.
func scoreLinks(x int64, px *evidence.Profile, cands []int64, profs map[int64]*evidence.Profile) []store.Link {
	var out []store.Link
	for _, y := range cands {
		py := profs[y]
		if py == nil || y == x {
			continue
		}
		// Quick is Score without the explanation: a quarter of its cost.
		ev, th := evidence.Quick(px, py)
		if ev < minLinkEvent && th < minLinkThread {
			continue
		}
		a, b := min(x, y), max(x, y)
		out = append(out, store.Link{A: a, B: b, Event: float32(ev), Thread: float32(th)})
	}
	sortLinks(out)
	if len(out) > maxLinks {
		out = out[:maxLinks]
	}
	return out
}

// sortLinks orders links strongest first, as the store trims them.
func sortLinks(ls []store.Link) {
	slices.SortFunc(ls, func(p, q store.Link) int {
		if c := cmp.Compare(q.Event, p.Event); c != 0 {
			return c
		}
		if c := cmp.Compare(q.Thread, p.Thread); c != 0 {
			return c
		}
		if c := cmp.Compare(p.A, q.A); c != 0 {
			return c
		}
		return cmp.Compare(p.B, q.B)
	})
}

// pairPartners returns the articles a stored duplicate or story pair ties
// to id: they are always scored, whatever the key index proposes.
func (s *Service) pairPartners(ctx context.Context, id int64) ([]int64, error) {
	pairs, err := s.db.Pairs(ctx, id)
	if err != nil {
		return nil, err
	}
	var out []int64
	for _, p := range pairs {
		y := p.A + p.B - id
		if !slices.Contains(out, y) {
			out = append(out, y)
		}
	}
	return out, nil
}

// freshLinks finds and scores the candidates of article x through the
// stored key index: a bounded number of rows and scores per article.
// The census c (nil for none) weighs px and the candidates' profiles.
func (s *Service) freshLinks(ctx context.Context, x int64, px *evidence.Profile, c *census) ([]store.Link, error) {
	f, err := s.linkFresh(ctx, []int64{x}, map[int64]*evidence.Profile{x: px}, c, nil)
	if err != nil {
		return nil, err
	}
	return f.links[x], nil
}

// freshSet is what linkFresh found for a group of articles: each one's
// links, and the profiles of their candidates, read for Quick
// (evidence.UnmarshalForQuick) and weighed by the census.
type freshSet struct {
	links map[int64][]store.Link
	cands map[int64]*evidence.Profile
}

// linkFresh is freshLinks for a group of articles (pxs holds their
// profiles; an id without one is skipped), with the reads they share done
// once: the key counts of the union of their rare keys, the holders of
// each key under the cap, the candidates' profiles (an event's new
// articles share most of theirs) and the census. The links of one article
// do not depend on the others of the group: the key index, the pairs and
// the counts are stored before linking starts, and the census counts are
// read from the store whatever order asks for them. The scoring runs on
// every CPU; progress (nil for none) is called with how many articles are
// linked.
func (s *Service) linkFresh(ctx context.Context, xs []int64, pxs map[int64]*evidence.Profile, c *census, progress func(int)) (*freshSet, error) {
	var keys []uint64
	rare := make([][]uint64, len(xs))
	for i, x := range xs {
		if px := pxs[x]; px != nil {
			rare[i] = px.RareKeys()
			keys = append(keys, rare[i]...)
		}
	}
	slices.Sort(keys)
	keys = slices.Compact(keys)
	counts, err := s.db.KeyHolders(ctx, keys)
	if err != nil {
		return nil, err
	}
	holders, err := s.db.KeyHolderIDs(ctx, counts, keyCap)
	if err != nil {
		return nil, err
	}
	cands := make([][]int64, len(xs))
	var all []int64
	for i, x := range xs {
		if pxs[x] == nil {
			continue
		}
		shared := map[int64]int{}
		for _, k := range rare[i] {
			for _, y := range holders[k] {
				shared[y]++
			}
		}
		extra, err := s.pairPartners(ctx, x)
		if err != nil {
			return nil, err
		}
		cands[i] = topCandidates(shared, x, extra, maxCandidates)
		all = append(all, cands[i]...)
	}
	slices.Sort(all)
	profs, err := s.loadQuickProfiles(ctx, slices.Compact(all))
	if err != nil {
		return nil, err
	}
	if c != nil {
		// The counts of the rare keys are the census's counts of those keys.
		for _, k := range keys {
			if _, ok := c.df[k]; !ok {
				c.df[k] = counts[k]
			}
		}
	}
	weigh := slices.Collect(maps.Values(profs))
	for _, x := range xs {
		weigh = append(weigh, pxs[x])
	}
	if err := c.discount(ctx, weigh...); err != nil {
		return nil, err
	}
	links := make([][]store.Link, len(xs))
	var mu sync.Mutex
	done := 0
	parallelEach(ctx, len(xs), func(i int) {
		if px := pxs[xs[i]]; px != nil {
			links[i] = scoreLinks(xs[i], px, cands[i], profs)
		}
		if progress != nil {
			mu.Lock()
			done++
			progress(done)
			mu.Unlock()
		}
	})
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := &freshSet{links: make(map[int64][]store.Link, len(xs)), cands: profs}
	for i, x := range xs {
		if pxs[x] != nil {
			out.links[x] = links[i]
		}
	}
	return out, nil
}

// loadQuickProfiles reads the stored profiles of ids in the lean form
// Quick scores (evidence.UnmarshalForQuick), decoding them on every CPU, a
// few hundred at a time so that the blobs of at most three such parts are
// held at once.
func (s *Service) loadQuickProfiles(ctx context.Context, ids []int64) (map[int64]*evidence.Profile, error) {
	out := make(map[int64]*evidence.Profile, len(ids))
	// The next part is read while this one is decoded: reading the blobs
	// keeps one core busy in SQLite, decoding them every core.
	type part struct {
		blobs map[int64][]byte
		err   error
	}
	parts := make(chan part, 1)
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		defer close(parts)
		for len(ids) > 0 {
			chunk := ids[:min(len(ids), 500)]
			ids = ids[len(chunk):]
			blobs, err := s.db.Profiles(ctx, evidence.ProfileVersion, chunk)
			select {
			case parts <- part{blobs, err}:
			case <-stop:
				return
			}
			if err != nil {
				return
			}
		}
	}()
	for pt := range parts {
		if pt.err != nil {
			return nil, pt.err
		}
		blobs := pt.blobs
		order := slices.Collect(maps.Keys(blobs))
		decoded := make([]*evidence.Profile, len(order))
		errs := make([]error, len(order))
		parallelEach(ctx, len(order), func(i int) {
			p := &evidence.Profile{}
			if err := p.UnmarshalForQuick(blobs[order[i]]); err != nil {
				errs[i] = fmt.Errorf("profile of article %d: %w", order[i], err)
				return
			}
			decoded[i] = p
		})
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		for i, id := range order {
			if errs[i] != nil {
				return nil, errs[i]
			}
			out[id] = decoded[i]
		}
	}
	return out, nil
}
