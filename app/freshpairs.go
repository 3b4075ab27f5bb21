package app

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"github.com/storydiff/storydiff/core"
	"github.com/storydiff/storydiff/detect"
	"github.com/storydiff/storydiff/store"
)

// Kinds of sketch keys, mixed into each key so that an exact hash, a band
// key and a term with the same value are different keys.
const (
	keyExact = 1
	keyTerm  = 2
	keyBand  = 16 // + the band's number
)

// termHolderCap: a rare term held by more sketches than this is skipped by
// detect.FreshPairs (its posting limit is at most 1000), so its holders need
// not be read.
const termHolderCap = 1000

// sketchKey is the key index's key for value v of a kind, in sketches made
// with sketchHash.
func sketchKey(sketchHash uint64, kind, v uint64) uint64 {
	return mix64(v ^ mix64(sketchHash^kind*0x9e3779b97f4a7c15))
}

// mix64 is SplitMix64's finaliser.
func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// sketchKeys returns the keys a sketch is found by: every key FreshPairs
// matches on (exact hashes of any kind, band keys by band, rarest terms).
func sketchKeys(s detect.Sketch, sketchHash uint64) []uint64 {
	keys := make([]uint64, 0, len(s.Exact)+len(s.Bands)+len(s.Top))
	for _, h := range s.Exact {
		keys = append(keys, sketchKey(sketchHash, keyExact, h))
	}
	for b, h := range s.Bands {
		keys = append(keys, sketchKey(sketchHash, keyBand+uint64(b), h))
	}
	for _, t := range s.Top {
		keys = append(keys, sketchKey(sketchHash, keyTerm, t))
	}
	slices.Sort(keys)
	return slices.Compact(keys)
}

// ensureSketchKeys builds the sketch key index again when it is incomplete:
// once for an archive made before it existed, or after sketches were made
// anew with other parameters.
func (s *Service) ensureSketchKeys(ctx context.Context, report func(core.Progress, bool)) error {
	ok, err := s.db.SketchKeysComplete(ctx)
	if err != nil || ok {
		return err
	}
	report(core.Progress{Stage: "indexing sketches"}, true)
	if err := s.db.ClearSketchKeys(ctx); err != nil {
		return err
	}
	// Rows are written a few million at a time, sorted by key.
	var batch []store.SketchKey
	flush := func(complete bool) error {
		slices.SortFunc(batch, func(a, b store.SketchKey) int {
			if a.Key != b.Key {
				return cmp.Compare(int64(a.Key), int64(b.Key)) // the order SQLite keeps
			}
			return cmp.Compare(a.ID, b.ID)
		})
		err := s.db.AddSketchKeys(ctx, batch, complete)
		batch = batch[:0]
		return err
	}
	done := 0
	if err := s.db.EachSketchRow(ctx, func(id int64, hash uint64, data []byte) error {
		var sk detect.Sketch
		if err := sk.UnmarshalBinary(data); err != nil {
			return fmt.Errorf("sketch of article %d: %w", id, err)
		}
		for _, k := range sketchKeys(sk, hash) {
			batch = append(batch, store.SketchKey{Key: k, ID: id})
		}
		if done++; len(batch) >= sketchKeyBatch {
			report(core.Progress{Stage: "indexing sketches", Done: done}, false)
			return flush(false)
		}
		return nil
	}); err != nil {
		return err
	}
	return flush(true)
}

// sketchKeyBatch is how many rows of the sketch key index are sorted and
// written at once when it is built (about 64 MB).
const sketchKeyBatch = 4 << 20

// freshArchive is the archive as detect.FreshPairs reads it for a few new
// articles, read by key rather than whole: EachSketch streams only the
// sketches sharing a key with the new ones (through the sketch key index,
// which must be complete), and FeaturesOf loads into the census the stored
// counts of the terms of the features it serves (detect.Census.DF is read
// for those only), so neither the sketches nor the term counts of the whole
// archive are read. FreshPairs finds the same pairs as over the whole
// archive: every sketch it would propose is streamed, and a term too common
// to follow (over termHolderCap) is left out of the streamed sketches, as
// FreshPairs would drop it.
type freshArchive struct {
	storedAnalysis
	fresh  []int64
	census *detect.Census
	loaded map[uint64]bool // terms whose stored count is in census
}

func (a *freshArchive) FeaturesOf(ctx context.Context, ids []int64, fn func(int64, []byte) error) error {
	type blob struct {
		id   int64
		data []byte
	}
	var blobs []blob
	var need []uint64
	if err := a.db.FeaturesOf(ctx, a.features, ids, func(id int64, data []byte) error {
		var f detect.Features
		if err := f.UnmarshalBinary(data); err != nil {
			return fmt.Errorf("features of article %d: %w", id, err)
		}
		for _, ts := range [][]detect.Term{f.Terms, f.Lede} {
			for _, t := range ts {
				if !a.loaded[t.Hash] {
					a.loaded[t.Hash] = true
					need = append(need, t.Hash)
				}
			}
		}
		blobs = append(blobs, blob{id, data})
		return nil
	}); err != nil {
		return err
	}
	df, err := a.db.TermCounts(ctx, need)
	if err != nil {
		return err
	}
	for t, c := range df {
		a.census.DF[t] = c
	}
	for _, b := range blobs {
		if err := fn(b.id, b.data); err != nil {
			return err
		}
	}
	return nil
}

func (a *freshArchive) EachSketch(ctx context.Context, fn func(int64, []byte) error) error {
	var keys, termKeys []uint64
	termOf := map[uint64]uint64{} // term key -> term
	if err := a.db.SketchesOf(ctx, a.sketches, a.fresh, func(id int64, data []byte) error {
		var sk detect.Sketch
		if err := sk.UnmarshalBinary(data); err != nil {
			return fmt.Errorf("sketch of article %d: %w", id, err)
		}
		for _, h := range sk.Exact {
			keys = append(keys, sketchKey(a.sketches, keyExact, h))
		}
		for b, h := range sk.Bands {
			keys = append(keys, sketchKey(a.sketches, keyBand+uint64(b), h))
		}
		for _, t := range sk.Top {
			k := sketchKey(a.sketches, keyTerm, t)
			termKeys = append(termKeys, k)
			termOf[k] = t
		}
		return nil
	}); err != nil {
		return err
	}
	holders, err := a.db.SketchKeyHolders(ctx, keys, 0)
	if err != nil {
		return err
	}
	termHolders, err := a.db.SketchKeyHolders(ctx, termKeys, termHolderCap)
	if err != nil {
		return err
	}
	var ids []int64
	for _, hs := range holders {
		ids = append(ids, hs...)
	}
	over := map[uint64]bool{}
	for k, hs := range termHolders {
		if hs == nil {
			over[termOf[k]] = true
		}
		ids = append(ids, hs...)
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	return a.db.SketchesOf(ctx, a.sketches, ids, func(id int64, data []byte) error {
		if len(over) > 0 {
			var sk detect.Sketch
			if err := sk.UnmarshalBinary(data); err != nil {
				return fmt.Errorf("sketch of article %d: %w", id, err)
			}
			if slices.ContainsFunc(sk.Top, func(t uint64) bool { return over[t] }) {
				sk.Top = slices.DeleteFunc(sk.Top, func(t uint64) bool { return over[t] })
				if data, err = sk.MarshalBinary(); err != nil {
					return err
				}
			}
		}
		return fn(id, data)
	})
}
