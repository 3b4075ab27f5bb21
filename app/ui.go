package app

import (
	"context"
	"io"
	"strings"
	"sync"

	"github.com/storydiff/storydiff/align"
	"github.com/storydiff/storydiff/core"
	"github.com/storydiff/storydiff/report"
)

// UI is what the user interface asks of the service, the same whether it
// runs in the desktop window or in a browser: each desktop binding and each
// HTTP handler is one call here, so that what the two transports do beyond
// decoding (the badge cache and when it is dropped, empty lists rather than
// null, paging rules) is written once.
type UI struct {
	// home is the archive the interface was opened on; after OpenSample the
	// interface serves the sample archive until LeaveSample.
	home *Service

	mu      sync.Mutex
	svc     *Service
	badges  *badgeCache
	emitter Emitter
	// imports limit what StartImport may read (see RestrictImports).
	imports importRoots
}

// JobStarted answers a request that started a background job.
type JobStarted struct {
	JobID string `json:"jobId"`
}

// NewUI serves svc to a user interface.
func NewUI(svc *Service) *UI { return &UI{home: svc, svc: svc, badges: newBadgeCache(svc)} }

// service is the archive the interface shows now.
func (u *UI) service() *Service {
	u.mu.Lock()
	defer u.mu.Unlock()
	return u.svc
}

func (u *UI) badgeCache() *badgeCache {
	u.mu.Lock()
	defer u.mu.Unlock()
	return u.badges
}

// SetEmitter routes job events to the interface. The end of a job drops the
// badge cache before the interface hears of it and asks again.
func (u *UI) SetEmitter(e Emitter) {
	u.mu.Lock()
	u.emitter = e
	svc, badges := u.svc, u.badges
	u.mu.Unlock()
	svc.SetEmitter(badges.Emitter(e))
}

// show makes the interface serve svc from now on.
func (u *UI) show(svc *Service) {
	u.mu.Lock()
	if u.svc == svc {
		u.mu.Unlock()
		return
	}
	u.svc, u.badges = svc, newBadgeCache(svc)
	e, badges := u.emitter, u.badges
	u.mu.Unlock()
	if e != nil {
		svc.SetEmitter(badges.Emitter(e))
	}
}

// orEmpty makes a missing list an empty one, so that the interface reads []
// rather than null.
func orEmpty[T any](s []T, err error) ([]T, error) {
	if s == nil && err == nil {
		s = []T{}
	}
	return s, err
}

// ListArticles returns one page of the library, with each article's badges.
func (u *UI) ListArticles(ctx context.Context, r ListRequest) (*ListPage, error) {
	return u.badgeCache().List(ctx, r)
}

// GetArticle returns an article with its text, locations and blocks.
func (u *UI) GetArticle(ctx context.Context, ref string) (*ArticleDetail, error) {
	return u.service().GetArticle(ctx, ref)
}

// Search runs a search as the user types: the last word matches as a
// prefix. A zero limit is the store's default.
func (u *UI) Search(ctx context.Context, query string, limit int) ([]core.SearchHit, error) {
	if err := (Page{Limit: limit}).Check(); err != nil {
		return nil, err
	}
	return orEmpty(u.service().Search(ctx, query, core.SearchOptions{Limit: limit, Prefix: true}))
}

// SearchArticles runs a search with the library's filters and returns one
// page of hits with the number of matches, so that the interface can page
// through all of them. A zero limit is the store's default.
func (u *UI) SearchArticles(ctx context.Context, r SearchRequest) (*core.SearchPage, error) {
	opt, err := u.searchOptions(ctx, r)
	if err != nil {
		return nil, err
	}
	return u.service().SearchPage(ctx, r.Query, opt)
}

// ExportSearch writes every hit of a search with its filters (the
// request's offset and limit play no part) as CSV or JSON.
func (u *UI) ExportSearch(ctx context.Context, r SearchRequest, format string, w io.Writer) error {
	opt, err := u.searchOptions(ctx, r)
	if err != nil {
		return err
	}
	opt.Offset, opt.Limit = 0, 0
	return u.service().WriteSearch(ctx, w, r.Query, opt, format)
}

