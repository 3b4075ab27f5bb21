package app

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/storydiff/storydiff/align"
	"github.com/storydiff/storydiff/core"
	"github.com/storydiff/storydiff/diffing"
	"github.com/storydiff/storydiff/report"
)

// ReportRequest chooses a report.
type ReportRequest struct {
	// Kind is pair, story, duplicates (or dupes) or archive.
	Kind string `json:"kind"`
	// Refs are the two articles of a pair report.
	Refs []string `json:"refs"`
	// StoryID is the story of a story report.
	StoryID int64 `json:"story_id"`
	// Base is what each version of a story is compared with: "previous"
	// (default), "first", or one of its versions (an article reference).
	Base string `json:"base"`
	// Align is how a pair report compares its articles: "auto" (or empty)
	// lets align.Mode choose (sentences aligned for related versions, the
	// word diff for near-duplicates); "aligned" or "diff" forces one.
	Align string `json:"align"`
	// Format is html, pdf, md, csv or json.
	Format  string         `json:"format"`
	Compare CompareOptions `json:"compare"`
	// MinSimilarity is the near-duplicate threshold of a duplicates report;
	// 0 or less means the default.
	MinSimilarity float64 `json:"min_similarity"`
	// Full makes an archive report list every article, duplicate group,
	// story, outlet and language; by default it is a summary.
	Full bool `json:"full"`
	// RawCSV keeps CSV cells that look like spreadsheet formulas as they
	// are (for R and pandas); by default they get a leading apostrophe.
	RawCSV bool `json:"raw_csv"`
}

func (r *ReportRequest) check() (report.Format, error) {
	f, err := report.ParseFormat(r.Format)
	if err != nil {
		return "", err
	}
	if r.Kind == "dupes" {
		r.Kind = string(report.KindDuplicates)
	}
	switch report.Kind(r.Kind) {
	case report.KindPair:
		if len(r.Refs) != 2 {
			return "", core.Errorf(core.EINVALID, "a pair report needs two articles")
		}
	case report.KindStory:
		if r.StoryID <= 0 {
			return "", core.Errorf(core.EINVALID, "a story report needs a story id")
		}
		if r.Base == "" {
			r.Base = "previous"
		}
	case report.KindDuplicates, report.KindArchive:
	default:
		return "", core.Errorf(core.EINVALID, "unknown report kind %q (use pair, story, duplicates or archive)", r.Kind)
	}
	switch r.Align {
	case "", "auto":
		r.Align = "auto"
	case align.ModeAligned, align.ModeDiff:
	default:
		return "", core.Errorf(core.EINVALID, "unknown alignment %q (use auto, aligned or diff)", r.Align)
	}
	if _, err := r.Compare.diffOptions(); err != nil {
		return "", err
	}
	// A threshold that is no number would be printed into the report.
	if err := CheckThreshold("the near-duplicate threshold", r.MinSimilarity); err != nil {
		return "", err
	}
	return f, nil
}

// reportDiffTimeout bounds each diff of a report. It is far above what the
// interactive diff allows: a report is a record, and a bound that fires
// depends on the machine's load, which would make two reports of the same
// archive differ.
const reportDiffTimeout = 30 * time.Second

// Report writes the report req asks for to w.
func (s *Service) Report(ctx context.Context, req ReportRequest, w io.Writer) error {
	return s.writeReport(ctx, req, w, nil)
}

func (s *Service) writeReport(ctx context.Context, req ReportRequest, w io.Writer, progress core.ProgressFunc) error {
	f, err := req.check()
	if err != nil {
		return err
	}
	model, err := s.reportModel(ctx, req, progress)
	if err != nil {
		return err
	}
	if err := s.addCuration(ctx, model); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	return report.Write(w, model, f)
}

