package app

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/storydiff/storydiff/core"
	"github.com/storydiff/storydiff/ingest"
	"github.com/storydiff/storydiff/store"
	"github.com/storydiff/storydiff/textnorm"
)

// ImportOptions tune an import.
type ImportOptions struct {
	// MaxSize is the largest file read, in bytes (0: ingest.DefaultMaxSize).
	MaxSize int64 `json:"max_size"`
	// Workers is the number of files parsed at once (0: one per CPU).
	Workers int `json:"workers"`
	// NoAnalyze skips the analysis that otherwise follows the import.
	NoAnalyze bool `json:"no_analyze"`
	// BatchSize is the number of articles stored per transaction (0: 256).
	// A batch is stored whole or not at all, so a killed import never leaves
	// half an article behind.
	BatchSize int `json:"batch_size"`
	// FollowLinks follows symbolic links that lead outside the paths given
	// (see ingest.Options.FollowLinks).
	FollowLinks bool `json:"follow_links,omitempty"`
	// Fields maps roles to the names a collection gives its fields in JSON,
	// JSONL, CSV and TSV records, ROLE=FIELD ("date=pubdate"; see
	// ingest.ParseFieldMapping).
	Fields []string `json:"fields,omitempty"`
	// DateFormat reads date fields written in a layout the built-in ones
	// miss: Go's reference-time form, or strftime's when it holds "%"
	// (see ingest.ParseDateLayout).
	DateFormat string `json:"date_format,omitempty"`
	// Outlet names the outlet of every article imported, over what the
	// articles say.
	Outlet string `json:"outlet,omitempty"`
	// OutletFrom "folder" names each article's outlet after the first
	// folder under the path given (for a file directly in it, that
	// path's own name), over what the articles say.
	OutletFrom string `json:"outlet_from,omitempty"`
}

// OutletFromFolder is the one rule ImportOptions.OutletFrom knows.
const OutletFromFolder = "folder"

// parseOptions checks the options that say how to read records and turns
// them into ingest's.
func (o ImportOptions) parseOptions() (ingest.ParseOptions, error) {
	var popt ingest.ParseOptions
	var err error
	if popt.Fields, err = ingest.ParseFieldMapping(o.Fields); err != nil {
		return popt, err
	}
	if o.DateFormat != "" {
		if popt.DateLayout, err = ingest.ParseDateLayout(o.DateFormat); err != nil {
			return popt, core.Errorf(core.EINVALID, "%s", err.Error())
		}
	}
	if o.OutletFrom != "" && o.OutletFrom != OutletFromFolder {
		return popt, core.Errorf(core.EINVALID, "cannot take outlets from %q (only from the folder: --outlet-from folder)", o.OutletFrom)
	}
	if o.OutletFrom != "" && strings.TrimSpace(o.Outlet) != "" {
		return popt, core.Errorf(core.EINVALID, "give either an outlet name or a rule to take it from, not both")
	}
	return popt, nil
}

// ImportSummary is what an import did. Counts of added and already present
// articles are per article: a JSONL file holds several.
type ImportSummary struct {
	ImportID       int64  `json:"import_id"`
	Status         string `json:"status"` // done, canceled, failed
	FilesSeen      int    `json:"files_seen"`
	Added          int    `json:"added"`
	AlreadyPresent int    `json:"already_present"`
	// NoBody counts the articles added from a title alone.
	NoBody int `json:"no_body"`
	// Dates counts the articles added by how sure their date is: exact,
	// text, inferred, or undated.
	Dates map[string]int `json:"dates"`
	// Failed lists every file or record that could not be read, and
	// FailedByReason counts them by reason with a few examples.
	Failed         []core.FileError   `json:"failed"`
	FailedByReason []core.ReasonCount `json:"failed_by_reason"`
	// Notes are about articles that were stored: a date field whose value
	// could not be read (the article is undated), by reason in
	// NotesByReason.
	Notes         []core.FileError   `json:"notes"`
	NotesByReason []core.ReasonCount `json:"notes_by_reason"`
	// Skipped lists files that are not article files (other extensions),
	// so that nothing under the given folders disappears unexplained.
	Skipped  []core.FileError `json:"skipped"`
	Articles []int64          `json:"articles"`
	Seconds  float64          `json:"seconds"`
	// Analysis is what the analysis that follows an import found.
	Analysis *AnalyzeSummary `json:"analysis,omitempty"`
}

