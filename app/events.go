package app

import (
	"context"

	"github.com/storydiff/storydiff/core"
)

// This file is the service's contract for events and threads. Each method
// answers "not built yet" until the event analysis is wired in behind it.

func notYet(what string) error {
	return core.Errorf(core.EINTERNAL, "%s is not available in this build", what)
}

// Events returns a page of events, the largest first, optionally only those
// whose label or member titles match q.
func (s *Service) Events(ctx context.Context, q string, pg Page) ([]core.Event, error) {
	return nil, notYet("events")
}

// Event returns one event; an id that an event merge retired leads to the
// event it was merged into.
func (s *Service) Event(ctx context.Context, id int64) (*core.Event, error) {
	return nil, notYet("events")
}

// EventOf returns the event an article (ref) belongs to, nil if none.
func (s *Service) EventOf(ctx context.Context, ref string) (*core.Event, error) {
	return nil, notYet("events")
}

// Threads returns a page of threads, the largest first, optionally only
// those whose label matches q.
func (s *Service) Threads(ctx context.Context, q string, pg Page) ([]core.Thread, error) {
	return nil, notYet("threads")
}

// Thread returns one thread with its events (following retired ids).
func (s *Service) Thread(ctx context.Context, id int64) (*core.ThreadView, error) {
	return nil, notYet("threads")
}

// Explain scores two articles (refs) as one event and lists the evidence.
func (s *Service) Explain(ctx context.Context, refA, refB string) (*core.Explanation, error) {
	return nil, notYet("explain")
}

// Related lists the articles closest to ref as one event, best first, each
// with its explanation.
func (s *Service) Related(ctx context.Context, ref string, limit int) ([]core.Explanation, error) {
	return nil, notYet("related")
}

// Correct records a researcher's correction and updates only the events it
// touches; it returns those events as they now are.
func (s *Service) Correct(ctx context.Context, c core.Correction) ([]core.Event, error) {
	return nil, notYet("corrections")
}

// Corrections lists every correction, oldest first.
func (s *Service) Corrections(ctx context.Context) ([]core.Correction, error) {
	return nil, notYet("corrections")
}
