package detect

import (
	"context"
	"fmt"
	"github.com/storydiff/storydiff/core"
	"runtime"
	"slices"
	"sync"
)

// Archive is where the archive passes (AllPairs, FreshPairs) read what
// analysis stored: features blobs (MarshalBinary) and sketch blobs. One
// that also has a Len() int method, the number of articles EachFeatures
// will stream, lets AllPairs size its tables once.
type Archive interface {
	// EachFeatures streams every article's features blob, in id order.
	EachFeatures(ctx context.Context, fn func(id int64, data []byte) error) error
	// FeaturesOf streams the features blobs of ids (sorted), in any order.
	FeaturesOf(ctx context.Context, ids []int64, fn func(id int64, data []byte) error) error
	// EachSketch streams every article's sketch blob, in any order.
	EachSketch(ctx context.Context, fn func(id int64, data []byte) error) error
}

// Progress reports how far a pass's stage has got: "reading features",
// "proposing candidates" or "comparing candidates" (total 0: unknown).
type Progress func(stage string, done, total int)

// chunkEntries bounds the articles whose features one verification chunk
// holds at once (about 10 KB each once prepared): the memory a pass needs
// for verification does not grow with the archive.
const chunkEntries = 16384

// candidates is one article and the others to verify it against.
type candidates struct {
	id     int64
	others []int64
}

// chunk gathers candidate lists until their articles fill chunkEntries.
type chunk struct {
	lists []candidates
	ids   map[int64]struct{}
}

func (c *chunk) add(l candidates) {
	if len(l.others) == 0 {
		return
	}
	if c.ids == nil {
		c.ids = map[int64]struct{}{}
	}
	c.lists = append(c.lists, l)
	c.ids[l.id] = struct{}{}
	for _, o := range l.others {
		c.ids[o] = struct{}{}
	}
}

func (c *chunk) full() bool { return len(c.ids) >= chunkEntries }

// verifyChunk reads the features of every article in c, prepares them with
// census, verifies every candidate pair on all CPUs and empties c.
func verifyChunk(ctx context.Context, arch Archive, p Params, census *Census, c *chunk) ([]core.Pair, error) {
	if len(c.lists) == 0 {
		return nil, nil
	}
	ids := make([]int64, 0, len(c.ids))
	for id := range c.ids {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	entries, err := readEntries(ctx, arch, p, census, ids)
	if err != nil {
		return nil, err
	}
	workers := runtime.GOMAXPROCS(0)
	results := make([][]core.Pair, workers)
	parallel(workers, len(c.lists), func(k int) {
		l := c.lists[k]
		w := k % workers
		ea := entries[l.id]
		for _, o := range l.others {
			if eb := entries[o]; ea != nil && eb != nil {
				if pr, ok := verifyEntries(p, l.id, o, ea, eb, true); ok {
					results[w] = append(results[w], pr)
				}
			}
		}
	})
	*c = chunk{}
	var out []core.Pair
	for _, r := range results {
		out = append(out, r...)
	}
	return out, ctx.Err()
}

// readEntries reads and prepares the features of ids, decoding on all CPUs.
// An article deleted meanwhile is simply missing from the map.
func readEntries(ctx context.Context, arch Archive, p Params, census *Census, ids []int64) (map[int64]*entry, error) {
	type blob struct {
		id   int64
		data []byte
	}
	blobs := make(chan blob, 256)
	out := make(map[int64]*entry, len(ids))
	var mu sync.Mutex
	var firstErr error
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for b := range blobs {
				f := new(Features)
				err := f.UnmarshalBinary(b.data)
				if err == nil && f.ParamsHash != p.Hash() {
					err = fmt.Errorf("made with other parameters")
				}
				var e *entry
				if err == nil {
					e = census.prepare(f, p)
				}
				mu.Lock()
				if err != nil && firstErr == nil {
					firstErr = fmt.Errorf("features of article %d: %w", b.id, err)
				}
				out[b.id] = e
				mu.Unlock()
			}
		}()
	}
	err := arch.FeaturesOf(ctx, ids, func(id int64, data []byte) error {
		select {
		case blobs <- blob{id, data}:
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	})
	close(blobs)
	wg.Wait()
	if err != nil {
		return nil, err
	}
	return out, firstErr
}
