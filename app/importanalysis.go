package app

import (
	"context"
	"fmt"
	"time"

	"github.com/storydiff/storydiff/analysisdir"
	"github.com/storydiff/storydiff/core"
	"github.com/storydiff/storydiff/detect"
	"github.com/storydiff/storydiff/events"
	"github.com/storydiff/storydiff/evidence"
	"github.com/storydiff/storydiff/store"
)

// ImportAnalysisSummary is what merging an analysis folder did.
type ImportAnalysisSummary struct {
	ImportID int64   `json:"import_id"`
	Status   string  `json:"status"` // done, canceled, already merged
	ID       string  `json:"analysis_id"`
	Added    int     `json:"added"`
	Present  int     `json:"already_present"`
	Pairs    int     `json:"pairs"`
	Links    int     `json:"links"`
	Events   int     `json:"events"`
	Threads  int     `json:"threads"`
	Seconds  float64 `json:"seconds"`
	// Analysis is the incremental analysis run after the merge: it finds
	// the quotes (which the pipeline does not) and nothing else to do.
	Analysis *AnalyzeSummary `json:"analysis,omitempty"`
}

const analysisImportKey = "analysis_import"

// ImportAnalysis fills the archive from an analysis folder written by
// storydiff-pipeline: articles with their provenance, features, sketches,
// profiles, pairs, links, line and term counts and events, stored as they
// are, without computing them again. The archive must be new, or hold this
// same analysis (merged, or merging when it was stopped): running it again
// adds nothing, and a stopped merge is completed.
func (s *Service) ImportAnalysis(ctx context.Context, dir string, progress core.ProgressFunc) (*ImportAnalysisSummary, error) {
	start := time.Now()
	report := throttle(progress)
	if err := s.db.CheckWritable(); err != nil {
		return nil, err
	}
	d, err := analysisdir.Open(dir)
	if err != nil {
		return nil, core.Errorf(core.EINVALID, "%s", err.Error())
	}
	m := d.Manifest
	params := detect.DefaultParams()
	if m.Params.Hash() != params.Hash() || m.ProfileVersion != evidence.ProfileVersion {
		return nil, core.Errorf(core.EINVALID, "%s was analysed with other settings or another version of the code (parameters %x, profiles v%d; this storydiff uses %x, v%d): run the pipeline built from this version",
			dir, m.Params.Hash(), m.ProfileVersion, params.Hash(), evidence.ProfileVersion)
	}
	sum := &ImportAnalysisSummary{ID: m.ID, Status: "done"}
	var merged, merging string
	if _, err := s.db.Setting(ctx, analysisImportKey, &merged); err != nil {
		return nil, err
	}
	if merged == m.ID {
		sum.Status = "already merged"
		sum.Present = m.Counts[analysisdir.KindArticles]
		sum.Seconds = time.Since(start).Seconds()
		return sum, nil
	}
	if _, err := s.db.Setting(ctx, analysisImportKey+"_running", &merging); err != nil {
		return nil, err
	}
	held, err := s.db.ArticleIDs(ctx)
	if err != nil {
		return nil, err
	}
	if len(held) > 0 && merging != m.ID {
		return nil, core.Errorf(core.EINVALID, "the archive already holds %d articles: an analysis folder is merged into a new archive (or one holding this same analysis); import %s into a new archive, or import the original files here", len(held), dir)
	}
	if err := s.db.SetSetting(ctx, analysisImportKey+"_running", m.ID); err != nil {
		return nil, err
	}
	st := &s.analysis
	st.mu.Lock()
	locked := true
	defer func() {
		if locked {
			st.mu.Unlock()
		}
	}()
	importID, err := s.db.BeginImport(context.WithoutCancel(ctx), m.Inputs, map[string]string{"analysis": dir, "analysis_id": m.ID})
	if err != nil {
		return nil, err
	}
	sum.ImportID = importID
	finish := func(status string) error {
		sum.Status = status
		sum.Seconds = time.Since(start).Seconds()
		return s.db.FinishImport(importID, status, m.Counts[analysisdir.KindArticles], sum.Added, sum.Present, nil, nil)
	}
	fail := func(err error) (*ImportAnalysisSummary, error) {
		if ctx.Err() != nil {
			_ = finish("canceled")
			return sum, ctx.Err()
		}
		_ = finish("failed")
		return sum, fmt.Errorf("merging %s: %w", dir, err)
	}

	// Articles in ordinal order (the folder's shards are cut by ordinal),
	// so that a new archive gives them the ids an import would.
	total := m.Counts[analysisdir.KindArticles]
	ids := make([]int64, total+1) // ordinal -> archive id
	var arts []store.NewArticle
	var owners []int64 // ordinal of each entry of arts
	var analyses []store.ArticleAnalysis
	var profiles []store.ProfileRow
	var lineCounted []int64
	done := 0
	flush := func() error {
		if len(arts) == 0 {
			return nil
		}
		res, err := s.db.AddArticles(ctx, importID, arts)
		if err != nil {
			return err
		}
		first := map[int64]bool{}
		for i, r := range res {
			o := owners[i]
			if first[o] {
				continue // another location of the same article
			}
			first[o] = true
			ids[o] = r.ID
			if r.Added {
				sum.Added++
			} else {
				sum.Present++
			}
		}
		for i := range analyses {
			o := analyses[i].ID
			analyses[i].ID = ids[o]
			profiles[i].ID = ids[o]
			lineCounted = append(lineCounted, ids[o])
		}
		if err := s.db.SaveAnalyses(ctx, analyses); err != nil {
			return err
		}
		if err := s.db.SaveProfiles(ctx, evidence.ProfileVersion, profiles); err != nil {
			return err
		}
		arts, owners, analyses, profiles = arts[:0], owners[:0], analyses[:0], profiles[:0]
		report(core.Progress{Stage: "storing articles", Done: done, Total: total}, false)
		return ctx.Err()
	}
	next := int64(1)
	err = analysisdir.Each(d, analysisdir.KindArticles, func(a analysisdir.Article) error {
		if a.Ordinal != next {
			return fmt.Errorf("article %s has ordinal %d where %d was expected: the shards are out of order", a.SHA256, a.Ordinal, next)
		}
		next++
		a.RestoreOriginal()
		for i, loc := range a.Locations {
			doc := a.Doc
			doc.Path, doc.Record = loc.Path, loc.Record
			if i > 0 {
				doc.Text, doc.Original = "", a.Doc.Original
			}
			arts = append(arts, store.NewArticle{Doc: doc, SHA256: a.SHA256, TextHash: a.TextHash, Words: a.Words,
				Blocks: a.ImportBlocks, Size: loc.Size, ModTime: loc.ModTime})
			owners = append(owners, a.Ordinal)
		}
		analyses = append(analyses, store.ArticleAnalysis{ID: a.Ordinal, ParamsHash: a.ParamsHash, Features: a.Features,
			Sketch: a.Sketch, SketchHash: a.SketchHash, SketchKeys: a.SketchKeys, Blocks: a.Blocks, Repeats: a.Repeats})
		profiles = append(profiles, store.ProfileRow{ID: a.Ordinal, Data: a.Profile, Keys: a.ProfileKeys})
		done++
		if len(analyses) >= 256 {
			return flush()
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	if err == nil && int(next-1) != total {
		err = fmt.Errorf("the manifest counts %d articles, the shards hold %d", total, next-1)
	}
	if err != nil {
		return fail(err)
	}
	report(core.Progress{Stage: "storing articles", Done: done, Total: total}, true)
	id := func(o int64) (int64, error) {
		if o < 1 || o > int64(total) || ids[o] == 0 {
			return 0, fmt.Errorf("a record names article %d, which the folder does not hold", o)
		}
		return ids[o], nil
	}

	report(core.Progress{Stage: "storing counts"}, true)
	var rows []core.LineCount
	if err := analysisdir.Each(d, analysisdir.KindLines, func(r core.LineCount) error {
		rows = append(rows, r)
		return nil
	}); err != nil {
		return fail(err)
	}
	if err := s.db.SaveLineCounts(ctx, rows, lineCounted, true); err != nil {
		return fail(err)
	}
	df := map[uint64]int32{}
	if err := analysisdir.Each(d, analysisdir.KindTerms, func(t analysisdir.Term) error {
		df[t.Hash] = t.DF
		return nil
	}); err != nil {
		return fail(err)
	}
	if err := s.db.ReplaceCensus(ctx, m.Census, df); err != nil {
		return fail(err)
	}

	report(core.Progress{Stage: "storing pairs"}, true)
	var pairs []core.Pair
	if err := analysisdir.Each(d, analysisdir.KindPairs, func(p core.Pair) error {
		var err error
		if p.A, err = id(p.A); err == nil {
			p.B, err = id(p.B)
		}
		pairs = append(pairs, p)
		return err
	}); err != nil {
		return fail(err)
	}

	if err := s.db.ReplacePairs(ctx, true, nil, pairs); err != nil {
		return fail(err)
	}
	sum.Pairs = len(pairs)

	report(core.Progress{Stage: "storing links"}, true)
	var links []store.Link
	if err := analysisdir.Each(d, analysisdir.KindLinks, func(l analysisdir.Link) error {
		a, err := id(l.A)
		if err != nil {
			return err
		}
		b, err := id(l.B)
		links = append(links, store.Link{A: a, B: b, Event: l.Event, Thread: l.Thread})
		return err
	}); err != nil {
		return fail(err)
	}
	if err := s.db.ReplaceLinks(ctx, links); err != nil {
		return fail(err)
	}
	sum.Links = len(links)
	// The pipeline weighed the links by the estimates (EstimateDates); they
	// are made again here from the same profiles and thread scores.
	if err := s.estimateStoredDates(ctx, links); err != nil {
		return fail(err)
	}

	report(core.Progress{Stage: "storing events"}, true)
	var res events.Result
	if err := analysisdir.Each(d, analysisdir.KindEvents, func(c analysisdir.Clustering) error {
		for _, e := range c.Events {
			ev := events.Event{ID: e.ID, First: e.First, Last: e.Last, Thread: e.Thread}
			for _, o := range e.Members {
				x, err := id(o)
				if err != nil {
					return err
				}
				ev.Members = append(ev.Members, x)
			}
			res.Events = append(res.Events, ev)
		}
		for _, t := range c.Threads {
			res.Threads = append(res.Threads, events.Thread{ID: t.ID, Events: t.Events})
		}
		return nil
	}); err != nil {
		return fail(err)
	}
	if err := s.storeClustering(ctx, res); err != nil {
		return fail(err)
	}
	sum.Events, sum.Threads = len(res.Events), len(res.Threads)

	for _, kv := range []struct {
		k string
		v any
	}{{"analysis", params}, {"analysis_state", "done"}, {"sketch_keys", true}} {
		if err := s.db.SetSetting(ctx, kv.k, kv.v); err != nil {
			return fail(err)
		}
	}
	if err := s.db.Dequeue(ctx, lineCounted); err != nil {
		return fail(err)
	}
	if err := finish("done"); err != nil {
		return sum, err
	}
	locked = false
	st.lines = nil // the counts on disk are new: read them again
	st.mu.Unlock()
	// Quotes are found here; every other step finds its work done.
	if sum.Analysis, err = s.Analyze(ctx, AnalyzeOptions{}, progress); err != nil {
		return sum, fmt.Errorf("analysis after merging: %w", err)
	}
	if err := s.db.SetSetting(ctx, analysisImportKey, m.ID); err != nil {
		return sum, err
	}
	sum.Seconds = time.Since(start).Seconds()
	return sum, nil
}
