package app

import (
	"context"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/storydiff/storydiff/core"
	"github.com/storydiff/storydiff/detect"
	"github.com/storydiff/storydiff/reuse"
	"github.com/storydiff/storydiff/store"
)

// DuplicateGroup is a set of exact or near duplicates. Files lists every
// location of every member: the same bytes found under several names are one
// article with several files, and such an article is a group of its own when
// no other article duplicates it, so that no copy goes unreported.
type DuplicateGroup struct {
	Kind       string   `json:"kind"` // exact or near
	Similarity float64  `json:"similarity"`
	Articles   []int64  `json:"articles"`
	Files      []string `json:"files"`
	// Keep is the member the researcher chose to keep, 0 if none.
	Keep int64 `json:"keep,omitempty"`
	// Members are the group's articles without their text, in Articles'
	// order, so that a listing needs no further query per group.
	Members []core.Article `json:"members"`
	// SeveralPaths marks one article found at several paths (the same
	// bytes under two names, or one file's records): there is no copy to
	// choose, so the review queue summarises these apart.
	SeveralPaths bool `json:"several_paths,omitempty"`
	// Review is the researcher's verdict on exactly these members, nil
	// while the group is unreviewed.
	Review *core.DuplicateReview `json:"review,omitempty"`
	// Earlier are reviews of other member sets sharing an article with
	// this group: the group as it was before it gained or lost a member.
	Earlier []core.DuplicateReview `json:"earlier,omitempty"`
}

// DefaultMinSimilarity is the near-duplicate threshold used when none is
// given: the shingle Jaccard that analysis verifies pairs at.
func DefaultMinSimilarity() float64 { return detect.DefaultParams().NearJaccard }

// DuplicateGroups clusters the duplicate pairs whose similarity is at least
// minSimilarity (a negative value: the default), obeying the researcher's
// judgements.
func (s *Service) DuplicateGroups(ctx context.Context, minSimilarity float64) ([]DuplicateGroup, error) {
	return s.DuplicateGroupsPage(ctx, minSimilarity, Page{})
}

// Page selects part of a long list: Limit items from Offset (Limit 0: all).
// A million-article archive has tens of thousands of groups and stories,
// which a view shows a page at a time.
type Page struct {
	Offset int `json:"offset"`
	Limit  int `json:"limit"`
}

func (pg Page) slice(n int) (lo, hi int) {
	lo = min(max(pg.Offset, 0), n)
	hi = n
	if pg.Limit > 0 {
		hi = min(lo+pg.Limit, n)
	}
	return lo, hi
}

// DuplicateGroupsPage is one page of DuplicateGroups, in the same order;
// only the page's files are read.
func (s *Service) DuplicateGroupsPage(ctx context.Context, minSimilarity float64, pg Page) ([]DuplicateGroup, error) {
	all, err := s.duplicateClusters(ctx, minSimilarity)
	if err != nil {
		return nil, err
	}
	out := all[:0:0]
	if lo, hi := pg.slice(len(all)); lo < hi {
		out = all[lo:hi]
	}
	return out, s.fillGroups(ctx, out)
}

// fillGroups reads the members, files and earlier reviews of a page of
// groups. Every group's files in one query: one per group took seconds at a
// million articles.
func (s *Service) fillGroups(ctx context.Context, out []DuplicateGroup) error {
	var ids []int64
	for _, g := range out {
		ids = append(ids, g.Articles...)
	}
	arts, err := s.db.Summaries(ctx, ids)
	if err != nil {
		return err
	}
	byID := make(map[int64]core.Article, len(arts))
	for _, a := range arts {
		byID[a.ID] = a
	}
	reviews, err := s.db.DuplicateReviews(ctx)
	if err != nil {
		return err
	}
	reviewsOf := map[int64][]string{}
	for key, r := range reviews {
		for _, id := range r.Members {
			reviewsOf[id] = append(reviewsOf[id], key)
		}
	}
	for i := range out {
		out[i].Files, out[i].Members = []string{}, []core.Article{}
		own := store.GroupKey(out[i].Articles)
		seen := map[string]bool{own: true}
		for _, id := range out[i].Articles {
			if a, ok := byID[id]; ok {
				out[i].Files = append(out[i].Files, a.Paths...)
				out[i].Members = append(out[i].Members, a)
			}
			for _, key := range reviewsOf[id] {
				if !seen[key] {
					seen[key] = true
					out[i].Earlier = append(out[i].Earlier, reviews[key])
				}
			}
		}
		sort.Slice(out[i].Earlier, func(a, b int) bool {
			return out[i].Earlier[a].ReviewedAt.After(out[i].Earlier[b].ReviewedAt)
		})
	}
	return nil
}

