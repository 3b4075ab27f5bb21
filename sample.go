package main

import (
	"embed"
	"io/fs"

	"github.com/storydiff/storydiff/app"
)

// The five seed articles, which the sample archive is made of (storydiff
// demo, and the first run of an empty archive).
//
//go:embed testdata/seeds/*.txt
var seeds embed.FS

func init() {
	sub, err := fs.Sub(seeds, "testdata/seeds")
	if err == nil {
		app.SetSampleArticles(sub)
	}
}
