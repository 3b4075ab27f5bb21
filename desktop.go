//go:build desktop

package main

import (
	_ "embed"

	"github.com/storydiff/storydiff/desktop"
)

//go:embed build/appicon.png
var icon []byte

// runDesktop opens the desktop window on the archive at dbPath ("" for
// $STORYDIFF_DB or the default), showing route ("" for the library). Only
// this file, built with the desktop tag, imports the desktop package and
// through it Wails.
func runDesktop(dbPath, route string) error {
	ui, _ := frontendFS()
	return desktop.Run(desktop.Options{UI: ui, Icon: icon, DBPath: dbPath, Route: route})
}