// SearchExportName is the file name a search's export is saved under,
// named as reports are (report.FileName): storydiff-search-QUERY-DATE.EXT.
func (u *UI) SearchExportName(r SearchRequest, format string) (string, error) {
	if format != "csv" && format != "json" {
		return "", core.Errorf(core.EINVALID, "search export format %q: use csv or json", format)
	}
	now, err := report.Now()
	if err != nil {
		return "", err
	}
	return report.FileName(report.Name{Kind: "search", Title: r.Query, Created: now, Format: report.Format(format)}), nil
}

// searchOptions reads a search request, with the articles of its badge.
func (u *UI) searchOptions(ctx context.Context, r SearchRequest) (core.SearchOptions, error) {
	opt, err := r.Options()
	if err != nil || r.Badge == "" {
		return opt, err
	}
	opt.Filter.IDs, err = u.badgeCache().IDs(ctx, r.Badge)
	if err == nil && opt.Filter.IDs == nil {
		opt.Filter.IDs = []int64{}
	}
	return opt, err
}

// Facets returns the outlets, languages and date range for the filters.
func (u *UI) Facets(ctx context.Context) (*core.Facets, error) {
	return u.service().Facets(ctx)
}

// StartImport imports files and folders in the background.
func (u *UI) StartImport(paths []string) (*JobStarted, error) {
	if err := u.imports.check(paths); err != nil {
		return nil, err
	}
	return started(u.service().StartImport(paths, ImportOptions{}))
}

func started(id string, err error) (*JobStarted, error) {
	if err != nil {
		return nil, err
	}
	return &JobStarted{JobID: id}, nil
}

// CancelJob stops a running job; it ends with its job:done event.
func (u *UI) CancelJob(id string) error { return u.service().CancelJob(id) }

// StartAnalyze finds boilerplate, repeats, duplicates and stories in the
// background; full recomputes everything.
func (u *UI) StartAnalyze(full bool) *JobStarted {
	return &JobStarted{JobID: u.service().StartAnalyze(AnalyzeOptions{Full: full})}
}

// Repeats returns the passages repeated inside one article.
func (u *UI) Repeats(ctx context.Context, ref string) ([]ArticleRepeats, error) {
	return orEmpty(u.service().Repeats(ctx, ref))
}

// Similar returns the articles related to one, strongest first.
func (u *UI) Similar(ctx context.Context, ref string) ([]core.Pair, error) {
	return orEmpty(u.service().Similar(ctx, ref))
}

// StoryOf returns the story an article belongs to, or nil.
func (u *UI) StoryOf(ctx context.Context, ref string) (*Story, error) {
	return u.service().StoryOf(ctx, ref)
}

// Stories lists one page of the stories (a zero limit: all of them).
func (u *UI) Stories(ctx context.Context, pg Page) ([]Story, error) {
	if err := pg.Check(); err != nil {
		return nil, err
	}
	return orEmpty(u.service().StoriesPage(ctx, pg))
}

// DuplicateGroups lists one page of the duplicate groups at a similarity
// threshold (negative: the default).
func (u *UI) DuplicateGroups(ctx context.Context, minSimilarity float64, pg Page) ([]DuplicateGroup, error) {
	if err := pg.Check(); err != nil {
		return nil, err
	}
	if err := CheckThreshold("the similarity threshold", minSimilarity); err != nil {
		return nil, err
	}
	return orEmpty(u.service().DuplicateGroupsPage(ctx, minSimilarity, pg))
}

// DuplicateQueue lists one page of the duplicates review queue with its
// totals.
func (u *UI) DuplicateQueue(ctx context.Context, q DuplicateQuery) (*DuplicateQueue, error) {
	if err := q.Page.Check(); err != nil {
		return nil, err
	}
	if err := CheckThreshold("the similarity threshold", q.MinSimilarity); err != nil {
		return nil, err
	}
	return u.service().DuplicateQueue(ctx, q)
}

// SeveralPaths lists one page of the articles found at more than one path.
func (u *UI) SeveralPaths(ctx context.Context, pg Page) (*SeveralPathsPage, error) {
	if err := pg.Check(); err != nil {
		return nil, err
	}
	return u.service().SeveralPaths(ctx, pg)
}

