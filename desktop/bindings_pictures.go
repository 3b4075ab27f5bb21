package desktop

import "github.com/storydiff/storydiff/app"

// Archive describes the archive the window shows.
func (b *Bindings) Archive() (*app.ArchiveInfo, error) {
	return b.ui.Archive(b.context())
}

// OpenSample makes (on first use) and shows the sample archive beside the
// user's.
func (b *Bindings) OpenSample() (*app.SampleArchive, error) {
	return b.ui.OpenSample(b.context())
}

// LeaveSample goes back to the user's own archive.
func (b *Bindings) LeaveSample() (*app.ArchiveInfo, error) {
	return b.ui.LeaveSample(b.context())
}

// Reuse is the graph of an event's, a thread's or a search's articles and
// what they share, for the timeline and the reuse network.
func (b *Bindings) Reuse(req app.ReuseRequest) (*app.ReuseGraph, error) {
	return b.ui.Reuse(b.context(), req)
}

// Overview summarises the archive for its overview page.
func (b *Bindings) Overview(req app.OverviewRequest) (*app.Overview, error) {
	return b.ui.Overview(b.context(), req)
}
