package app

import (
	"context"
	"os"
	"path/filepath"

	"github.com/storydiff/storydiff/core"
)

// ArchiveInfo says which archive the interface shows, for its header and its
// first run.
type ArchiveInfo struct {
	Path     string `json:"path"`
	Articles int    `json:"articles"`
	// Sample is true while the interface shows the sample archive.
	Sample bool `json:"sample"`
	// Home is the user's own archive (the same as Path unless Sample).
	Home string `json:"home"`
	// SampleReady says that the sample archive already exists beside the
	// user's, so opening it is quick.
	SampleReady bool `json:"sample_ready"`
}

// Archive describes the archive the interface shows now.
func (u *UI) Archive(ctx context.Context) (*ArchiveInfo, error) {
	svc := u.service()
	page, err := svc.ListArticles(ctx, core.ListQuery{Limit: 1})
	if err != nil {
		return nil, err
	}
	info := &ArchiveInfo{Path: svc.DBPath(), Articles: page.Total, Home: u.home.DBPath(), Sample: svc != u.home}
	if !u.home.IsSample() {
		info.SampleReady = fileExists(SamplePath(u.home.DBPath()))
	}
	return info, nil
}

// OpenSample makes (on first use) and shows the sample archive beside the
// user's: their own archive is never written. Every later call reads the
// sample until LeaveSample.
func (u *UI) OpenSample(ctx context.Context) (*SampleArchive, error) {
	smp, info, err := u.home.OpenSample(ctx)
	if err != nil {
		return nil, err
	}
	u.show(smp)
	return info, nil
}

// LeaveSample goes back to the user's own archive.
func (u *UI) LeaveSample(ctx context.Context) (*ArchiveInfo, error) {
	u.show(u.home)
	return u.Archive(ctx)
}

func fileExists(p string) bool {
	_, err := os.Stat(filepath.Clean(p))
	return err == nil
}

// Reuse is the graph the timeline and the reuse network draw: an event's,
// a thread's or a search's articles and what they share.
func (u *UI) Reuse(ctx context.Context, req ReuseRequest) (*ReuseGraph, error) {
	if req.Event < 0 || req.Thread < 0 {
		return nil, core.Errorf(core.EINVALID, "an event or thread id is a positive number")
	}
	if err := (Page{Limit: req.Limit}).Check(); err != nil {
		return nil, err
	}
	return u.service().Reuse(ctx, req)
}

// Overview summarises the archive for its overview page.
func (u *UI) Overview(ctx context.Context, req OverviewRequest) (*Overview, error) {
	return u.service().Overview(ctx, req)
}