// parsed is one file being read: its articles come on chunks, a few at a
// time, so that a file of a million records is stored in batches as it is
// read, never held whole; errs and unchanged are set before chunks closes.
type parsed struct {
	path      string
	weight    int64 // of the read-ahead budget, given back once consumed
	chunks    chan []store.NewArticle
	unchanged bool // the archive already holds this path with this size and time
	errs      []core.FileError
}

// Chunks and batches are bounded by count and by bytes: a batch is one
// transaction, and its articles (text and original bytes) are in memory
// until it commits.
const (
	chunkArticles = 64
	chunkBytes    = 4 << 20
	batchBytes    = 16 << 20
)

// Import reads every article file under paths into the archive. Files that
// fail are reported in the summary and never stop the import. On cancel, what
// was stored stays stored and consistent; running the import again completes it.
func (s *Service) Import(ctx context.Context, paths []string, opt ImportOptions, progress core.ProgressFunc) (*ImportSummary, error) {
	start := time.Now()
	if len(paths) == 0 {
		return nil, core.Errorf(core.EINVALID, "no folder or file to import")
	}
	// Refuse before listing, which can take minutes on a large folder.
	if err := s.db.CheckWritable(); err != nil {
		return nil, err
	}
	// Writing into damaged pages can spread the damage: refuse, nothing
	// written, and say what to do.
	if err := s.db.CheckBeforeWrite(ctx); err != nil {
		return nil, err
	}
	roots := make([]string, len(paths))
	for i, p := range paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			return nil, core.Errorf(core.EINVALID, "cannot resolve path %q", p)
		}
		roots[i] = abs
	}
	if opt.Workers <= 0 {
		opt.Workers = runtime.NumCPU()
	}
	if opt.BatchSize <= 0 {
		opt.BatchSize = 256
	}
	popt, err := opt.parseOptions()
	if err != nil {
		return nil, err
	}
	iopt := ingest.Options{MaxSize: opt.MaxSize, FollowLinks: opt.FollowLinks, Parse: popt}
	report := throttle(progress)

	// List first: the total makes progress and ETA meaningful, and listing
	// costs little next to reading and indexing.
	var entries []ingest.Entry
	sum := &ImportSummary{Status: "done", Failed: []core.FileError{}, Skipped: []core.FileError{}, Articles: []int64{},
		Notes: []core.FileError{}, Dates: map[string]int{}}
	report(core.Progress{Stage: "listing"}, false)
	err = ingest.Walk(ctx, roots, iopt, func(e ingest.Entry) error {
		if e.Skipped {
			sum.Skipped = append(sum.Skipped, fileError(e.Path, e.Err))
			return nil
		}
		if e.Err != nil {
			sum.FilesSeen++
			sum.Failed = append(sum.Failed, fileError(e.Path, e.Err))
			return nil
		}
		entries = append(entries, e)
		return nil
	})
	if err != nil && ctx.Err() == nil {
		return nil, err
	}

	importID, err := s.db.BeginImport(context.WithoutCancel(ctx), roots, opt)
	if err != nil {
		return nil, err
	}
	// Room to record the run as failed if a commit fills the disk.
	release := s.db.HoldReserve()
	defer release()
	finish := func(status string) (*ImportSummary, error) {
		sum.Status = status
		sum.ImportID = importID
		sum.Seconds = time.Since(start).Seconds()
		sum.FailedByReason = core.ByReason(sum.Failed, reasonExamples)
		sum.NotesByReason = core.ByReason(sum.Notes, reasonExamples)
		if err := s.db.FinishImport(importID, status, sum.FilesSeen, sum.Added, sum.AlreadyPresent, sum.Failed, sum.Notes); err != nil {
			return sum, err
		}
		return sum, nil
	}
	if ctx.Err() != nil {
		return finish("canceled")
	}

	total := len(entries) + sum.FilesSeen
	results, parsedDone := s.parseAll(ctx, entries, iopt, opt.Workers, outletRule(opt, roots), s.unseenRoots(ctx, roots))

	var batch []store.NewArticle
	var batchSize int
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		res, err := s.db.AddArticles(ctx, importID, batch)
		if err != nil {
			return err
		}
		for i, r := range res {
			if r.Added {
				sum.Added++
				sum.Articles = append(sum.Articles, r.ID)
				sum.countMetadata(batch[i].Doc)
			} else {
				sum.AlreadyPresent++
			}
		}
		clear(batch) // let the stored articles go before the next fill
		batch, batchSize = batch[:0], 0
		return nil
	}
	lastFlush := time.Now()
	for p := range results {
		for chunk := range p.chunks {
			for _, a := range chunk {
				batch = append(batch, a)
				batchSize += len(a.Doc.Text) + len(a.Doc.Original)
			}
			// Flush by count, by size and by time, also inside one file,
			// so that a slow import or a file of a million records still
			// commits steadily and a kill loses little.
			if len(batch) >= opt.BatchSize || batchSize >= batchBytes || time.Since(lastFlush) > time.Second {
				if err := flush(); err != nil {
					drain(results, p, parsedDone)
					return s.abortImport(ctx, sum, finish, release, err)
				}
				lastFlush = time.Now()
			}
		}
		parsedDone(p)
		sum.FilesSeen++
		sum.Failed = append(sum.Failed, p.errs...)
		if p.unchanged {
			sum.AlreadyPresent++
		}
		report(core.Progress{Stage: "importing", Done: sum.FilesSeen, Total: total}, false)
	}
	if ctx.Err() != nil {
		return finish("canceled")
	}
	if err := flush(); err != nil {
		return s.abortImport(ctx, sum, finish, release, err)
	}
	report(core.Progress{Stage: "importing", Done: sum.FilesSeen, Total: total}, true)
	if _, err := finish("done"); err != nil {
		return sum, err
	}
	release()
	if opt.NoAnalyze {
		return sum, nil
	}
	// New articles are compared with the archive at once: incrementally, so
	// this costs little next to the import.
	a, err := s.Analyze(ctx, AnalyzeOptions{}, progress)
	if errors.Is(err, context.Canceled) {
		// The articles are stored; the next analysis picks them up.
		return sum, nil
	}
	if err != nil {
		return sum, fmt.Errorf("analysis after import: %w", err)
	}
	sum.Analysis = a
	return sum, nil
}

