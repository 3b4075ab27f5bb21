package main

import (
	"embed"
	"io/fs"
	"testing/fstest"

	"github.com/storydiff/storydiff/cli"
	"github.com/storydiff/storydiff/httpapi"
)

// The built frontend. frontend/dist holds a committed .gitkeep (included by
// all:) so that Go builds on a fresh clone before npm has run.
//
//go:embed all:frontend/dist
var assets embed.FS

// frontendFS returns the built UI, or a one-page UI that says how to build
// it, so neither the window nor `serve` comes up blank.
func frontendFS() (fs.FS, bool) {
	sub, err := fs.Sub(assets, "frontend/dist")
	if err == nil && httpapi.HasIndex(sub) {
		return sub, true
	}
	return fstest.MapFS{"index.html": {Data: []byte(httpapi.NotBuiltHTML)}}, false
}

func init() {
	f, ok := frontendFS()
	if ok {
		cli.SetFrontend(f)
	}
}
