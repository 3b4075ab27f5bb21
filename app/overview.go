package app

import (
	"context"
	"slices"
	"sync"
	"time"

	"github.com/storydiff/storydiff/core"
	"github.com/storydiff/storydiff/store"
)

// The archive overview: what the archive holds over time, how large its
// duplicate groups and events are, and how much of its text is boilerplate
// or repeated. Read-only aggregates, drawn as charts and put in the archive
// report.

// OverviewRequest filters the articles-over-time chart.
type OverviewRequest struct {
	Period   string `json:"period"` // week or month ("" month)
	Outlet   string `json:"outlet"`
	Language string `json:"language"`
	Split    string `json:"split"` // outlet or language ("" outlet): what the bars are stacked by
}

// OverviewSeries is one stack of the over-time chart: its articles in each
// period of Overview.Periods.
type OverviewSeries struct {
	Name   string `json:"name"`
	Counts []int  `json:"counts"`
}

// SizeBin is how many groups (duplicate groups, events) have Size members.
type SizeBin struct {
	Size  int    `json:"size"`
	Count int    `json:"count"`
	Kind  string `json:"kind,omitempty"` // a duplicate group's: exact or near
}

// TextShare is how many characters of the archive's lines are of each kind.
type TextShare struct {
	Body        int64 `json:"body"`
	Title       int64 `json:"title"`
	Boilerplate int64 `json:"boilerplate"`
	Repeat      int64 `json:"repeat"`
}

// Overview is the archive overview.
type Overview struct {
	Articles int              `json:"articles"` // in the archive
	Matching int              `json:"matching"` // matching the filter
	Period   string           `json:"period"`
	Split    string           `json:"split"`
	Periods  []string         `json:"periods"` // each period's first day
	Series   []OverviewSeries `json:"series"`  // the largest first, the rest as "Other"
	Undated  int              `json:"undated"` // matching articles without a date
	// Duplicated is how many articles are in a duplicate group.
	Duplicated      int       `json:"duplicated"`
	DuplicateGroups []SizeBin `json:"duplicate_groups"`
	Events          []SizeBin `json:"events"`
	Text            TextShare `json:"text"`
}

// overviewSeries is how many stacks the over-time chart has before the rest
// are summed as "Other": more colours than that cannot be told apart.
const overviewSeries = 8

// overviewCache keeps the overviews made since the archive last changed (by
// store.Stamp): at 100,000 articles one takes seconds to count.
type overviewCache struct {
	mu      sync.Mutex
	stamp   string
	entries map[OverviewRequest]*Overview
}

// Overview summarises the archive.
func (s *Service) Overview(ctx context.Context, req OverviewRequest) (*Overview, error) {
	stamp, err := s.db.Stamp(ctx)
	if err != nil {
		return nil, err
	}
	c := &s.overviews
	c.mu.Lock()
	if c.stamp == stamp {
		if o, ok := c.entries[req]; ok {
			c.mu.Unlock()
			return o, nil
		}
	}
	c.mu.Unlock()
	o, err := s.overview(ctx, req)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	if c.stamp != stamp || len(c.entries) >= 16 {
		c.stamp, c.entries = stamp, map[OverviewRequest]*Overview{}
	}
	c.entries[req] = o
	c.mu.Unlock()
	return o, nil
}

