package app

import (
	"context"

	"github.com/storydiff/storydiff/core"
)

// Events lists one page of events, the largest first, those matching q.
func (u *UI) Events(ctx context.Context, q string, pg Page) ([]core.Event, error) {
	return orEmpty(u.service().Events(ctx, q, pg))
}

// Event returns one event, following a retired id.
func (u *UI) Event(ctx context.Context, id int64) (*core.Event, error) {
	return u.service().Event(ctx, id)
}

// EventOf returns the event an article belongs to, or nil.
func (u *UI) EventOf(ctx context.Context, ref string) (*core.Event, error) {
	return u.service().EventOf(ctx, ref)
}

// Threads lists one page of threads, the largest first, those matching q.
func (u *UI) Threads(ctx context.Context, q string, pg Page) ([]core.Thread, error) {
	return orEmpty(u.service().Threads(ctx, q, pg))
}

// Thread returns one thread with its events, following a retired id.
func (u *UI) Thread(ctx context.Context, id int64) (*core.ThreadView, error) {
	return u.service().Thread(ctx, id)
}

// Explain scores two articles as one event, with the evidence.
func (u *UI) Explain(ctx context.Context, a, b string) (*core.Explanation, error) {
	return u.service().Explain(ctx, a, b)
}

// Related lists the articles closest to ref, each with its explanation (a
// zero limit: the default).
func (u *UI) Related(ctx context.Context, ref string, limit int) ([]core.Explanation, error) {
	return orEmpty(u.service().Related(ctx, ref, limit))
}

// Correct applies a correction of events. Which articles are in an event of
// two or more may change with it, and so may the story badges.
func (u *UI) Correct(ctx context.Context, c core.Correction) ([]core.Event, error) {
	defer u.badgeCache().Invalidate()
	return orEmpty(u.service().Correct(ctx, c))
}

// Corrections lists every correction, oldest first.
func (u *UI) Corrections(ctx context.Context) ([]core.Correction, error) {
	return orEmpty(u.service().Corrections(ctx))
}
