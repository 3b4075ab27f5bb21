//go:build !desktop

package main

import "errors"

// runDesktop says that this binary has no window: built without the desktop
// tag, it links neither Wails nor GTK, and serves the CLI and `serve` only.
func runDesktop() error {
	return errors.New("this storydiff was built without the desktop window (build it with `make build`): " +
		"use `storydiff serve` and a browser, or `storydiff help`")
}
