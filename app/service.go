// Package app is StoryDiff's application service: the one place where import
// jobs, analysis, queries, comparisons and reports are orchestrated. The
// desktop window, the CLI and the HTTP API all call it.
package app

import (
	"context"
	"sync"

	"github.com/storydiff/storydiff/core"
	"github.com/storydiff/storydiff/store"
)

// Emitter receives events for the UI ("job:progress", "job:done").
type Emitter interface {
	Emit(event string, data any)
}

type nopEmitter struct{}

func (nopEmitter) Emit(string, any) {}

// Service is an open archive and the jobs running on it.
type Service struct {
	db       *store.DB
	analysis analysisState

	mu      sync.Mutex
	emitter Emitter
	jobs    map[string]*job
	nextJob int
	// sample is the sample archive opened beside this one (OpenSample),
	// closed with it.
	sample *Service
	// sampleMu lets one call at a time fill this archive as the sample.
	sampleMu sync.Mutex
	// overviews are the archive overviews made since it last changed.
	overviews overviewCache
	// clusters are the duplicate groups of the last thresholds asked for.
	clusters clusterCache

	variants variantIndex
}

// WithUpdateNotice returns a context under which Open calls notice before it
// brings an older archive's schema up to date (which can take a minute on a
// large archive), with the archive's path and the two schema versions.
func WithUpdateNotice(ctx context.Context, notice func(path string, from, to int)) context.Context {
	return store.WithMigrationNotice(ctx, notice)
}

// Open opens the archive at dbPath ("" for the default path).
func Open(ctx context.Context, dbPath string) (*Service, error) {
	if dbPath == "" {
		p, err := store.DefaultPath()
		if err != nil {
			return nil, err
		}
		dbPath = p
	}
	db, err := store.Open(ctx, dbPath)
	if err != nil {
		return nil, err
	}
	return &Service{db: db, emitter: nopEmitter{}, jobs: map[string]*job{}}, nil
}

// Close cancels running jobs, waits for them and closes the archive.
func (s *Service) Close() error {
	s.mu.Lock()
	var running []*job
	for _, j := range s.jobs {
		j.cancel()
		running = append(running, j)
	}
	sample := s.sample
	s.sample = nil
	s.mu.Unlock()
	for _, j := range running {
		<-j.done
	}
	if sample != nil {
		sample.Close()
	}
	return s.db.Close()
}

// DBPath returns the path of the open archive.
func (s *Service) DBPath() string { return s.db.Path }

// Backup writes a consistent copy of the archive to path (the archive may
// be in use meanwhile).
func (s *Service) Backup(ctx context.Context, path string) error { return s.db.Backup(ctx, path) }

// Check verifies the archive (integrity, foreign keys, full-text index) and
// returns the problems found, none when it is sound.
func (s *Service) Check(ctx context.Context) ([]string, error) { return s.db.Check(ctx) }

// SetEmitter sets where job events go.
func (s *Service) SetEmitter(e Emitter) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if e == nil {
		e = nopEmitter{}
	}
	s.emitter = e
}

func (s *Service) emit(event string, data any) {
	s.mu.Lock()
	e := s.emitter
	s.mu.Unlock()
	e.Emit(event, data)
}

// ArticleDetail is one article with everything known about where it came from.
type ArticleDetail struct {
	core.Article
	Locations []core.FileLocation `json:"locations"`
	Blocks    []core.Block        `json:"blocks"`
	// Estimated is when an undated article was most likely written, if
	// analysis could tell; Published stays nil.
	Estimated *core.DateEstimate `json:"estimated,omitempty"`
}

// ListArticles returns a page of articles.
func (s *Service) ListArticles(ctx context.Context, q core.ListQuery) (*core.Page, error) {
	if q.Limit > 1000 {
		q.Limit = 1000
	}
	return s.db.ListArticles(ctx, q)
}

// Resolve turns a user's reference (an id, a file name or path) into an id.
func (s *Service) Resolve(ctx context.Context, ref string) (int64, error) {
	return s.db.ResolveRef(ctx, ref)
}

// GetArticle returns an article with its text, locations and blocks.
func (s *Service) GetArticle(ctx context.Context, ref string) (*ArticleDetail, error) {
	id, err := s.db.ResolveRef(ctx, ref)
	if err != nil {
		return nil, err
	}
	a, err := s.db.Article(ctx, id)
	if err != nil {
		return nil, err
	}
	d := &ArticleDetail{Article: *a}
	if d.Locations, err = s.db.Locations(ctx, id); err != nil {
		return nil, err
	}
	if d.Blocks, err = s.db.Blocks(ctx, id); err != nil {
		return nil, err
	}
	if d.Blocks == nil {
		d.Blocks = []core.Block{}
	}
	if a.Published == nil {
		est, err := s.estimatesOf(ctx, []int64{id})
		if err != nil {
			return nil, err
		}
		d.Estimated = est[id]
	}
	return d, nil
}

// Search runs a full-text search; each word also finds its spellings the
// archive holds (see Variants), unless opt.Variants is already set.
func (s *Service) Search(ctx context.Context, query string, opt core.SearchOptions) ([]core.SearchHit, error) {
	opt, err := s.searchOptions(ctx, query, opt)
	if err != nil {
		return nil, err
	}
	return s.db.Search(ctx, query, opt)
}

// A search's words are joined with AND, each a scan of the index: 60,000
// of them took 11 s of CPU and 150 MB. A quoted sentence of a few dozen
// words, the longest a researcher looks for, is far below these.
const (
	MaxSearchBytes = 2000
	MaxSearchWords = 64
)

// Facets summarises the archive for filters.
func (s *Service) Facets(ctx context.Context) (*core.Facets, error) {
	return s.db.Facets(ctx)
}

// Imports lists the import runs with their per-file errors.
func (s *Service) Imports(ctx context.Context) ([]core.Import, error) {
	return s.db.Imports(ctx)
}
