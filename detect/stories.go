package detect

import (
	"sort"
	"time"
)

// Story is a set of articles that are versions of one event, in date order
// (undated articles last, by id); Earliest is the first dated article, or
// the first article if none is dated.
type Story struct {
	ID       int     `json:"id"`
	Articles []int64 `json:"articles"`
	Earliest int64   `json:"earliest"`
}

// storyDensity is the least share of linked pairs between two clusters for
// Stories to join them: story links are weaker than duplicate links, and
// single linkage chained a fifth of the BBC corpus into one story.
const storyDensity = 0.5

// Stories clusters every pair (duplicates are versions of one story too)
// into stories of two or more articles, obeying judgements: a judged-same
// pair is always in one story, a judged-different pair never is. published
// gives an article's date, ok false if unknown. Stories are numbered from 1
// in the order of their smallest article id.
func Stories(pairs []Pair, js []Judgement, published func(id int64) (time.Time, bool)) []Story {
	comps, _ := cluster(pairs, js, storyDensity)
	var out []Story
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
		s := Story{ID: len(out) + 1, Articles: make([]int64, len(ds)), Earliest: ds[0].id}
		for i, d := range ds {
			s.Articles[i] = d.id
		}
		out = append(out, s)
	}
	return out
}