// StartReport writes a report to path in the background (atomically: the
// file appears whole or not at all) and returns the job id. The job's result
// is the path.
func (s *Service) StartReport(req ReportRequest, path string) (string, error) {
	if _, err := req.check(); err != nil {
		return "", err
	}
	if strings.TrimSpace(path) == "" {
		return "", core.Errorf(core.EINVALID, "choose a file to write the report to")
	}
	return s.startJob("report", func(ctx context.Context, progress core.ProgressFunc) (any, error) {
		err := report.WriteFile(path, func(w io.Writer) error { return s.writeReport(ctx, req, w, progress) })
		if err != nil {
			return nil, err
		}
		progress(core.Progress{Stage: "written", Done: 1, Total: 1})
		return path, nil
	}), nil
}

func (s *Service) reportModel(ctx context.Context, req ReportRequest, progress core.ProgressFunc) (any, error) {
	settings, err := s.reportSettings(ctx, req)
	if err != nil {
		return nil, err
	}
	prov, err := report.NewProvenance(s.DBPath(), settings)
	if err != nil {
		return nil, err
	}
	switch report.Kind(req.Kind) {
	case report.KindPair:
		return s.pairReport(ctx, req, prov)
	case report.KindStory:
		return s.storyReport(ctx, req, prov, progress)
	case report.KindDuplicates:
		return s.duplicatesReport(ctx, req, prov)
	}
	return s.archiveReport(ctx, prov, req.Full)
}

// reportSettings lists what the results depend on: the analysis parameters
// stored with the archive and the diff options of this report.
func (s *Service) reportSettings(ctx context.Context, req ReportRequest) ([]report.Setting, error) {
	var out []report.Setting
	params := map[string]any{}
	if ok, err := s.db.Setting(ctx, "analysis", &params); err != nil {
		return nil, err
	} else if ok {
		keys := make([]string, 0, len(params))
		for k := range params {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			v, _ := json.Marshal(params[k])
			out = append(out, report.Setting{Group: "analysis", Name: k, Value: string(v)})
		}
	}
	dopt, _ := req.Compare.diffOptions()
	diff := func(name, value string) { out = append(out, report.Setting{Group: "diff", Name: name, Value: value}) }
	switch report.Kind(req.Kind) {
	case report.KindPair, report.KindStory:
		diff("granularity", dopt.Granularity.String())
		diff("ignore_minor", strconv.FormatBool(dopt.IgnoreMinor))
		diff("timeout", reportDiffTimeout.String())
		diff("min_move_words", strconv.Itoa(diffing.DefaultMinMoveWords))
		if req.Kind == string(report.KindStory) {
			diff("base", req.Base)
		}
		// The sentence alignment's thresholds: the defaults for
		// near-duplicates, lower ones for related versions.
		al := func(name string, v float64) {
			out = append(out, report.Setting{Group: "align", Name: name, Value: fmtSim(v)})
		}
		if req.Kind == string(report.KindPair) {
			out = append(out, report.Setting{Group: "align", Name: "mode", Value: req.Align})
		}
		al("min_score", align.DefaultMinScore)
		al("move_score", align.DefaultMoveScore)
		al("related_min_score", align.RelatedMinScore)
		al("related_move_score", align.RelatedMoveScore)
		out = append(out, report.Setting{Group: "align", Name: "min_move_words", Value: strconv.Itoa(align.DefaultMinMoveWords)})
	case report.KindDuplicates:
		out = append(out, report.Setting{Group: "duplicates", Name: "min_similarity", Value: fmtSim(s.minSimilarity(req))})
	case report.KindArchive:
		out = append(out, report.Setting{Group: "duplicates", Name: "min_similarity", Value: fmtSim(DefaultMinSimilarity())})
		out = append(out, report.Setting{Group: "report", Name: "full", Value: strconv.FormatBool(req.Full)})
	}
	if req.RawCSV && strings.EqualFold(req.Format, string(report.CSV)) {
		out = append(out, report.Setting{Group: "csv", Name: report.CSVFormulas, Value: report.RawCSV})
	}
	return out, nil
}