// duplicateClusters is DuplicateGroups without the files, for callers that
// only want who is in which group (the library's badges, the counts).
func (s *Service) duplicateClusters(ctx context.Context, minSimilarity float64) ([]DuplicateGroup, error) {
	if err := CheckThreshold("a similarity threshold", minSimilarity); err != nil {
		return nil, err
	}
	if minSimilarity < 0 {
		minSimilarity = DefaultMinSimilarity()
	}
	raw, err := s.clusters.get(ctx, s, minSimilarity)
	if err != nil {
		return nil, err
	}
	out := make([]DuplicateGroup, len(raw))
	for i, g := range raw {
		out[i] = DuplicateGroup{Kind: g.kind, Similarity: g.similarity, Articles: g.articles, SeveralPaths: g.severalPaths}
	}
	keepers, err := s.db.Keepers(ctx)
	if err != nil {
		return nil, err
	}
	reviews, err := s.db.DuplicateReviews(ctx)
	if err != nil {
		return nil, err
	}
	// Reviews by their first (smallest) member, so that only the groups
	// that may have one build their key: at 100,000 groups the keys cost
	// more than the rest of a page.
	reviewed := make(map[int64]bool, len(reviews))
	for _, r := range reviews {
		reviewed[slices.Min(r.Members)] = true
	}
	for i := range out {
		if out[i].SeveralPaths {
			continue // one article: no copy to keep, nothing to review
		}
		for _, id := range out[i].Articles {
			if keepers[id] {
				out[i].Keep = id
				break
			}
		}
		if !reviewed[slices.Min(out[i].Articles)] {
			continue
		}
		if r, ok := reviews[store.GroupKey(out[i].Articles)]; ok {
			out[i].Review = &r
		}
	}
	return out, nil
}

// ArticleRepeats is one article's repeated passages.
type ArticleRepeats struct {
	Article  int64         `json:"article"`
	Passages []core.Repeat `json:"passages"`
}

// Repeats returns the repeated passages of one article (ref) or of every
// article that has any (ref "").
func (s *Service) Repeats(ctx context.Context, ref string) ([]ArticleRepeats, error) {
	var id int64
	if ref != "" {
		var err error
		if id, err = s.db.ResolveRef(ctx, ref); err != nil {
			return nil, err
		}
	}
	m, err := s.db.Repeats(ctx, id)
	if err != nil {
		return nil, err
	}
	out := []ArticleRepeats{}
	if id != 0 {
		ps := m[id]
		if ps == nil {
			ps = []core.Repeat{}
		}
		return append(out, ArticleRepeats{Article: id, Passages: ps}), nil
	}
	for aid, ps := range m {
		out = append(out, ArticleRepeats{Article: aid, Passages: ps})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Article < out[j].Article })
	return out, nil
}

// StoryArticle is one version in a story.
type StoryArticle struct {
	ID        int64      `json:"id"`
	Published *time.Time `json:"published"`
	Title     string     `json:"title"`
	Outlet    string     `json:"outlet"`
	Earliest  bool       `json:"earliest"`
}

// Story is a set of versions of one event, in date order.
type Story struct {
	ID       int64          `json:"id"`
	Label    string         `json:"label"`
	Earliest int64          `json:"earliest"`
	Articles []StoryArticle `json:"articles"`
}

// Stories lists the events as stories (id 0: all of them, the largest
// first; otherwise the one event, following a retired id).
func (s *Service) Stories(ctx context.Context, id int64) ([]Story, error) {
	if id != 0 {
		e, err := s.Event(ctx, id)
		if err != nil {
			return nil, err
		}
		return []Story{storyOf(*e)}, nil
	}
	return s.StoriesPage(ctx, Page{})
}

