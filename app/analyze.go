package app

import (
	"context"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/storydiff/storydiff/core"
	"github.com/storydiff/storydiff/detect"
	"github.com/storydiff/storydiff/evidence"
	"github.com/storydiff/storydiff/store"
)

// AnalyzeOptions tune an analysis.
type AnalyzeOptions struct {
	// Full recomputes everything (after changing settings, or to recount
	// boilerplate lines over the whole archive); otherwise only articles
	// without current features are analysed and compared with the rest.
	Full bool `json:"full"`
}

// AnalyzeSummary is what an analysis did.
type AnalyzeSummary struct {
	Articles    int `json:"articles"`
	Analysed    int `json:"analysed"`
	Pairs       int `json:"pairs"`
	ExactGroups int `json:"exact_groups"`
	NearGroups  int `json:"near_groups"`
	// SeveralPaths counts the articles found at more than one path and
	// duplicated by no other: one article each, not a group to review.
	SeveralPaths int `json:"several_paths"`
	Repeats      int `json:"articles_with_repeats"`
	// Stories and Events count the events (what `stories` lists),
	// Versioned those of two or more articles; Links counts the stored
	// scored pairs behind them.
	Stories   int           `json:"stories"`
	Events    int           `json:"events"`
	Versioned int           `json:"events_with_versions"`
	Threads   int           `json:"threads"`
	Links     int           `json:"links"`
	Seconds   float64       `json:"seconds"`
	Params    detect.Params `json:"params"`
	// Pass says how pairs were found: "all" compared every article, "new"
	// only the newly analysed ones with the rest, "" none were needed.
	Pass         string  `json:"pass"`
	PairsSeconds float64 `json:"pairs_seconds"`
}

// analysisState is what one process keeps between analyses: the recurring
// line counts. Pairs are found by passes over the stored features and
// sketches (detect.AllPairs, detect.FreshPairs), so no index of the whole
// archive stays in memory between analyses, nor grows with the archive.
type analysisState struct {
	mu    sync.Mutex // one analysis at a time
	lines *detect.LineCounts
}

// storedAnalysis is the archive as detect's passes read it.
type storedAnalysis struct {
	db                 *store.DB
	features, sketches uint64 // parameter hashes
	n                  int    // articles with features, when counted
}

func (a storedAnalysis) Len() int { return a.n }

func (a storedAnalysis) EachFeatures(ctx context.Context, fn func(int64, []byte) error) error {
	return a.db.Features(ctx, a.features, fn)
}

func (a storedAnalysis) FeaturesOf(ctx context.Context, ids []int64, fn func(int64, []byte) error) error {
	return a.db.FeaturesOf(ctx, a.features, ids, fn)
}

func (a storedAnalysis) EachSketch(ctx context.Context, fn func(int64, []byte) error) error {
	return a.db.Sketches(ctx, a.sketches, fn)
}

// group is the folder or outlet whose recurring lines count as chrome.
func lineGroup(in store.AnalysisInput) string {
	if in.Outlet != "" {
		return "outlet:" + in.Outlet
	}
	return "folder:" + filepath.Dir(in.Path)
}

