//go:build !desktop

package main

import (
	"fmt"
	"strings"
)

// runDesktop says that this binary has no window: built without the desktop
// tag, it links neither Wails nor GTK, and serves the CLI and `serve` only.
// It names the archive asked for, so the way to it in a browser can be
// copied as it is.
func runDesktop(dbPath, _ string) error {
	serve := "storydiff serve"
	if dbPath != "" {
		serve = fmt.Sprintf("storydiff --db %s serve", shellQuote(dbPath))
	}
	return fmt.Errorf("this storydiff was built without the desktop window, so it cannot open %s in one: "+
		"build it with `make build` for a window, or run `%s` and open the address it prints in a browser "+
		"(`storydiff help` lists the commands)", archiveName(dbPath), serve)
}

func archiveName(dbPath string) string {
	if dbPath == "" {
		return "the archive ($STORYDIFF_DB or the default)"
	}
	return "the archive " + dbPath
}

// shellQuote quotes a path for a shell when it needs it.
func shellQuote(s string) string {
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '/' || r == '.' || r == '-' || r == '_') {
			return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
		}
	}
	return s
}
