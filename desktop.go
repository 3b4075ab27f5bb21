//go:build desktop

package main

import (
	_ "embed"

	"github.com/storydiff/storydiff/desktop"
)

//go:embed build/appicon.png
var icon []byte

// runDesktop opens the desktop window. Only this file, built with the
// desktop tag, imports the desktop package and through it Wails.
func runDesktop() error {
	ui, _ := frontendFS()
	return desktop.Run(desktop.Options{UI: ui, Icon: icon})
}