func (s *Service) overview(ctx context.Context, req OverviewRequest) (*Overview, error) {
	if req.Period == "" {
		req.Period = "month"
	}
	if req.Split == "" {
		req.Split = "outlet"
	}
	if req.Period != "week" && req.Period != "month" {
		return nil, core.Errorf(core.EINVALID, "period %q: choose week or month", req.Period)
	}
	if req.Split != "outlet" && req.Split != "language" {
		return nil, core.Errorf(core.EINVALID, "split %q: choose outlet or language", req.Split)
	}
	o := &Overview{Period: req.Period, Split: req.Split, Periods: []string{}, Series: []OverviewSeries{},
		DuplicateGroups: []SizeBin{}, Events: []SizeBin{}}
	f, err := s.db.Facets(ctx)
	if err != nil {
		return nil, err
	}
	o.Articles = f.Articles
	rows, undated, err := s.db.ArticlesPerPeriod(ctx, req.Period, req.Outlet, req.Language)
	if err != nil {
		return nil, err
	}
	o.Undated, o.Matching = undated, undated
	name := func(r store.PeriodCount) string {
		v := r.Outlet
		if req.Split == "language" {
			v = r.Language
		}
		if v == "" {
			v = "(unknown)"
		}
		return v
	}
	totals := map[string]int{}
	periodAt := map[string]int{}
	for _, r := range rows {
		totals[name(r)] += r.Count
		o.Matching += r.Count
		if _, ok := periodAt[r.Period]; !ok {
			periodAt[r.Period] = len(o.Periods)
			o.Periods = append(o.Periods, r.Period)
		}
	}
	if filled, ok := fillPeriods(o.Periods, req.Period); ok {
		o.Periods = filled
		for i, p := range filled {
			periodAt[p] = i
		}
	}
	names := make([]string, 0, len(totals))
	for n := range totals {
		names = append(names, n)
	}
	slices.SortFunc(names, func(a, b string) int {
		if totals[a] != totals[b] {
			return totals[b] - totals[a]
		}
		if a < b {
			return -1
		}
		return 1
	})
	index := map[string]int{}
	for i, n := range names {
		if i == overviewSeries && len(names) > overviewSeries+1 {
			o.Series = append(o.Series, OverviewSeries{Name: "Other", Counts: make([]int, len(o.Periods))})
			for _, rest := range names[i:] {
				index[rest] = i
			}
			break
		}
		index[n] = i
		o.Series = append(o.Series, OverviewSeries{Name: n, Counts: make([]int, len(o.Periods))})
	}
	for _, r := range rows {
		o.Series[index[name(r)]].Counts[periodAt[r.Period]] += r.Count
	}

	groups, err := s.duplicateClusters(ctx, -1)
	if err != nil {
		return nil, err
	}
	type kindSize struct {
		kind string
		size int
	}
	bins := map[kindSize]int{}
	for _, g := range groups {
		size := len(g.Articles)
		if size < 2 {
			continue // one article found at several places: not a group of articles
		}
		bins[kindSize{g.Kind, size}]++
		o.Duplicated += size
	}
	for k, n := range bins {
		o.DuplicateGroups = append(o.DuplicateGroups, SizeBin{Size: k.size, Count: n, Kind: k.kind})
	}
	slices.SortFunc(o.DuplicateGroups, func(a, b SizeBin) int {
		if a.Size != b.Size {
			return a.Size - b.Size
		}
		if a.Kind < b.Kind {
			return -1
		}
		return 1
	})
	sizes, err := s.db.EventSizes(ctx)
	if err != nil {
		return nil, err
	}
	for _, sc := range sizes {
		o.Events = append(o.Events, SizeBin{Size: sc.Size, Count: sc.Count})
	}
	text, err := s.db.TextByKind(ctx)
	if err != nil {
		return nil, err
	}
	o.Text = TextShare{Body: text["body"], Title: text["title"], Boilerplate: text["boilerplate"], Repeat: text["repeat"]}
	return o, nil
}

// maxPeriods is the most periods the over-time chart spans with empty ones
// filled in; an archive spanning more (a stray date decades off) shows only
// the periods that have articles.
const maxPeriods = 1500

// fillPeriods returns every period from the first to the last of periods
// (sorted first days), so that a chart's bars stand where their time is and
// a quiet month shows as a gap; ok is false when that would be too many.
func fillPeriods(periods []string, period string) ([]string, bool) {
	if len(periods) < 2 {
		return periods, false
	}
	first, err1 := time.Parse(time.DateOnly, periods[0])
	last, err2 := time.Parse(time.DateOnly, periods[len(periods)-1])
	if err1 != nil || err2 != nil {
		return periods, false
	}
	step := func(t time.Time) time.Time {
		if period == "week" {
			return t.AddDate(0, 0, 7)
		}
		return t.AddDate(0, 1, 0)
	}
	var out []string
	for t := first; !t.After(last); t = step(t) {
		if len(out) == maxPeriods {
			return periods, false
		}
		out = append(out, t.Format(time.DateOnly))
	}
	return out, true
}