func fmtSim(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

func (s *Service) minSimilarity(req ReportRequest) float64 {
	if req.MinSimilarity <= 0 {
		return DefaultMinSimilarity()
	}
	return req.MinSimilarity
}

func (s *Service) reportArticle(ctx context.Context, ref string) (report.Article, error) {
	d, err := s.GetArticle(ctx, ref)
	if err != nil {
		return report.Article{}, err
	}
	a := report.ArticleFrom(d.Article)
	a.Files = a.Files[:0]
	for _, l := range d.Locations {
		a.Files = append(a.Files, report.File{Path: l.Path, Record: l.Record})
	}
	sort.Slice(a.Files, func(i, j int) bool {
		if a.Files[i].Path != a.Files[j].Path {
			return a.Files[i].Path < a.Files[j].Path
		}
		return a.Files[i].Record < a.Files[j].Record
	})
	return a, nil
}

func (s *Service) reportPassages(ctx context.Context, a, b int64) ([]core.Passage, error) {
	ps, err := s.Passages(ctx, itoa(a), itoa(b))
	if err != nil {
		return nil, err
	}
	out := make([]core.Passage, len(ps))
	for i, p := range ps {
		out[i] = core.Passage{A: core.Span(p.A), B: core.Span(p.B), Score: p.Score, Text: p.Text}
		if !p.Exact {
			out[i].BText = p.BText
		}
	}
	return out, nil
}

func (s *Service) pairReport(ctx context.Context, req ReportRequest, prov report.Provenance) (*report.Pair, error) {
	c, err := s.reportCompare(ctx, req.Refs[0], req.Refs[1], req.Compare)
	if err != nil {
		return nil, err
	}
	m := &report.Pair{Provenance: prov, Diff: report.Diff{A: c.A, B: c.B, Similarity: c.Similarity, HideMinor: req.Compare.IgnoreMinor, Result: c.Result}}
	if m.A, err = s.reportArticle(ctx, itoa(c.A)); err != nil {
		return nil, err
	}
	if m.B, err = s.reportArticle(ctx, itoa(c.B)); err != nil {
		return nil, err
	}
	if m.Diff.Passages, err = s.reportPassages(ctx, c.A, c.B); err != nil {
		return nil, err
	}
	texts, err := s.storedTexts(ctx, []int64{c.A, c.B})
	if err != nil {
		return nil, err
	}
	opt := reportAlignOptions()
	if req.Align != "auto" {
		opt.Mode = req.Align
	}
	res := align.Compare(c.A, c.B, texts[0], texts[1], opt)
	m.Alignment, m.Diff.Mode = &res, res.Mode
	return m, nil
}

// reportAlignOptions are the alignment options of every report: the
// defaults, with the report's time bound on each word diff inside a row.
func reportAlignOptions() align.Options {
	return align.Options{DiffTimeout: reportDiffTimeout}
}

// storedTexts reads the articles' stored texts, which the alignment's
// offsets refer to.
func (s *Service) storedTexts(ctx context.Context, ids []int64) ([]string, error) {
	out := make([]string, len(ids))
	for i, id := range ids {
		a, err := s.db.Article(ctx, id)
		if err != nil {
			return nil, err
		}
		out[i] = a.Text
	}
	return out, nil
}

func (s *Service) storyReport(ctx context.Context, req ReportRequest, prov report.Provenance, progress core.ProgressFunc) (*report.Story, error) {
	sts, err := s.Stories(ctx, req.StoryID)
	if err != nil {
		return nil, err
	}
	st := sts[0]
	m := &report.Story{Provenance: prov, ID: st.ID, Label: st.Label, Base: req.Base, Diffs: []report.Diff{}}
	if m.Corrections, err = s.eventCorrections(ctx, st); err != nil {
		return nil, err
	}
	base := -1 // each version against the one before
	switch req.Base {
	case "first":
		base = 0
	case "previous":
	default:
		id, err := s.Resolve(ctx, req.Base)
		if err != nil {
			return nil, err
		}
		for i, sa := range st.Articles {
			if sa.ID == id {
				base = i
			}
		}
		if base < 0 {
			return nil, core.Errorf(core.EINVALID, "article %d is not a version of story %d", id, st.ID)
		}
		m.Base, m.BaseArticle = "article", id
	}
	refs := make([]string, len(st.Articles))
	order := map[int64]int{}
	for i, sa := range st.Articles {
		refs[i] = itoa(sa.ID)
		order[sa.ID] = i
		a, err := s.reportArticle(ctx, refs[i])
		if err != nil {
			return nil, err
		}
		a.Earliest = sa.Earliest
		m.Articles = append(m.Articles, a)
	}
	if len(refs) < 2 {
		m.Passages = []report.StoryPassage{}
		return m, nil
	}
	var pairs [][2]int
	for i := range refs {
		switch {
		case base < 0 && i > 0:
			pairs = append(pairs, [2]int{i - 1, i})
		case base >= 0 && i != base:
			pairs = append(pairs, [2]int{base, i})
		}
	}
	if m.Diffs, err = s.storyDiffs(ctx, refs, pairs, req.Compare, progress); err != nil {
		return nil, err
	}
	ids := make([]int64, len(st.Articles))
	for i, sa := range st.Articles {
		ids[i] = sa.ID
	}
	texts, err := s.storedTexts(ctx, ids)
	if err != nil {
		return nil, err
	}
	versions := make([]align.Version, len(ids))
	for i := range ids {
		versions[i] = align.Version{Article: ids[i], Text: texts[i]}
	}
	col := align.CollateStory(st.ID, versions, reportAlignOptions())
	m.Collation = &col
	textOf := map[int64]string{}
	for i, id := range ids {
		textOf[id] = texts[i]
	}
	for i, d := range m.Diffs {
		m.Diffs[i].Mode = align.Mode(textOf[d.A], textOf[d.B])
	}
	shared := map[string]*report.StoryPassage{}
	for _, d := range m.Diffs {
		for _, p := range d.Passages {
			mergePassage(shared, order, p, d.A, d.B)
		}
	}
	m.Passages = sortedPassages(shared, order)
	return m, nil
}

// storyDiffs compares the given pairs of versions, with the passages they
// share, on every CPU: a story's diffs are independent of each other and are
// most of a story report's work.
func (s *Service) storyDiffs(ctx context.Context, refs []string, pairs [][2]int, opt CompareOptions, progress core.ProgressFunc) ([]report.Diff, error) {
	out := make([]report.Diff, len(pairs))
	errs := make([]error, len(out))
	next := make(chan int)
	var wg sync.WaitGroup
	var mu sync.Mutex // guards done and the throttle's clock
	done, tell := 0, throttle(progress)
	tell(core.Progress{Stage: "comparing", Total: len(pairs)}, true)
	for w := 0; w < min(runtime.GOMAXPROCS(0), len(out)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				c, err := s.reportCompare(ctx, refs[pairs[i][0]], refs[pairs[i][1]], opt)
				if err != nil {
					errs[i] = err
					continue
				}
				d := report.Diff{A: c.A, B: c.B, Similarity: c.Similarity, HideMinor: opt.IgnoreMinor, Result: c.Result}
				d.Passages, errs[i] = s.reportPassages(ctx, c.A, c.B)
				out[i] = d
				mu.Lock()
				done++
				tell(core.Progress{Stage: "comparing", Done: done, Total: len(pairs)}, done == len(pairs))
				mu.Unlock()
			}
		}()
	}
	for i := range out {
		if ctx.Err() != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// reportCompare is Compare with the report's time bound.
func (s *Service) reportCompare(ctx context.Context, refA, refB string, opt CompareOptions) (*Comparison, error) {
	opt.Timeout = reportDiffTimeout
	return s.Compare(ctx, refA, refB, opt)
}

// mergePassage records that a passage (keyed by its words, case folded)
// appears in a and b; the version earliest in the story is where it first
// appeared.
func mergePassage(shared map[string]*report.StoryPassage, order map[int64]int, p core.Passage, a, b int64) {
	first, start, text := a, p.A.Start, p.Text
	if order[b] < order[a] { // a chosen base may come after the version
		first, start = b, p.B.Start
		if p.BText != "" { // reworded: the first version's own words
			text = p.BText
		}
	}
	key := strings.ToLower(strings.Join(strings.Fields(text), " "))
	sp := shared[key]
	if sp == nil {
		sp = &report.StoryPassage{Text: text, FirstIn: first, FirstStart: start}
		shared[key] = sp
	}
	if order[first] < order[sp.FirstIn] {
		sp.FirstIn, sp.FirstStart = first, start
	}
	for _, id := range []int64{a, b} {
		found := false
		for _, x := range sp.AppearsIn {
			found = found || x == id
		}
		if !found {
			sp.AppearsIn = append(sp.AppearsIn, id)
		}
	}
}

func sortedPassages(shared map[string]*report.StoryPassage, order map[int64]int) []report.StoryPassage {
	out := make([]report.StoryPassage, 0, len(shared))
	for _, sp := range shared {
		sort.Slice(sp.AppearsIn, func(i, j int) bool { return order[sp.AppearsIn[i]] < order[sp.AppearsIn[j]] })
		out = append(out, *sp)
	}
	sort.Slice(out, func(i, j int) bool {
		if oi, oj := order[out[i].FirstIn], order[out[j].FirstIn]; oi != oj {
			return oi < oj
		}
		if out[i].FirstStart != out[j].FirstStart {
			return out[i].FirstStart < out[j].FirstStart
		}
		return out[i].Text < out[j].Text
	})
	return out
}

func (s *Service) duplicatesReport(ctx context.Context, req ReportRequest, prov report.Provenance) (*report.Duplicates, error) {
	minSim := s.minSimilarity(req)
	groups, err := s.reportGroups(ctx, minSim, false)
	if err != nil {
		return nil, err
	}
	js, err := s.Judgements(ctx)
	if err != nil {
		return nil, err
	}
	m := &report.Duplicates{Provenance: prov, MinSimilarity: minSim, Groups: groups, Judgements: []report.Judgement{}}
	for _, j := range js {
		m.Judgements = append(m.Judgements, report.Judgement{A: j.A, B: j.B, Relation: j.Relation, Same: j.Same,
			Note: j.Note, Created: j.CreatedAt.UTC()})
	}
	return m, nil
}

// reportGroups gives the duplicate groups with their members and pairs. A
// summary lists only the report.TopN largest: the others get their members'
// ids alone, which the summary's counts need, instead of a read of every
// member (thousands of groups in a large archive).
func (s *Service) reportGroups(ctx context.Context, minSim float64, summary bool) ([]report.Group, error) {
	groups, err := s.DuplicateGroups(ctx, minSim)
	if err != nil {
		return nil, err
	}
	listed := map[int]bool{}
	if summary {
		order := make([]int, len(groups))
		for i := range order {
			order[i] = i
		}
		// The order report.Archive's summary keeps the largest in.
		sort.SliceStable(order, func(i, j int) bool {
			gi, gj := groups[order[i]], groups[order[j]]
			if len(gi.Articles) != len(gj.Articles) {
				return len(gi.Articles) > len(gj.Articles)
			}
			return gi.Similarity > gj.Similarity
		})
		for _, i := range order[:min(report.TopN, len(order))] {
			listed[i] = true
		}
	}
	pairs, err := s.db.Pairs(ctx, 0)
	if err != nil {
		return nil, err
	}
	out := make([]report.Group, 0, len(groups))
	for i, g := range groups {
		rg := report.Group{Kind: g.Kind, Similarity: g.Similarity, Keep: g.Keep, Pairs: []core.Pair{},
			SeveralPaths: g.SeveralPaths, Review: "unreviewed"}
		if g.SeveralPaths {
			rg.Review = ""
		} else if g.Review != nil {
			at := g.Review.ReviewedAt.UTC()
			rg.Review, rg.Verdict, rg.ReviewedAt = "reviewed", g.Review.Verdict, &at
		}
		if summary && !listed[i] {
			for _, id := range g.Articles {
				rg.Members = append(rg.Members, report.Article{ID: id})
			}
			out = append(out, rg)
			continue
		}
		in := map[int64]bool{}
		for _, id := range g.Articles {
			in[id] = true
			a, err := s.reportArticle(ctx, itoa(id))
			if err != nil {
				return nil, err
			}
			rg.Members = append(rg.Members, a)
		}
		for _, p := range pairs {
			if in[p.A] && in[p.B] && p.IsDuplicate() {
				rg.Pairs = append(rg.Pairs, p)
			}
		}
		sort.Slice(rg.Pairs, func(i, j int) bool {
			if rg.Pairs[i].A != rg.Pairs[j].A {
				return rg.Pairs[i].A < rg.Pairs[j].A
			}
			if rg.Pairs[i].B != rg.Pairs[j].B {
				return rg.Pairs[i].B < rg.Pairs[j].B
			}
			return rg.Pairs[i].Kind < rg.Pairs[j].Kind
		})
		out = append(out, rg)
	}
	return out, nil
}

func (s *Service) archiveReport(ctx context.Context, prov report.Provenance, full bool) (*report.Archive, error) {
	m := &report.Archive{Provenance: prov, Full: full}
	var err error
	if m.Groups, err = s.reportGroups(ctx, DefaultMinSimilarity(), !full); err != nil {
		return nil, err
	}
	stories, err := s.Stories(ctx, 0)
	if err != nil {
		return nil, err
	}
	if m.Corrections, err = s.Corrections(ctx); err != nil {
		return nil, err
	}
	storyOf := map[int64]int64{}
	for _, st := range stories {
		if len(st.Articles) < 2 {
			continue // a story is two or more versions of one event
		}
		m.Stories = append(m.Stories, report.StorySummary{ID: st.ID, Label: st.Label, Versions: len(st.Articles), Earliest: st.Earliest})
		for _, a := range st.Articles {
			storyOf[a.ID] = st.ID
		}
	}
	const pageSize = 1000
	for off := 0; ; off += pageSize {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		page, err := s.db.ListArticles(ctx, core.ListQuery{Offset: off, Limit: pageSize})
		if err != nil {
			return nil, fmt.Errorf("archive report: %w", err)
		}
		for _, a := range page.Articles {
			ra := report.ArticleFrom(a)
			ra.Story = storyOf[a.ID]
			m.Articles = append(m.Articles, ra)
		}
		if len(page.Articles) < pageSize {
			break
		}
	}
	return m, nil
}

// eventCorrections returns the corrections naming the story's event (by
// its id now or an id merged into it) or one of its articles.
func (s *Service) eventCorrections(ctx context.Context, st Story) ([]core.Correction, error) {
	all, err := s.Corrections(ctx)
	if err != nil {
		return nil, err
	}
	members := map[int64]bool{}
	for _, a := range st.Articles {
		members[a.ID] = true
	}
	names := func(ev int64) bool {
		if ev == 0 {
			return false
		}
		if ev == st.ID {
			return true
		}
		now, err := s.db.ResolveEvent(ctx, ev)
		return err == nil && now == st.ID
	}
	out := []core.Correction{}
	for _, c := range all {
		in := members[c.A] || members[c.B] || names(c.Event) || names(c.Other)
		for _, p := range c.Parts {
			for _, id := range p {
				in = in || members[id]
			}
		}
		if in {
			out = append(out, c)
		}
	}
	return out, nil
}

// ReportName is the file name the report req asks for is saved under
// (report.FileName): its kind, the ids, a pair's first title, a story's
// label or the archive's file name, and the day.
func (s *Service) ReportName(ctx context.Context, req ReportRequest) (string, error) {
	f, err := req.check()
	if err != nil {
		return "", err
	}
	now, err := report.Now()
	if err != nil {
		return "", err
	}
	n := report.Name{Kind: report.Kind(req.Kind), Created: now, Format: f}
	switch n.Kind {
	case report.KindPair:
		for _, ref := range req.Refs {
			d, err := s.GetArticle(ctx, ref)
			if err != nil {
				return "", err
			}
			n.IDs = append(n.IDs, d.Article.ID)
			if n.Title == "" {
				n.Title = d.Article.Title
			}
		}
	case report.KindStory:
		sts, err := s.Stories(ctx, req.StoryID)
		if err != nil {
			return "", err
		}
		n.IDs, n.Title = []int64{sts[0].ID}, sts[0].Label
	case report.KindArchive:
		base := filepath.Base(s.DBPath())
		n.Title = strings.TrimSuffix(base, filepath.Ext(base))
	}
	return report.FileName(n), nil
}
