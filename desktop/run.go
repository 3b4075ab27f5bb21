package desktop

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"runtime"
	"strconv"

	"github.com/storydiff/storydiff/app"
	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/options/linux"
	wailsruntime "github.com/wailsapp/wails/v2/pkg/runtime"
)

// Options are what the window is built from.
type Options struct {
	// UI is the built frontend (index.html at its root).
	UI fs.FS
	// Icon is the window's icon (PNG).
	Icon []byte
	// DBPath is the archive to open ("" for $STORYDIFF_DB or the default).
	DBPath string
	// Route is the view to open on ("" for the library): a deep link of
	// the app such as #/thread/3, checked by the command line.
	Route string
}

// Run opens the archive (opts.DBPath, else $STORYDIFF_DB or the default) in the desktop
// window and returns when the window is closed. Wails' own code runs only
// in a binary built with the desktop tag; without it wails.Run returns an
// error.
func Run(opts Options) error {
	// GTK panics without a display; say what to do instead.
	if runtime.GOOS == "linux" && os.Getenv("DISPLAY") == "" && os.Getenv("WAYLAND_DISPLAY") == "" {
		return fmt.Errorf("no display to open the window on (DISPLAY and WAYLAND_DISPLAY are unset): " +
			"run it in a desktop session, or use `storydiff serve` and a browser, or `storydiff help`")
	}
	ctx := context.Background()
	svc, err := app.Open(ctx, opts.DBPath)
	if err != nil {
		return fmt.Errorf("open the archive: %w", err)
	}
	defer svc.Close()
	bindings, startup := NewBindings(svc)
	return wails.Run(&options.App{
		Title:       "StoryDiff",
		Width:       1200,
		Height:      800,
		MinWidth:    720,
		MinHeight:   480,
		AssetServer: &assetserver.Options{Assets: opts.UI},
		OnStartup:   startup,
		OnDomReady: func(ctx context.Context) {
			if opts.Route != "" {
				// The route is only #/ and [A-Za-z0-9/_.%-] (cli.validRoute), so
				// quoted it is a plain string literal.
				wailsruntime.WindowExecJS(ctx, "location.hash = "+strconv.Quote(opts.Route))
			}
		},
		Bind:             []any{bindings},
		ErrorFormatter:   FormatError,
		BackgroundColour: &options.RGBA{R: 255, G: 255, B: 255, A: 255},
		Linux:            &linux.Options{Icon: opts.Icon, ProgramName: "storydiff"},
	})
}