// StoriesPage is one page of every story, in the order of Stories; only the
// page's events and articles are read.
func (s *Service) StoriesPage(ctx context.Context, pg Page) ([]Story, error) {
	evs, err := s.Events(ctx, "", Page{Offset: max(pg.Offset, 0), Limit: max(pg.Limit, 0)})
	if err != nil {
		return nil, err
	}
	out := make([]Story, 0, len(evs))
	for _, e := range evs {
		out = append(out, storyOf(e))
	}
	return out, nil
}

// storyOf is an event as the story lists have always shown it.
func storyOf(e core.Event) Story {
	st := Story{ID: e.ID, Label: e.Label, Earliest: e.Earliest, Articles: make([]StoryArticle, 0, len(e.Articles))}
	for _, a := range e.Articles {
		st.Articles = append(st.Articles, StoryArticle{ID: a.ID, Published: a.Published, Title: a.Title, Outlet: a.Outlet, Earliest: a.Earliest})
	}
	return st
}

// StoryOf returns the story (event) an article belongs to, nil if none.
func (s *Service) StoryOf(ctx context.Context, ref string) (*Story, error) {
	e, err := s.EventOf(ctx, ref)
	if err != nil || e == nil {
		return nil, err
	}
	st := storyOf(*e)
	return &st, nil
}

// CompareStory diffs each version of a story (event) against the previous
// one, in date order.
func (s *Service) CompareStory(ctx context.Context, storyID int64, opt CompareOptions) ([]*Comparison, error) {
	e, err := s.Event(ctx, storyID)
	if err != nil {
		return nil, err
	}
	refs := make([]string, len(e.Articles))
	for i, a := range e.Articles {
		refs[i] = itoa(a.ID)
	}
	return s.CompareMany(ctx, refs, false, opt)
}

// SharedPassage is a passage two articles share, exactly or lightly
// reworded. Text is A's copy and BText B's; Exact says the two are the same
// words in the same order (case, punctuation and spelling variants aside).
type SharedPassage struct {
	A     core.Span `json:"a"`
	B     core.Span `json:"b"`
	Score float64   `json:"score"`
	Text  string    `json:"text"`
	BText string    `json:"b_text"`
	Exact bool      `json:"exact"`
}

// Passages returns the passages two articles share, in A's order. It uses
// reuse.Find, which finds reworded copies (words inserted, dropped, replaced
// or moved) as well as exact runs: wire copy rewritten by an outlet shares
// few exact runs long enough for detect's shingles.
func (s *Service) Passages(ctx context.Context, refA, refB string) ([]SharedPassage, error) {
	a, b, err := s.twoTexts(ctx, refA, refB)
	if err != nil {
		return nil, err
	}
	out := []SharedPassage{}
	for _, p := range reuse.Find(a.text, b.text, reuse.Options{}) {
		out = append(out, SharedPassage{A: core.Span{Start: p.AStart, End: p.AEnd},
			B: core.Span{Start: p.BStart, End: p.BEnd}, Score: p.Score, Text: p.AText, BText: p.BText, Exact: p.Exact})
	}
	return out, nil
}

// Similar returns the articles related to one, strongest first.
func (s *Service) Similar(ctx context.Context, ref string) ([]core.Pair, error) {
	id, err := s.db.ResolveRef(ctx, ref)
	if err != nil {
		return nil, err
	}
	pairs, err := s.db.Pairs(ctx, id)
	if err != nil {
		return nil, err
	}
	sort.SliceStable(pairs, func(i, j int) bool { return pairs[i].Score > pairs[j].Score })
	return pairs, nil
}

// Judge records a researcher's verdict on two articles: relation is
// "duplicate" or "story"; same false rejects the relation. A verdict on the
// story, and a confirmed duplicate, is also a correction of events (the
// two are, or are not, one event), applied at once to the events it
// touches; analysis never overrides it.
func (s *Service) Judge(ctx context.Context, refA, refB, relation string, same bool, note string) error {
	a, err := s.db.ResolveRef(ctx, refA)
	if err != nil {
		return err
	}
	b, err := s.db.ResolveRef(ctx, refB)
	if err != nil {
		return err
	}
	if err := s.db.SaveJudgement(ctx, core.Judgement{A: a, B: b, Relation: relation, Same: same, Note: note}); err != nil {
		return err
	}
	if relation != core.RelationStory && !same {
		return nil // two articles that are not duplicates may still report one event
	}
	kind := core.CorrectSame
	if !same {
		kind = core.CorrectNotSame
	}
	_, err = s.Correct(ctx, core.Correction{Kind: kind, A: a, B: b, Note: note})
	return err
}

