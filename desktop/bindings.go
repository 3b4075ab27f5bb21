// Package desktop is StoryDiff's desktop window: the Wails bindings, the
// event emitter, the native dialogs and the error formatter. It is the only
// package besides main that imports Wails, and main imports it only when
// built with the desktop tag, so the CLI and `serve` do not link Wails.
package desktop

import (
	"context"
	"github.com/storydiff/storydiff/core"
	"sync"

	"github.com/storydiff/storydiff/align"
	"github.com/storydiff/storydiff/app"
)

// Bindings is the type bound to the window: every exported method is
// callable from the frontend as window.go.desktop.Bindings.<Method>.
// Methods take no context (the frontend cannot pass one); each is one call
// into app.UI, which the HTTP API calls too.
type Bindings struct {
	ui *app.UI

	mu  sync.Mutex
	ctx context.Context // the window's, set on startup
}

// NewBindings binds svc. The returned startup function must be called with
// the Wails context (options.App.OnStartup): it routes job events to the
// window and enables the native dialogs.
func NewBindings(svc *app.Service) (*Bindings, func(ctx context.Context)) {
	b := &Bindings{ui: app.NewUI(svc), ctx: context.Background()}
	return b, func(ctx context.Context) {
		b.mu.Lock()
		b.ctx = ctx
		b.mu.Unlock()
		b.ui.SetEmitter(emitter{ctx: ctx})
	}
}

func (b *Bindings) context() context.Context {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.ctx
}

// ListArticles returns one page of the library, with each article's badges.
func (b *Bindings) ListArticles(r app.ListRequest) (*app.ListPage, error) {
	return b.ui.ListArticles(b.context(), r)
}

// GetArticle returns an article with its text, locations and blocks.
func (b *Bindings) GetArticle(ref string) (*app.ArticleDetail, error) {
	return b.ui.GetArticle(b.context(), ref)
}

// SearchArticles runs a search with the library's filters, one page.
func (b *Bindings) SearchArticles(r app.SearchRequest) (*core.SearchPage, error) {
	return b.ui.SearchArticles(b.context(), r)
}

// Search runs a search as the user types.
func (b *Bindings) Search(query string, limit int) ([]core.SearchHit, error) {
	return b.ui.Search(b.context(), query, limit)
}

// Facets returns the outlets, languages and date range for the filters.
func (b *Bindings) Facets() (*core.Facets, error) {
	return b.ui.Facets(b.context())
}

// StartImport imports files and folders in the background.
func (b *Bindings) StartImport(paths []string) (*app.JobStarted, error) {
	return b.ui.StartImport(paths)
}

// CancelJob stops a running job; it ends with its job:done event.
func (b *Bindings) CancelJob(id string) error {
	return b.ui.CancelJob(id)
}

// StartAnalyze finds boilerplate, repeats, duplicates and stories in the
// background; full recomputes everything.
func (b *Bindings) StartAnalyze(full bool) *app.JobStarted {
	return b.ui.StartAnalyze(full)
}

// Repeats returns the passages repeated inside one article.
func (b *Bindings) Repeats(ref string) ([]app.ArticleRepeats, error) {
	return b.ui.Repeats(b.context(), ref)
}

// Similar returns the articles related to one, strongest first.
func (b *Bindings) Similar(ref string) ([]core.Pair, error) {
	return b.ui.Similar(b.context(), ref)
}

// StoryOf returns the story an article belongs to, or null.
func (b *Bindings) StoryOf(ref string) (*app.Story, error) {
	return b.ui.StoryOf(b.context(), ref)
}

// Stories lists limit stories from offset (limit 0: all of them).
func (b *Bindings) Stories(offset, limit int) ([]app.Story, error) {
	return b.ui.Stories(b.context(), app.Page{Offset: offset, Limit: limit})
}

// DuplicateGroups lists the duplicate groups at a similarity threshold
// (negative: the default).
func (b *Bindings) DuplicateGroups(minSimilarity float64, offset, limit int) ([]app.DuplicateGroup, error) {
	return b.ui.DuplicateGroups(b.context(), minSimilarity, app.Page{Offset: offset, Limit: limit})
}

// Compare diffs article a against article bref.
func (b *Bindings) Compare(a, bref string, opt app.CompareOptions) (*app.Comparison, error) {
	return b.ui.Compare(b.context(), a, bref, opt)
}

// Align compares article a with article bref sentence by sentence, or by
// the word diff in rows (mode "aligned", "diff", or "" to let it choose).
func (b *Bindings) Align(a, bref string, opt app.AlignOptions) (*align.Result, error) {
	return b.ui.Align(b.context(), a, bref, opt)
}

// Collation lines up a story's versions into rows of aligned sentences.
func (b *Bindings) Collation(story int64) (*app.Collation, error) {
	return b.ui.Collation(b.context(), story)
}

// DuplicateQueue lists one page of the duplicates review queue (show:
// unreviewed, reviewed or all) with its totals.
func (b *Bindings) DuplicateQueue(minSimilarity float64, show string, offset, limit int) (*app.DuplicateQueue, error) {
	return b.ui.DuplicateQueue(b.context(), app.DuplicateQuery{MinSimilarity: minSimilarity, Show: show, Page: app.Page{Offset: offset, Limit: limit}})
}

// SeveralPaths lists one page of the articles found at more than one path.
func (b *Bindings) SeveralPaths(offset, limit int) (*app.SeveralPathsPage, error) {
	return b.ui.SeveralPaths(b.context(), app.Page{Offset: offset, Limit: limit})
}

// ReviewDuplicates records (verdict "": undoes) a verdict on a duplicate
// group and the copy kept from it.
func (b *Bindings) ReviewDuplicates(articles []int64, verdict string, keep int64) error {
	return b.ui.ReviewDuplicates(b.context(), articles, verdict, keep)
}

// Keep records which copy of a duplicate group to keep.
func (b *Bindings) Keep(ref string, group []int64) error {
	return b.ui.Keep(b.context(), ref, group)
}

// Judge records a verdict on two articles (relation "duplicate" or "story").
func (b *Bindings) Judge(a, bref, relation string, same bool, note string) error {
	return b.ui.Judge(b.context(), a, bref, relation, same, note)
}

// Quotes lists the quotes of one article (ref), of one story (story), or
// else limit quotes from offset of those carried by the most articles.
func (b *Bindings) Quotes(ref string, story int64, offset, limit int) ([]app.QuoteEntry, error) {
	return b.ui.Quotes(b.context(), ref, story, app.Page{Offset: offset, Limit: limit})
}
