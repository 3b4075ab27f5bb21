package app

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/storydiff/storydiff/core"
)

// The sample archive shows a new user what StoryDiff finds before they have
// imported anything: the five seed articles (one repeats its own headline
// and lede; four report one phone call, one a later call) and a republished
// copy of the first, so that a duplicate, two events, a repeated passage and
// a comparison are there in the first minute. It lives in its own archive
// beside the user's, never in theirs.

var (
	sampleMu       sync.Mutex
	sampleArticles fs.FS
)

// SetSampleArticles sets the articles the sample archive is made of (package
// main embeds testdata/seeds and hands them over: only it can embed them).
func SetSampleArticles(f fs.FS) {
	sampleMu.Lock()
	sampleArticles = f
	sampleMu.Unlock()
}

func sampleFS() fs.FS {
	sampleMu.Lock()
	defer sampleMu.Unlock()
	return sampleArticles
}

// SampleDir is the folder of the sample beside the archive at archivePath:
// the sample archive and the article files it was imported from.
func SampleDir(archivePath string) string {
	return filepath.Join(filepath.Dir(archivePath), "storydiff-sample")
}

// SamplePath is the sample archive's file beside the archive at archivePath.
func SamplePath(archivePath string) string {
	return filepath.Join(SampleDir(archivePath), "sample.db")
}

// SampleArchive says what the sample holds and where to look first.
type SampleArchive struct {
	Path     string `json:"path"`     // the sample archive
	Articles string `json:"articles"` // the folder its articles were imported from
	Count    int    `json:"count"`    // articles in it
	// What to open first: the article that repeats its own passage, an
	// event of several versions and its thread, a duplicate pair.
	Repeated  int64    `json:"repeated"`
	Event     int64    `json:"event"`
	Thread    int64    `json:"thread"`
	Duplicate [2]int64 `json:"duplicate"`
}

// republishedName is the sample's near-duplicate: seed 000 as another site
// would repost it, under its own headline and with a credit line. It is made
// here, not shipped, so the seeds stay as they were collected.
const republishedName = "005_republished_000.txt"

func republished(seed []byte) []byte {
	text := string(bytes.ReplaceAll(seed, []byte("\r\n"), []byte("\n")))
	if i := strings.IndexByte(text, '\n'); i >= 0 {
		text = text[i+1:]
	}
	return []byte("Pentagon chief and Russian counterpart hold first talks since the war began\n" +
		text + "\n\nThis article was republished from a wire report.\n")
}

// writeSampleFiles puts the sample's article files in dir, leaving files
// already there as they are.
func writeSampleFiles(src fs.FS, dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return core.Errorf(core.EINTERNAL, "make the sample folder %s: %v", dir, err)
	}
	names, err := fs.Glob(src, "*.txt")
	if err != nil || len(names) == 0 {
		return core.Errorf(core.EINTERNAL, "this binary holds no sample articles")
	}
	sort.Strings(names)
	files := map[string][]byte{}
	for _, n := range names {
		b, err := fs.ReadFile(src, n)
		if err != nil {
			return core.Errorf(core.EINTERNAL, "read the sample article %s: %v", n, err)
		}
		files[n] = b
	}
	files[republishedName] = republished(files[names[0]])
	for n, b := range files {
		p := filepath.Join(dir, n)
		if _, err := os.Stat(p); err == nil {
			continue
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			return core.Errorf(core.EINTERNAL, "write the sample article %s: %v", p, err)
		}
	}
	return nil
}

// IsSample says whether this archive is a sample archive.
func (s *Service) IsSample() bool {
	return filepath.Base(filepath.Dir(s.DBPath())) == "storydiff-sample" && filepath.Base(s.DBPath()) == "sample.db"
}

// OpenSample opens the sample archive beside this one, making it on first
// use: it writes the sample's article files, imports and analyses them. The
// returned service belongs to s: closing s closes it.
func (s *Service) OpenSample(ctx context.Context) (*Service, *SampleArchive, error) {
	if s.IsSample() {
		return nil, nil, core.Errorf(core.EINVALID, "%s is itself the sample archive", s.DBPath())
	}
	src := sampleFS()
	if src == nil {
		return nil, nil, core.Errorf(core.EINTERNAL, "this binary holds no sample articles")
	}
	s.mu.Lock()
	smp := s.sample
	s.mu.Unlock()
	dir := SampleDir(s.DBPath())
	if smp == nil {
		if err := writeSampleFiles(src, filepath.Join(dir, "articles")); err != nil {
			return nil, nil, err
		}
		var err error
		if smp, err = Open(ctx, SamplePath(s.DBPath())); err != nil {
			return nil, nil, err
		}
		s.mu.Lock()
		if s.sample != nil { // opened meanwhile by another call
			other := s.sample
			s.mu.Unlock()
			smp.Close()
			smp = other
		} else {
			s.sample = smp
			s.mu.Unlock()
		}
	}
	info, err := smp.fillSample(ctx, filepath.Join(dir, "articles"))
	if err != nil {
		return nil, nil, err
	}
	return smp, info, nil
}

// fillSample imports and analyses the sample's articles when the archive
// does not hold them yet, and says where to look.
func (s *Service) fillSample(ctx context.Context, articles string) (*SampleArchive, error) {
	s.sampleMu.Lock()
	defer s.sampleMu.Unlock()
	page, err := s.ListArticles(ctx, core.ListQuery{Limit: 1})
	if err != nil {
		return nil, err
	}
	if page.Total == 0 {
		sum, err := s.Import(ctx, []string{articles}, ImportOptions{}, nil)
		if err != nil {
			return nil, err
		}
		if len(sum.Failed) > 0 {
			return nil, core.Errorf(core.EINTERNAL, "import the sample article %s: %s", sum.Failed[0].Path, sum.Failed[0].Error)
		}
	}
	return s.sampleGuide(ctx, articles)
}

// sampleGuide finds, in the analysed sample, what the first minute shows.
func (s *Service) sampleGuide(ctx context.Context, articles string) (*SampleArchive, error) {
	info := &SampleArchive{Path: s.DBPath(), Articles: articles}
	page, err := s.ListArticles(ctx, core.ListQuery{Limit: 1})
	if err != nil {
		return nil, err
	}
	info.Count = page.Total
	if ids, err := s.db.RepeatedIDs(ctx); err != nil {
		return nil, err
	} else if len(ids) > 0 {
		info.Repeated = ids[0]
	}
	events, err := s.Events(ctx, "", Page{Limit: 1})
	if err != nil {
		return nil, err
	}
	if len(events) > 0 {
		info.Event, info.Thread = events[0].ID, events[0].Thread
	}
	groups, err := s.DuplicateGroups(ctx, -1)
	if err != nil {
		return nil, err
	}
	if len(groups) > 0 && len(groups[0].Articles) >= 2 {
		info.Duplicate = [2]int64{groups[0].Articles[0], groups[0].Articles[1]}
	}
	return info, nil
}