// Analyze finds boilerplate, repeated passages, duplicates and stories.
func (s *Service) Analyze(ctx context.Context, opt AnalyzeOptions, progress core.ProgressFunc) (*AnalyzeSummary, error) {
	st := &s.analysis
	st.mu.Lock()
	defer st.mu.Unlock()
	start := time.Now()
	report := throttle(progress)
	params := detect.DefaultParams()
	ph := params.Hash()
	sum := &AnalyzeSummary{Params: params}

	// An analysis that did not finish (killed, or power lost) may have saved
	// features without the pairs they lead to: then every pair is found again.
	var last string
	if _, err := s.db.Setting(ctx, "analysis_state", &last); err != nil {
		return nil, err
	}
	allPairs := opt.Full || last == "running"
	if err := s.db.SetSetting(ctx, "analysis_state", "running"); err != nil {
		return nil, err
	}

	// What is left to do is among the queued articles: the new ones, or all
	// of them when the whole archive is stale. Those queued now leave the
	// queue when this analysis ends well.
	queued, err := s.queue(ctx, opt.Full, ph)
	if err != nil {
		return nil, err
	}

	// Boilerplate lines: counted once per article, marked counted in the
	// same transaction, so that an analysis killed midway never counts twice.
	var stale, uncounted []int64
	lines := st.lines
	if opt.Full {
		st.lines = detect.NewLineCounts()
		lines = st.lines
		if stale, err = s.db.ArticleIDs(ctx); err != nil {
			return nil, err
		}
		uncounted = stale
	} else {
		if stale, err = s.db.StaleFeatures(ctx, ph); err != nil {
			return nil, err
		}
		if uncounted, err = s.db.UncountedLines(ctx); err != nil {
			return nil, err
		}
	}
	report(core.Progress{Stage: "counting lines", Total: len(uncounted)}, true)
	if !opt.Full && len(stale)+len(uncounted) <= fewLines {
		// A few new articles: read and write only their lines' counts.
		both := append(slices.Clone(stale), uncounted...)
		slices.Sort(both)
		both = slices.Compact(both)
		l, err := s.readLines(ctx, both)
		if err != nil {
			return nil, err
		}
		if lines == nil {
			if lines, err = s.partialLineCounts(ctx, l, both); err != nil {
				return nil, err
			}
		}
		if len(uncounted) > 0 {
			if err := s.countLines(ctx, lines, l, uncounted); err != nil {
				st.lines = nil // perhaps partly counted: reload from the archive next time
				return nil, err
			}
		}
	} else {
		if lines == nil {
			rows, err := s.db.LineCounts(ctx)
			if err != nil {
				return nil, err
			}
			st.lines = detect.NewLineCounts()
			st.lines.Load(rows)
			lines = st.lines
		}
		if len(uncounted) > 0 {
			if err := s.db.AnalysisInputs(ctx, uncounted, func(in store.AnalysisInput) error {
				lines.Add(lineGroup(in), in.Text)
				return nil
			}); err != nil {
				st.lines = nil // partly counted: reload from the archive next time
				return nil, err
			}
			if err := s.db.SaveLineCounts(ctx, lines.Rows(true), uncounted, opt.Full); err != nil {
				st.lines = nil
				return nil, err
			}
		}
	}

	// Features, sketches, blocks and repeats of each stale article, on
	// every CPU. When they outnumber the sketches already stored, the
	// sketch key index is built afterwards in key order (ensureSketchKeys)
	// rather than one article at a time.
	sketchedBefore, err := s.db.CountSketches(ctx, params.SketchHash())
	if err != nil {
		return nil, err
	}
	keyed := len(stale) <= max(fewLines, sketchedBefore)
	if !keyed {
		if err := s.db.ClearSketchKeys(ctx); err != nil {
			return nil, err
		}
	}
	// When every pair is found again the events are rebuilt from scratch
	// (analyzeEvents), which writes the whole profile key index at once.
	if sum.Analysed, err = s.analyseArticles(ctx, stale, params, lines, keyed, !allPairs, func(done int) {
		report(core.Progress{Stage: "analysing", Done: done, Total: len(stale)}, false)
	}); err != nil {
		return nil, err
	}

	// Quotes of the articles not searched for them yet, followed across
	// the archive.
	if err := s.analyseQuotes(ctx, opt.Full, report); err != nil {
		return nil, err
	}

	// Pairs: those of the new articles, when the stored term counts cover
	// exactly the others and they are few; else every pair, in one pass that
	// also rewrites the counts (and any sketch made with other settings).
	ti := time.Now()
	arch := storedAnalysis{db: s.db, features: ph, sketches: params.SketchHash()}
	total, err := s.db.CountFeatures(ctx, ph)
	if err != nil {
		return nil, err
	}
	sketched, err := s.db.CountSketches(ctx, arch.sketches)
	if err != nil {
		return nil, err
	}
	n, counted, err := s.db.CensusArticles(ctx)
	if err != nil {
		return nil, err
	}
	sum.Articles = total
	arch.n = total
	lastStage := ""
	passProgress := func(stage string, done, all int) {
		if all == 0 { // a stage that streams the archive without counting it
			all = total
		}
		report(core.Progress{Stage: stage, Done: done, Total: all}, stage != lastStage)
		lastStage = stage
	}
	if allPairs || !counted || sketched != total || n+len(stale) != total || len(stale) > total/10 {
		sum.Pass = "all"
		report(core.Progress{Stage: "reading features", Total: total}, true)
		var save func(int64, detect.Sketch) error
		var pending []store.SketchRow
		if sketched != total {
			// The sketch key index is built again after the pass.
			if err := s.db.ClearSketchKeys(ctx); err != nil {
				return nil, err
			}
			save = func(id int64, sk detect.Sketch) error {
				data, _ := sk.MarshalBinary()
				if pending = append(pending, store.SketchRow{ID: id, Data: data}); len(pending) == 4096 {
					err := s.db.SaveSketches(ctx, arch.sketches, pending)
					pending = pending[:0]
					return err
				}
				return nil
			}
		}
		pairs, census, err := detect.AllPairs(ctx, arch, params, save, passProgress)
		if err != nil {
			return nil, err
		}
		if err := s.db.SaveSketches(ctx, arch.sketches, pending); err != nil {
			return nil, err
		}
		if err := s.db.ReplacePairs(ctx, true, nil, pairs); err != nil {
			return nil, err
		}
		if err := s.db.ReplaceCensus(ctx, census.N, census.DF); err != nil {
			return nil, err
		}
		if err := s.ensureSketchKeys(ctx, report); err != nil {
			return nil, err
		}
	} else if len(stale) > 0 {
		sum.Pass = "new"
		if err := s.ensureSketchKeys(ctx, report); err != nil {
			return nil, err
		}
		report(core.Progress{Stage: "proposing candidates", Total: total}, true)
		// The census holds only the counts of the terms FreshPairs reads
		// (freshArchive loads them): reading them all took a fifth of a
		// second at 100,000 articles.
		census := &detect.Census{N: n, DF: map[uint64]int32{}}
		fresh := &freshArchive{storedAnalysis: arch, fresh: stale, census: census, loaded: map[uint64]bool{}}
		pairs, err := detect.FreshPairs(ctx, fresh, stale, census, params, passProgress)
		if err != nil {
			return nil, err
		}
		if err := s.db.ReplacePairs(ctx, false, stale, pairs); err != nil {
			return nil, err
		}
		if err := s.db.UpdateCensus(ctx, census.N, census.Changed()); err != nil {
			return nil, err
		}
	}
	sum.PairsSeconds = time.Since(ti).Seconds()

	if err := s.analyzeEvents(ctx, allPairs, report); err != nil {
		return nil, err
	}
	if err := s.fillCounts(ctx, sum); err != nil {
		return nil, err
	}
	if err := s.db.SetSetting(ctx, "analysis", params); err != nil {
		return nil, err
	}
	if err := s.db.SetSetting(ctx, "analysis_state", "done"); err != nil {
		return nil, err
	}
	if err := s.db.Dequeue(ctx, queued); err != nil {
		return nil, err
	}
	// The ranking index is brought up to date here rather than by the
	// import, so that storing articles costs only their storing: until it
	// is, a search for a common word ranks every match, as before.
	if err := s.refreshRanking(ctx, report); err != nil {
		return nil, err
	}
	sum.Seconds = time.Since(start).Seconds()
	return sum, nil
}