func (s *Service) abortImport(ctx context.Context, sum *ImportSummary, finish func(string) (*ImportSummary, error), release func(), err error) (*ImportSummary, error) {
	if ctx.Err() != nil || errors.Is(err, context.Canceled) {
		return finish("canceled")
	}
	if core.ErrorCode(err) == core.EFULL {
		release()
		// Batches are stored whole, so the count is exact, and running the
		// same import again adds only what is missing.
		err = core.Errorf(core.EFULL, "the disk holding %s is full: %d articles were stored before it filled; free space and run the same import again",
			s.db.Path, sum.Added)
	}
	if _, ferr := finish("failed"); ferr != nil {
		err = errors.Join(err, ferr)
	}
	return sum, fmt.Errorf("import stopped: %w", err)
}

// Read-ahead: files parsed before the one being stored, so that the parsers
// keep working while the single writer commits a batch (with only a couple
// of files ahead they waited for every commit, and an import of small
// files took about the sum of parsing and storing, not the larger of the
// two). Bounded by count and by the files' sizes.
const (
	readAheadFiles = 512
	readAheadBytes = 16 << 20
)

// readAhead is the budget of file bytes dispatched and not yet consumed.
type readAhead struct {
	mu   sync.Mutex
	cond *sync.Cond
	used int64
}

// acquire waits until w more bytes fit (a file larger than the whole budget
// goes alone), or ctx ends.
func (r *readAhead) acquire(ctx context.Context, w int64) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	for r.used > 0 && r.used+w > readAheadBytes && ctx.Err() == nil {
		r.cond.Wait()
	}
	if ctx.Err() != nil {
		return false
	}
	r.used += w
	return true
}

func (r *readAhead) release(w int64) {
	r.mu.Lock()
	r.used -= w
	r.mu.Unlock()
	r.cond.Broadcast()
}

// parseAll reads and parses entries on several goroutines and delivers them
// in walk order, so that the same folder always gets the same ids. Each file
// comes as soon as it is dispatched, its articles following on its chunks:
// workers block when the consumer is behind on a file of several chunks,
// and files are dispatched ahead only within the read-ahead budget, which
// bounds memory by that budget and the workers' chunks rather than by the
// files' sizes. Files are handed to workers in the order they are
// delivered, so the file the consumer waits for is always being read. The
// consumer calls done(p) when it has taken p's chunks.
func (s *Service) parseAll(ctx context.Context, entries []ingest.Entry, iopt ingest.Options, workers int, outlet func(string) string, unseen []string) (results <-chan *parsed, done func(*parsed)) {
	out := make(chan *parsed, readAheadFiles)
	budget := &readAhead{}
	budget.cond = sync.NewCond(&budget.mu)
	stop := context.AfterFunc(ctx, func() {
		budget.mu.Lock()
		budget.cond.Broadcast()
		budget.mu.Unlock()
	})
	type task struct {
		e ingest.Entry
		p *parsed
	}
	work := make(chan task)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for t := range work {
				s.parseOne(ctx, t.e, t.p, iopt, outlet, unseen)
			}
		}()
	}
	go func() {
		defer close(out)
		defer func() { close(work); wg.Wait(); stop() }()
		for _, e := range entries {
			p := &parsed{path: e.Path, weight: min(max(e.Size, 1), readAheadBytes), chunks: make(chan []store.NewArticle, 1)}
			if !budget.acquire(ctx, p.weight) {
				return
			}
			select {
			case out <- p:
			case <-ctx.Done():
				return
			}
			select {
			case work <- task{e, p}:
			case <-ctx.Done():
				close(p.chunks)
				return
			}
		}
	}()
	return out, func(p *parsed) { budget.release(p.weight) }
}

