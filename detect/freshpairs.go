package detect

import (
	"context"
	"fmt"
	"github.com/storydiff/storydiff/core"
	"slices"
)

// FreshPairs finds the verified pairs between newly analysed articles and
// the whole archive (each other included), for an analysis after an import:
// it reads the fresh articles' features, adds them to census, scans every
// stored sketch once for the ones sharing a key with them, and verifies
// those candidates a chunk at a time. Memory is the fresh articles' sketches
// and one chunk, whatever the archive's size; the sketches of the fresh
// articles must already be stored. census must count the archive without
// the fresh articles; it is left counting them too.
//
// The pairs are those Index.Compare gives for each fresh article, scored with
// the census at hand rather than one refreshed for the whole archive.
func FreshPairs(ctx context.Context, arch Archive, fresh []int64, census *Census, p Params, progress Progress) ([]core.Pair, error) {
	if progress == nil {
		progress = func(string, int, int) {}
	}
	fresh = slices.Clone(fresh)
	slices.Sort(fresh)
	fresh = slices.Compact(fresh)
	if len(fresh) == 0 {
		return nil, nil
	}
	ph := p.Hash()
	sks := make(map[int64]Sketch, len(fresh))
	if err := arch.FeaturesOf(ctx, fresh, func(id int64, data []byte) error {
		f := new(Features)
		if err := f.UnmarshalBinary(data); err != nil {
			return fmt.Errorf("features of article %d: %w", id, err)
		}
		if f.ParamsHash != ph {
			return fmt.Errorf("features of article %d were made with other parameters", id)
		}
		census.Add(f)
		sks[id] = SketchOf(f, p)
		return nil
	}); err != nil {
		return nil, err
	}

	// What the fresh articles would match, key by key.
	type bandAt struct {
		band int
		h    uint64
	}
	exact := map[uint64][]int64{}
	bands := map[bandAt][]int64{}
	terms := map[uint64][]int64{}
	for id, s := range sks {
		for _, h := range s.Exact {
			exact[h] = append(exact[h], id)
		}
		for b, h := range s.Bands {
			bands[bandAt{b, h}] = append(bands[bandAt{b, h}], id)
		}
		for _, t := range s.Top {
			terms[t] = append(terms[t], id)
		}
	}
	others := map[int64]map[int64]struct{}{} // fresh id -> candidates
	propose := func(a, b int64) {
		if a == b {
			return
		}
		if others[a] == nil {
			others[a] = map[int64]struct{}{}
		}
		others[a][b] = struct{}{}
	}
	// postings[t] lists the articles t is one of the rarest terms of, for
	// the fresh articles' terms only, until it passes the limit.
	limit := postingLimit(census.N)
	postings := map[uint64][]int64{}
	over := map[uint64]bool{}
	scanned := 0
	if err := arch.EachSketch(ctx, func(id int64, data []byte) error {
		var s Sketch
		if err := s.UnmarshalBinary(data); err != nil {
			return fmt.Errorf("sketch of article %d: %w", id, err)
		}
		for k, h := range s.Exact {
			if !slices.Contains(s.Exact[:k], h) {
				for _, f := range exact[h] {
					propose(f, id)
				}
			}
		}
		for b, h := range s.Bands {
			for _, f := range bands[bandAt{b, h}] {
				propose(f, id)
			}
		}
		for _, t := range s.Top {
			if _, ok := terms[t]; ok && !over[t] {
				if postings[t] = append(postings[t], id); len(postings[t]) > limit {
					over[t] = true
					delete(postings, t)
				}
			}
		}
		if scanned++; scanned%65536 == 0 {
			progress("proposing candidates", scanned, census.N)
		}
		return nil
	}); err != nil {
		return nil, err
	}
	for id, s := range sks {
		hits := map[int64]int{}
		for _, t := range s.Top {
			for _, o := range postings[t] {
				if hits[o]++; hits[o] == 2 {
					propose(id, o)
				}
			}
		}
	}

	// Verify, each pair of two fresh articles once.
	var out []core.Pair
	var c chunk
	for k, id := range fresh {
		var list []int64
		for o := range others[id] {
			if _, both := sks[o]; !both || o > id {
				list = append(list, o)
			}
		}
		slices.Sort(list)
		c.add(candidates{id: id, others: list})
		if c.full() || k == len(fresh)-1 {
			ps, err := verifyChunk(ctx, arch, p, census, &c)
			if err != nil {
				return nil, err
			}
			out = append(out, ps...)
			progress("comparing candidates", k+1, len(fresh))
		}
	}
	sortPairs(out)
	return out, nil
}