// ReviewDuplicates records (or, with verdict "", undoes) a verdict on a
// duplicate group and the copy kept from it.
func (u *UI) ReviewDuplicates(ctx context.Context, members []int64, verdict string, keep int64) error {
	defer u.badgeCache().Invalidate()
	return u.service().ReviewDuplicates(ctx, members, verdict, keep)
}

// Compare diffs article a against article b.
func (u *UI) Compare(ctx context.Context, a, b string, opt CompareOptions) (*Comparison, error) {
	return u.service().Compare(ctx, a, b, opt)
}

// Judge records a verdict on two articles (relation "duplicate" or
// "story"). Groups and stories may change with it, and so may badges.
func (u *UI) Judge(ctx context.Context, a, b, relation string, same bool, note string) error {
	defer u.badgeCache().Invalidate()
	return u.service().Judge(ctx, a, b, relation, same, note)
}

// Keep records which copy of a duplicate group to keep.
func (u *UI) Keep(ctx context.Context, ref string, group []int64) error {
	defer u.badgeCache().Invalidate()
	return u.service().Keep(ctx, ref, group)
}

// Report writes a report to w (the browser downloads it).
func (u *UI) Report(ctx context.Context, req ReportRequest, w io.Writer) error {
	return u.service().Report(ctx, req, w)
}

// ReportName is the file name a report is downloaded or saved under.
func (u *UI) ReportName(ctx context.Context, req ReportRequest) (string, error) {
	return u.service().ReportName(ctx, req)
}

// StartReport writes a report to path in the background (the window saves
// it where its dialog was told).
func (u *UI) StartReport(req ReportRequest, path string) (*JobStarted, error) {
	return started(u.service().StartReport(req, path))
}

// Align compares article a with article b sentence by sentence (mode
// "aligned"), or by the word diff cut into rows (mode "diff"); an empty mode
// lets the engine choose.
func (u *UI) Align(ctx context.Context, a, b string, opt AlignOptions) (*align.Result, error) {
	return u.service().Align(ctx, a, b, opt)
}

// Collation lines up a story's versions into rows of aligned sentences,
// with each version's date, outlet and title for the table's header.
func (u *UI) Collation(ctx context.Context, story int64) (*Collation, error) {
	return u.service().collation(ctx, story, AlignOptions{})
}

// Quotes lists the quotes of one article (ref), of one story's versions
// (story), or else one page of the quotes carried by the most articles,
// each with every article that carries it.
func (u *UI) Quotes(ctx context.Context, ref string, story int64, pg Page) ([]QuoteEntry, error) {
	if err := pg.Check(); err != nil {
		return nil, err
	}
	if story < 0 {
		return nil, core.Errorf(core.EINVALID, "a story id is a positive number, not %d", story)
	}
	return orEmpty(u.service().Quotes(ctx, QuotesRequest{Ref: strings.TrimSpace(ref), Story: story, Page: pg}))
}

// EditArticle edits an article's title, date or outlet (the imported
// values are kept) and returns the article as it is now.
func (u *UI) EditArticle(ctx context.Context, ref string, r EditRequest) (*ArticleDetail, error) {
	return u.service().EditArticle(ctx, ref, r)
}

// RevertArticle puts fields (title, date, outlet or all) of an article
// back to their imported values.
func (u *UI) RevertArticle(ctx context.Context, ref string, fields []string) (*ArticleDetail, error) {
	return u.service().RevertArticle(ctx, ref, fields)
}

// TagItem adds tags to an article or an event, or takes them off with
// remove, and returns its tags.
func (u *UI) TagItem(ctx context.Context, it Item, tags []string, remove bool) ([]string, error) {
	return u.service().TagItem(ctx, it, tags, remove)
}

// SetNote writes the note on an article or an event ("" removes it).
func (u *UI) SetNote(ctx context.Context, it Item, text string) (*core.Note, error) {
	return u.service().SetNote(ctx, it, text)
}

// Tags lists every tag with how many articles and events carry it.
func (u *UI) Tags(ctx context.Context) ([]core.TagCount, error) {
	return orEmpty(u.service().Tags(ctx))
}
