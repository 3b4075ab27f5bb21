package app_test

import (
	"context"
	"path/filepath"
	"sync"
	"testing"

	"github.com/storydiff/storydiff/app"
	"github.com/storydiff/storydiff/core"
)

// stagesSeen records the stages a job's progress named.
type stagesSeen struct {
	mu   sync.Mutex
	seen map[string]bool
}

func (s *stagesSeen) progress(p core.Progress) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.seen == nil {
		s.seen = map[string]bool{}
	}
	s.seen[p.Stage] = true
}

// Storing articles does not bring the ranking index up to date (that
// would double an import's cost); the analysis that follows does.
func TestRankingIndexIsRefreshedByTheAnalysis(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	corpus := filepath.Join(dir, "corpus")
	writeCorpus(t, corpus, 12)
	svc := openService(t, filepath.Join(dir, "a.db"))
	defer svc.Close()

	var imp stagesSeen
	if _, err := svc.Import(ctx, []string{corpus}, app.ImportOptions{NoAnalyze: true}, imp.progress); err != nil {
		t.Fatal(err)
	}
	if imp.seen["ranking index"] {
		t.Errorf("import --no-analyze refreshed the ranking index (stages %v)", imp.seen)
	}
	var an stagesSeen
	if _, err := svc.Analyze(ctx, app.AnalyzeOptions{}, an.progress); err != nil {
		t.Fatal(err)
	}
	if !an.seen["ranking index"] {
		t.Errorf("the analysis left the ranking index as it was (stages %v)", an.seen)
	}
}
