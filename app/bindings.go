package app

import (
	"context"
	"encoding/json"
	"log"
	"strings"
	"sync"
	"time"

	"github.com/storydiff/storydiff/core"
	"github.com/wailsapp/wails/v2/pkg/runtime"
)

// Bindings is the type bound to the desktop window: every exported method is
// callable from the frontend as window.go.app.Bindings.<Method>. Methods take
// no context (the frontend cannot pass one); they forward to the Service.
type Bindings struct {
	svc   *Service
	marks *Marks

	mu  sync.Mutex
	ctx context.Context // the window's, set on startup
}

// NewBindings binds svc. The returned startup function must be called with
// the Wails context (options.App.OnStartup): it routes job events to the
// window and enables the native dialogs.
func NewBindings(svc *Service) (*Bindings, func(ctx context.Context)) {
	b := &Bindings{svc: svc, marks: NewMarks(svc), ctx: context.Background()}
	return b, func(ctx context.Context) {
		b.mu.Lock()
		b.ctx = ctx
		b.mu.Unlock()
		svc.SetEmitter(b.marks.Emitter(wailsEmitter{ctx: ctx}))
	}
}

func (b *Bindings) context() context.Context {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.ctx
}

type wailsEmitter struct{ ctx context.Context }

func (e wailsEmitter) Emit(event string, data any) { runtime.EventsEmit(e.ctx, event, data) }

// ListRequest is a library query as the frontend sends it: dates are
// "YYYY-MM-DD" (an HTML date input's value) or RFC 3339.
type ListRequest struct {
	Offset   int    `json:"offset"`
	Limit    int    `json:"limit"`
	Sort     string `json:"sort"`
	Desc     bool   `json:"desc"`
	Outlet   string `json:"outlet"`
	Language string `json:"language"`
	From     string `json:"from"`
	To       string `json:"to"`
	// Badge keeps only the articles with this badge (see Marks).
	Badge string `json:"badge"`
}

// Query converts the request for the store. To is inclusive: a date means
// up to the end of that day.
func (r ListRequest) Query() (core.ListQuery, error) {
	q := core.ListQuery{Offset: r.Offset, Limit: r.Limit, Sort: r.Sort, Desc: r.Desc, Outlet: r.Outlet, Language: r.Language}
	if r.Offset < 0 || r.Limit < 0 {
		return q, core.Errorf(core.EINVALID, "offset and limit must not be negative")
	}
	var err error
	if q.From, err = parseDay(r.From, false); err != nil {
		return q, err
	}
	if q.To, err = parseDay(r.To, true); err != nil {
		return q, err
	}
	return q, nil
}

func parseDay(s string, endOfDay bool) (*time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return &t, nil
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return nil, core.Errorf(core.EINVALID, "%q is not a date (use YYYY-MM-DD)", s)
	}
	if endOfDay {
		t = t.Add(24*time.Hour - time.Nanosecond)
	}
	return &t, nil
}

// JobStarted answers a request that started a background job.
type JobStarted struct {
	JobID string `json:"jobId"`
}

// ListArticles returns one page of the library, with each article's badges.
func (b *Bindings) ListArticles(r ListRequest) (*ListPage, error) {
	return b.marks.List(b.context(), r)
}

// GetArticle returns an article with its text, locations and blocks.
func (b *Bindings) GetArticle(ref string) (*ArticleDetail, error) {
	return b.svc.GetArticle(b.context(), ref)
}

// Search runs a search as the user types: the last word matches as a prefix.
func (b *Bindings) Search(query string, limit int) ([]core.SearchHit, error) {
	return b.svc.Search(b.context(), query, core.SearchOptions{Limit: limit, Prefix: true})
}

// Facets returns the outlets, languages and date range for the filters.
func (b *Bindings) Facets() (*core.Facets, error) {
	return b.svc.Facets(b.context())
}

// StartImport imports files and folders in the background.
func (b *Bindings) StartImport(paths []string) (*JobStarted, error) {
	id, err := b.svc.StartImport(paths, ImportOptions{})
	if err != nil {
		return nil, err
	}
	return &JobStarted{JobID: id}, nil
}

