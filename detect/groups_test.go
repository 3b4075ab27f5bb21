package detect_test

import (
	"github.com/storydiff/storydiff/core"
	"reflect"
	"testing"
	"time"

	"github.com/storydiff/storydiff/detect"
)

func TestGroups(t *testing.T) {
	pairs := []core.Pair{
		{A: 1, B: 2, Kind: core.PairSameBytes, Score: 1},
		{A: 2, B: 3, Kind: core.PairNear, Score: 0.7},
		{A: 4, B: 5, Kind: core.PairSameText, Score: 1},
		{A: 6, B: 7, Kind: core.PairStory, Score: 0.4},
	}
	tests := []struct {
		name   string
		min    float64
		judged []core.Judgement
		want   []core.Group
	}{
		{"all", 0, nil, []core.Group{
			{Kind: "near", Similarity: 0.7, Articles: []int64{1, 2, 3}},
			{Kind: "exact", Similarity: 1, Articles: []int64{4, 5}},
		}},
		{"threshold drops the near link", 0.8, nil, []core.Group{
			{Kind: "exact", Similarity: 1, Articles: []int64{1, 2}},
			{Kind: "exact", Similarity: 1, Articles: []int64{4, 5}},
		}},
		{"judged different separates", 0, []core.Judgement{{A: 3, B: 1, Same: false}}, []core.Group{
			{Kind: "exact", Similarity: 1, Articles: []int64{1, 2}},
			{Kind: "exact", Similarity: 1, Articles: []int64{4, 5}},
		}},
		{"judged same joins", 0, []core.Judgement{{A: 5, B: 8, Same: true}}, []core.Group{
			{Kind: "near", Similarity: 0.7, Articles: []int64{1, 2, 3}},
			{Kind: "exact", Similarity: 1, Articles: []int64{4, 5, 8}},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := detect.Groups(pairs, tt.min, tt.judged)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Groups\n got %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestStoriesJudgementsAndOrder(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2024, 6, d, 0, 0, 0, 0, time.UTC) }
	dates := map[int64]time.Time{1: day(5), 2: day(3), 3: day(4), 4: day(9)}
	published := func(id int64) (time.Time, bool) { d, ok := dates[id]; return d, ok }
	pairs := []core.Pair{
		{A: 1, B: 2, Kind: core.PairStory, Score: 0.5},
		{A: 1, B: 3, Kind: core.PairStory, Score: 0.4},
		{A: 2, B: 3, Kind: core.PairStory, Score: 0.3},
	}
	tests := []struct {
		name   string
		judged []core.Judgement
		want   [][]int64
	}{
		{"date order, earliest first", nil, [][]int64{{2, 3, 1}}},
		{"not-same judgement splits", []core.Judgement{{A: 3, B: 2, Same: false}}, [][]int64{{2, 1}}},
		{"same judgement adds an undated article last", []core.Judgement{{A: 1, B: 9, Same: true}}, [][]int64{{2, 3, 1, 9}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got [][]int64
			for _, s := range detect.Stories(pairs, tt.judged, published) {
				got = append(got, s.Members)
				if s.Earliest != s.Members[0] {
					t.Errorf("Earliest = %d, want %d", s.Earliest, s.Members[0])
				}
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Stories = %v, want %v", got, tt.want)
			}
		})
	}
}