// queue returns the queued articles (see store.QueueAll), after queueing
// every article when the whole archive is stale: for a full analysis, or
// when some features or profiles were made by other code than this.
func (s *Service) queue(ctx context.Context, full bool, paramsHash uint64) ([]int64, error) {
	all := full
	if !all {
		var err error
		if all, err = s.db.FeaturesMadeOtherwise(ctx, paramsHash); err != nil {
			return nil, err
		}
	}
	if !all {
		var err error
		if all, err = s.db.ProfilesMadeOtherwise(ctx, evidence.ProfileVersion); err != nil {
			return nil, err
		}
	}
	if all {
		if err := s.db.QueueAll(ctx); err != nil {
			return nil, err
		}
	}
	return s.db.Queued(ctx)
}

// analyseArticles computes and stores features, sketches, blocks, repeats
// and evidence profiles, and returns how many articles it analysed.
// indexKeys adds the profiles' keys to the key index; without it the
// caller rebuilds the index whole (rebuildEvents).
func (s *Service) analyseArticles(ctx context.Context, ids []int64, params detect.Params, lines *detect.LineCounts, keyed, indexKeys bool, progress func(int)) (int, error) {
	if len(ids) == 0 {
		return 0, nil // not nil ids: AnalysisInputs reads every article for those
	}
	langs, err := s.db.Languages(ctx, ids)
	if err != nil {
		return 0, err
	}
	type analysed struct {
		a store.ArticleAnalysis
		p store.ProfileRow
	}
	inputs := make(chan store.AnalysisInput, 64)
	results := make(chan analysed, 64)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var readErr error
	go func() {
		defer close(inputs)
		readErr = s.db.AnalysisInputs(ctx, ids, func(in store.AnalysisInput) error {
			select {
			case inputs <- in:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	}()
	var wg sync.WaitGroup
	for w := 0; w < runtime.NumCPU(); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for in := range inputs {
				results <- analysed{analyseOne(in, params, lines, keyed), profileRow(in, langs[in.ID])}
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()

	var batch []store.ArticleAnalysis
	var profiles []store.ProfileRow
	save := func() error {
		if err := s.db.SaveAnalyses(ctx, batch); err != nil {
			return err
		}
		var err error
		if indexKeys {
			err = s.db.SaveProfiles(ctx, evidence.ProfileVersion, profiles)
		} else {
			err = s.db.SaveProfilesUnindexed(ctx, evidence.ProfileVersion, profiles)
		}
		batch, profiles = batch[:0], profiles[:0]
		return err
	}
	done := 0
	var saveErr error
	for r := range results {
		if saveErr != nil {
			continue // drain
		}
		batch = append(batch, r.a)
		profiles = append(profiles, r.p)
		done++
		if len(batch) >= 200 {
			if saveErr = save(); saveErr != nil {
				cancel()
			}
		}
		progress(done)
	}
	if saveErr != nil {
		return 0, saveErr
	}
	if readErr != nil {
		return 0, readErr
	}
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	return done, save()
}

// analyseOne analyses one article; keyed adds its sketch's keys for the
// sketch key index.
func analyseOne(in store.AnalysisInput, params detect.Params, lines *detect.LineCounts, keyed bool) store.ArticleAnalysis {
	group := lineGroup(in)
	// The lines are marked once, for the features and for the blocks kept.
	blocks := detect.MarkBlocks(in.Text, detect.BlockOptions{Title: in.Title, Group: group, Lines: lines})
	f := detect.ComputeFeatures(detect.Input{Text: in.Text, Original: in.Original, Title: in.Title,
		Published: in.Published, Group: group, Lines: lines, Blocks: blocks}, params)
	data, _ := f.MarshalBinary()
	sk := detect.SketchOf(f, params)
	sketch, _ := sk.MarshalBinary()
	a := store.ArticleAnalysis{ID: in.ID, ParamsHash: f.ParamsHash, Features: data, Sketch: sketch,
		SketchHash: params.SketchHash(), Blocks: []core.Block{}}
	if keyed {
		a.SketchKeys = sketchKeys(sk, params.SketchHash())
	}
	a.Blocks = append(a.Blocks, blocks...)
	a.Repeats = detect.RepeatedPassages(in.Text)
	return a
}

// blocksOf marks an article's lines at import, before any analysis, with the
// site-chrome patterns alone (recurring lines need the whole archive).
func blocksOf(text, title string) []core.Block {
	return detect.MarkBlocks(text, detect.BlockOptions{Title: title})
}

// judgements returns the verdicts that bind a clustering: for stories, a
// confirmed duplicate is also the same story.
func (s *Service) judgements(ctx context.Context, relation string) ([]core.Judgement, error) {
	all, err := s.db.Judgements(ctx)
	if err != nil {
		return nil, err
	}
	var out []core.Judgement
	for _, j := range all {
		if j.Relation == relation || (relation == core.RelationStory && j.Relation == core.RelationDuplicate && j.Same) {
			out = append(out, j)
		}
	}
	return out, nil
}

func (s *Service) fillCounts(ctx context.Context, sum *AnalyzeSummary) error {
	groups, err := s.duplicateClusters(ctx, -1)
	if err != nil {
		return err
	}
	for _, g := range groups {
		if g.SeveralPaths {
			sum.SeveralPaths++
		} else if g.Kind == "exact" {
			sum.ExactGroups++
		} else {
			sum.NearGroups++
		}
	}
	c, err := s.db.CountAnalysis(ctx)
	if err != nil {
		return err
	}
	sum.Pairs, sum.Repeats = c.Pairs, c.ArticlesWithRepeats
	if sum.Events, sum.Versioned, err = s.db.CountEvents(ctx); err != nil {
		return err
	}
	sum.Stories = sum.Events
	if sum.Threads, err = s.db.CountThreads(ctx); err != nil {
		return err
	}
	sum.Links, err = s.db.CountLinks(ctx)
	return err
}