// CancelJob stops a running job; it ends with its job:done event.
func (b *Bindings) CancelJob(id string) error {
	return b.svc.CancelJob(id)
}

// ChooseFolder opens the native folder dialog and returns the folder chosen,
// or "" when the user closed the dialog.
func (b *Bindings) ChooseFolder() (string, error) {
	dir, err := runtime.OpenDirectoryDialog(b.context(), runtime.OpenDialogOptions{Title: "Choose a folder of articles to import"})
	if err != nil {
		return "", &core.Error{Code: core.EINTERNAL, Op: "ChooseFolder", Err: err}
	}
	return dir, nil
}

// FormatBindingError is the window's error formatter (options.App.
// ErrorFormatter). The frontend receives the error as a JSON string
// {"code","message"}: Wails wraps it in a JavaScript Error whose message
// is that string, and the API client decodes it into its AppError. Internal
// errors are logged here and shown as "Internal error".
func FormatBindingError(err error) any {
	code := core.ErrorCode(err)
	if code == core.EINTERNAL {
		log.Printf("storydiff: %v", err)
	}
	b, _ := json.Marshal(struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	}{code, core.ErrorMessage(err)})
	return string(b)
}

// StartAnalyze finds boilerplate, repeats, duplicates and stories in the
// background; full recomputes everything.
func (b *Bindings) StartAnalyze(full bool) *JobStarted {
	return &JobStarted{JobID: b.svc.StartAnalyze(AnalyzeOptions{Full: full})}
}

// Repeats returns the passages repeated inside one article.
func (b *Bindings) Repeats(ref string) ([]ArticleRepeats, error) {
	return b.svc.Repeats(b.context(), ref)
}

// Similar returns the articles related to one, strongest first.
func (b *Bindings) Similar(ref string) ([]core.Pair, error) {
	pairs, err := b.svc.Similar(b.context(), ref)
	if pairs == nil && err == nil {
		pairs = []core.Pair{}
	}
	return pairs, err
}

// StoryOf returns the story an article belongs to, or null.
func (b *Bindings) StoryOf(ref string) (*Story, error) {
	return b.svc.StoryOf(b.context(), ref)
}

// Stories lists every story.
func (b *Bindings) Stories(offset, limit int) ([]Story, error) {
	return b.svc.StoriesPage(b.context(), Page{Offset: offset, Limit: limit})
}

// DuplicateGroups lists the duplicate groups at a similarity threshold
// (negative: the default).
func (b *Bindings) DuplicateGroups(minSimilarity float64, offset, limit int) ([]DuplicateGroup, error) {
	return b.svc.DuplicateGroupsPage(b.context(), minSimilarity, Page{Offset: offset, Limit: limit})
}

// Compare diffs article a against article b.
func (b *Bindings) Compare(a, bref string, opt CompareOptions) (*Comparison, error) {
	return b.svc.Compare(b.context(), a, bref, opt)
}

// Keep records which copy of a duplicate group to keep.
func (b *Bindings) Keep(ref string, group []int64) error {
	defer b.marks.Invalidate()
	return b.svc.Keep(b.context(), ref, group)
}

// Judge records a verdict on two articles (relation "duplicate" or "story").
func (b *Bindings) Judge(a, bref, relation string, same bool, note string) error {
	defer b.marks.Invalidate()
	return b.svc.Judge(b.context(), a, bref, relation, same, note)
}

// ExportReport asks where to save a report with the native dialog, then
// writes it there in the background. It returns a null job when the user
// closed the dialog.
func (b *Bindings) ExportReport(req ReportRequest) (*JobStarted, error) {
	path, err := runtime.SaveFileDialog(b.context(), runtime.SaveDialogOptions{
		Title:           "Save the report",
		DefaultFilename: "storydiff-" + req.Kind + "." + req.Format,
	})
	if err != nil {
		return nil, &core.Error{Code: core.EINTERNAL, Op: "ExportReport", Err: err}
	}
	if path == "" {
		return nil, nil
	}
	id, err := b.svc.StartReport(req, path)
	if err != nil {
		return nil, err
	}
	return &JobStarted{JobID: id}, nil
}

