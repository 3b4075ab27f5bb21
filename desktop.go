package main

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"os"
	"runtime"
	"testing/fstest"

	"github.com/storydiff/storydiff/app"
	"github.com/storydiff/storydiff/cli"
	"github.com/storydiff/storydiff/httpapi"
	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/options/linux"
)

//go:embed build/appicon.png
var icon []byte

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

// runDesktop opens the archive ($STORYDIFF_DB or the default path) in the
// desktop window. Without the `desktop` build tag wails.Run returns an error
// saying so; the CLI and `serve` never reach this.
func runDesktop() error {
	// GTK panics without a display; say what to do instead.
	if runtime.GOOS == "linux" && os.Getenv("DISPLAY") == "" && os.Getenv("WAYLAND_DISPLAY") == "" {
		return fmt.Errorf("no display to open the window on (DISPLAY and WAYLAND_DISPLAY are unset): " +
			"run it in a desktop session, or use `storydiff serve` and a browser, or `storydiff help`")
	}
	ctx := context.Background()
	svc, err := app.Open(ctx, "")
	if err != nil {
		return fmt.Errorf("open the archive: %w", err)
	}
	defer svc.Close()
	ui, _ := frontendFS()
	bindings, startup := app.NewBindings(svc)
	return wails.Run(&options.App{
		Title:            "StoryDiff",
		Width:            1200,
		Height:           800,
		MinWidth:         720,
		MinHeight:        480,
		AssetServer:      &assetserver.Options{Assets: ui},
		OnStartup:        startup,
		Bind:             []any{bindings},
		ErrorFormatter:   app.FormatBindingError,
		BackgroundColour: &options.RGBA{R: 255, G: 255, B: 255, A: 255},
		Linux:            &linux.Options{Icon: icon, ProgramName: "storydiff"},
	})
}
