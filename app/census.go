package app

import (
	"context"

	"github.com/storydiff/storydiff/evidence"
	"github.com/storydiff/storydiff/store"
)

// census counts, through the key index, how many profiled articles hold
// each key a profile is weighed by (see evidence.Census), and remembers
// what it read: within one analysis or one explanation each key is read
// once. A nil census weighs nothing.
type census struct {
	db *store.DB
	n  int
	df map[uint64]int
}

// newCensus returns the archive's census, nil when the archive is too small
// for one to weigh anything.
func (s *Service) newCensus(ctx context.Context) (*census, error) {
	n, err := s.db.ProfileCount(ctx, evidence.ProfileVersion)
	if err != nil || !evidence.CensusApplies(n) {
		return nil, err
	}
	return &census{db: s.db, n: n, df: map[uint64]int{}}, nil
}

// discount weighs the profiles by the census, reading the counts it lacks.
func (c *census) discount(ctx context.Context, profs ...*evidence.Profile) error {
	if c == nil {
		return nil
	}
	var need []uint64
	for _, p := range profs {
		if p == nil {
			continue
		}
		for _, k := range p.DiscountKeys() {
			if _, ok := c.df[k]; !ok {
				c.df[k] = 0
				need = append(need, k)
			}
		}
	}
	if len(need) > 0 {
		got, err := c.db.KeyHolders(ctx, need)
		if err != nil {
			return err
		}
		for k, v := range got {
			c.df[k] = v
		}
	}
	// The counts are all read: the profiles are weighed on every CPU (the
	// census is only read from here on).
	cs := evidence.Census{Articles: c.n, Holding: func(k uint64) int { return c.df[k] }}
	parallelEach(ctx, len(profs), func(i int) {
		if p := profs[i]; p != nil {
			p.Discount(cs)
		}
	})
	return ctx.Err()
}
