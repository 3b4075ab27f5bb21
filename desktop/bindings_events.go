package desktop

import (
	"github.com/storydiff/storydiff/app"
	"github.com/storydiff/storydiff/core"
)

// Events lists limit events from offset (limit 0: all), the largest first,
// those whose label or titles contain q.
func (b *Bindings) Events(q string, offset, limit int) ([]core.Event, error) {
	return b.ui.Events(b.context(), q, app.Page{Offset: offset, Limit: limit})
}

// Event returns one event; a retired id leads to the event it became.
func (b *Bindings) Event(id int64) (*core.Event, error) {
	return b.ui.Event(b.context(), id)
}

// EventOf returns the event an article belongs to, or null.
func (b *Bindings) EventOf(ref string) (*core.Event, error) {
	return b.ui.EventOf(b.context(), ref)
}

// Threads lists limit threads from offset (limit 0: all), the largest
// first, those whose label contains q.
func (b *Bindings) Threads(q string, offset, limit int) ([]core.Thread, error) {
	return b.ui.Threads(b.context(), q, app.Page{Offset: offset, Limit: limit})
}

// Thread returns one thread with its events.
func (b *Bindings) Thread(id int64) (*core.ThreadView, error) {
	return b.ui.Thread(b.context(), id)
}

// Explain scores two articles as one event, with the evidence.
func (b *Bindings) Explain(a, bref string) (*core.Explanation, error) {
	return b.ui.Explain(b.context(), a, bref)
}

// Related lists the articles closest to ref (limit 0: the default number).
func (b *Bindings) Related(ref string, limit int) ([]core.Explanation, error) {
	return b.ui.Related(b.context(), ref, limit)
}

// Correct applies a correction of events and returns the events it touched.
func (b *Bindings) Correct(c core.Correction) ([]core.Event, error) {
	return b.ui.Correct(b.context(), c)
}

// Corrections lists every correction, oldest first.
func (b *Bindings) Corrections() ([]core.Correction, error) {
	return b.ui.Corrections(b.context())
}