// unseenRoots returns the roots under which the archive holds no location:
// a first import of a folder need not look up each of its files.
func (s *Service) unseenRoots(ctx context.Context, roots []string) []string {
	var out []string
	for _, r := range roots {
		if has, err := s.db.HasLocationUnder(ctx, r); err == nil && !has {
			out = append(out, r)
		}
	}
	return out
}

func underAny(path string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(path, p) {
			return true
		}
	}
	return false
}

// drain reads what is left of an import stopped early, so that its workers
// end: the current file's chunks and every file delivered after it.
func drain(results <-chan *parsed, current *parsed, done func(*parsed)) {
	go func() {
		for range current.chunks {
		}
		done(current)
		for p := range results {
			for range p.chunks {
			}
			done(p)
		}
	}()
}

// parseOne reads one file into p's chunks and closes them.
func (s *Service) parseOne(ctx context.Context, e ingest.Entry, p *parsed, iopt ingest.Options, outlet func(string) string, unseen []string) {
	defer close(p.chunks)
	if !underAny(e.Path, unseen) {
		if ok, err := s.db.HasLocation(ctx, e.Path, e.Size, e.ModTime); err == nil && ok {
			p.unchanged = true
			return
		}
	}
	var chunk []store.NewArticle
	size := 0
	send := func() error {
		select {
		case p.chunks <- chunk:
		case <-ctx.Done():
			return &core.Error{Code: core.ECANCELED, Op: "import", Message: "canceled", Err: ctx.Err()}
		}
		chunk, size = nil, 0
		return nil
	}
	err := ingest.ReadEach(ctx, e.Path, iopt, func(d core.Document) error {
		if outlet != nil {
			d.Outlet = outlet(e.Path)
		}
		a := prepare(d, e)
		chunk = append(chunk, a)
		size += len(d.Text) + len(d.Original)
		if len(chunk) >= chunkArticles || size >= chunkBytes {
			return send()
		}
		return nil
	})
	if len(chunk) > 0 && ctx.Err() == nil {
		_ = send()
	}
	if err == nil || core.ErrorCode(err) == core.ECANCELED {
		return
	}
	var rerrs *ingest.RecordErrors
	if errors.As(err, &rerrs) {
		for _, r := range rerrs.Errs {
			p.errs = append(p.errs, fileError(fmt.Sprintf("%s#%d", e.Path, r.Record), r.Err))
		}
	} else {
		p.errs = append(p.errs, fileError(e.Path, err))
	}
}

// prepare computes what the archive stores beside a document: hashes, the
// word count and the line blocks (analysis refines their kinds later).
func prepare(d core.Document, e ingest.Entry) store.NewArticle {
	sum := sha256.Sum256(d.Original)
	// Streamed into the hash: the normalised text is not kept, and a whole
	// copy of a 35 MB text would cost 70 MB.
	nh := sha256.New()
	_ = textnorm.NormalizeTo(nh, d.Text)
	var norm [sha256.Size]byte
	nh.Sum(norm[:0])
	na := store.NewArticle{
		Doc:      d,
		SHA256:   hex.EncodeToString(sum[:]),
		TextHash: hex.EncodeToString(norm[:]),
		Words:    textnorm.CountWords(d.Text),
		Size:     e.Size,
		ModTime:  e.ModTime,
	}
	na.Blocks = blocksOf(d.Text, d.Title)
	return na
}

// throttle wraps a progress callback so that it fires at most every 100 ms,
// plus once when forced (the final state).
func throttle(f core.ProgressFunc) func(core.Progress, bool) {
	if f == nil {
		return func(core.Progress, bool) {}
	}
	var last time.Time
	return func(p core.Progress, force bool) {
		if !force && time.Since(last) < 100*time.Millisecond {
			return
		}
		last = time.Now()
		f(p)
	}
}
