package detect

import (
	"github.com/storydiff/storydiff/core"
	"sort"
	"time"
)

// storyDensity is the least share of linked pairs between two clusters for
// Stories to join them: story links are weaker than duplicate links, and
// single linkage chained a fifth of the BBC corpus into one story.
const storyDensity = 0.5

// Stories clusters every pair (duplicates are versions of one story too)
// into stories of two or more articles, obeying judgements: a judged-same
// pair is always in one story, a judged-different pair never is. published
// gives an article's date, ok false if unknown. Stories are numbered from 1
// in the order of their smallest article id.
func Stories(pairs []core.Pair, js []core.Judgement, published func(id int64) (time.Time, bool)) []core.Story {
	comps, _ := cluster(pairs, js, storyDensity)
	var out []core.Story
	for _, ids := range comps {
		if len(ids) < 2 {
			continue
		}
		type dated struct {
			id int64
			t  time.Time
			ok bool
		}
		ds := make([]dated, len(ids))
		for i, id := range ids {
			ds[i].id = id
			if published != nil {
				ds[i].t, ds[i].ok = published(id)
			}
		}
		sort.SliceStable(ds, func(i, j int) bool {
			if ds[i].ok != ds[j].ok {
				return ds[i].ok
			}
			if ds[i].ok && !ds[i].t.Equal(ds[j].t) {
				return ds[i].t.Before(ds[j].t)
			}
			return ds[i].id < ds[j].id
		})
		s := core.Story{ID: int64(len(out) + 1), Members: make([]int64, len(ds)), Earliest: ds[0].id}
		for i, d := range ds {
			s.Members[i] = d.id
		}
		out = append(out, s)
	}
	return out
}