// Keep records which copy of a duplicate group the researcher keeps, and so
// marks the group reviewed as duplicates. group lists the group's members
// as the researcher saw them (at their similarity threshold); empty means
// the group holding the article at the default one.
func (s *Service) Keep(ctx context.Context, ref string, group []int64) error {
	id, err := s.db.ResolveRef(ctx, ref)
	if err != nil {
		return err
	}
	if len(group) == 0 {
		g, err := s.DuplicateGroupOf(ctx, ref, -1)
		if err != nil {
			return err
		}
		group = g.Articles
	}
	if !slices.Contains(group, id) {
		return core.Errorf(core.EINVALID, "article %d is not in the group it should be kept from", id)
	}
	return s.ReviewDuplicates(ctx, group, core.GroupDuplicates, id)
}

// checkDuplicateGroup refuses a list of articles that is not one duplicate
// group as the service lists them: choosing the copy to keep drops the
// choice of every other member, so a made-up list would change articles
// the researcher never saw together. The list shown may have been drawn
// at any threshold; groups only grow as the threshold falls, so the one
// threshold to try is the highest at which all the articles are in one
// group, which is the score of a pair among them (or 1, for articles joined
// by the researcher's verdicts alone).
func (s *Service) checkDuplicateGroup(ctx context.Context, group []int64) error {
	want := map[int64]bool{}
	for _, id := range group {
		want[id] = true
	}
	refuse := core.Errorf(core.EINVALID, "articles %s are not one duplicate group: list the groups again and choose from one", joinIDs(group))
	if len(want) != len(group) {
		return refuse
	}
	if len(group) == 1 {
		// One article found in several files is a group of its own.
		copies, err := s.db.MultiLocated(ctx)
		if err != nil {
			return err
		}
		if !slices.Contains(copies, group[0]) {
			return refuse
		}
		return nil
	}
	pairs, err := s.db.DuplicatePairs(ctx)
	if err != nil {
		return err
	}
	js, err := s.judgements(ctx, "duplicate")
	if err != nil {
		return err
	}
	thresholds := []float64{1}
	for _, p := range pairs {
		if p.IsDuplicate() && want[p.A] && want[p.B] {
			thresholds = append(thresholds, p.Score)
		}
	}
	slices.Sort(thresholds)
	thresholds = slices.Compact(thresholds)
	slices.Reverse(thresholds)
	// groupAt is the group holding group[0] at threshold t.
	groupAt := func(t float64) []int64 {
		for _, g := range detect.Groups(pairs, t, js) {
			if slices.Contains(g.Articles, group[0]) {
				return g.Articles
			}
		}
		return nil
	}
	together := func(g []int64) bool {
		n := 0
		for _, id := range g {
			if want[id] {
				n++
			}
		}
		return n == len(want)
	}
	// The highest threshold at which the articles are together.
	i := sort.Search(len(thresholds), func(i int) bool { return together(groupAt(thresholds[i])) })
	if i == len(thresholds) || len(groupAt(thresholds[i])) != len(want) {
		return refuse
	}
	return nil
}

func joinIDs(ids []int64) string {
	s := make([]string, len(ids))
	for i, id := range ids {
		s[i] = strconv.FormatInt(id, 10)
	}
	return strings.Join(s, ", ")
}

// Judgements lists the researcher's verdicts.
func (s *Service) Judgements(ctx context.Context) ([]core.Judgement, error) {
	return s.db.Judgements(ctx)
}

// StartAnalyze runs an analysis in the background and returns its job id.
func (s *Service) StartAnalyze(opt AnalyzeOptions) string {
	return s.startJob("analyze", func(ctx context.Context, progress core.ProgressFunc) (any, error) {
		return s.Analyze(ctx, opt, progress)
	})
}