// Badges shown in the library, one per kind of finding.
const (
	BadgeDuplicate = "duplicate"      // in a group of exact duplicates
	BadgeNear      = "near_duplicate" // in a group of near-duplicates
	BadgeRepeat    = "repeat"         // repeats a passage inside itself
	BadgeStory     = "story"          // one version of a story
)

// Marks knows which articles carry which badge, for the library's badge
// column and filter. Findings change only when a job ends or a verdict is
// saved, so the answer is cached until then (Invalidate, or the Emitter
// wrapper on job:done).
type Marks struct {
	svc *Service

	mu      sync.Mutex
	valid   bool
	byBadge map[string][]int64
	byID    map[int64][]string
}

// NewMarks returns an empty cache over svc.
func NewMarks(svc *Service) *Marks { return &Marks{svc: svc} }

// Invalidate drops the cache; the next list recomputes it.
func (m *Marks) Invalidate() {
	m.mu.Lock()
	m.valid = false
	m.mu.Unlock()
}

type invalidating struct {
	m    *Marks
	next Emitter
}

func (e invalidating) Emit(event string, data any) {
	if event == "job:done" {
		e.m.Invalidate()
	}
	e.next.Emit(event, data)
}

// Emitter wraps next so that the end of any job (an import, an analysis)
// drops the cache before the UI hears of it and asks again.
func (m *Marks) Emitter(next Emitter) Emitter { return invalidating{m: m, next: next} }

func (m *Marks) load(ctx context.Context) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.valid {
		return nil
	}
	byBadge := map[string][]int64{BadgeDuplicate: {}, BadgeNear: {}, BadgeRepeat: {}, BadgeStory: {}}
	byID := map[int64][]string{}
	add := func(badge string, id int64) {
		byBadge[badge] = append(byBadge[badge], id)
		byID[id] = append(byID[id], badge)
	}
	groups, err := m.svc.duplicateClusters(ctx, -1)
	if err != nil {
		return err
	}
	for _, g := range groups {
		badge := BadgeNear
		if g.Kind == "exact" {
			badge = BadgeDuplicate
		}
		for _, id := range g.Articles {
			add(badge, id)
		}
	}
	// Only who has repeats and who is in a story: reading the passages and
	// the stories themselves took seconds at a million articles.
	repeated, story, err := m.svc.db.FindingIDs(ctx)
	if err != nil {
		return err
	}
	for _, id := range repeated {
		add(BadgeRepeat, id)
	}
	for _, id := range story {
		add(BadgeStory, id)
	}
	m.byBadge, m.byID, m.valid = byBadge, byID, true
	return nil
}

// ArticleRow is an article in the library with its badges.
type ArticleRow struct {
	core.Article
	Badges []string `json:"badges,omitempty"`
}

// ListPage is one page of the library.
type ListPage struct {
	Total    int          `json:"total"`
	Articles []ArticleRow `json:"articles"`
}

// List returns one page of the library with badges, keeping only the
// articles with r.Badge when it is set.
func (m *Marks) List(ctx context.Context, r ListRequest) (*ListPage, error) {
	q, err := r.Query()
	if err != nil {
		return nil, err
	}
	if err := m.load(ctx); err != nil {
		return nil, err
	}
	m.mu.Lock()
	byID := m.byID
	if r.Badge != "" {
		ids, ok := m.byBadge[r.Badge]
		if !ok {
			m.mu.Unlock()
			return nil, core.Errorf(core.EINVALID, "unknown badge %q (use duplicate, near_duplicate, repeat or story)", r.Badge)
		}
		q.IDs = append([]int64{}, ids...)
	}
	m.mu.Unlock()
	page, err := m.svc.ListArticles(ctx, q)
	if err != nil {
		return nil, err
	}
	out := &ListPage{Total: page.Total, Articles: make([]ArticleRow, len(page.Articles))}
	for i, a := range page.Articles {
		out.Articles[i] = ArticleRow{Article: a, Badges: byID[a.ID]}
	}
	return out, nil
}
