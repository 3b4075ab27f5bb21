package cli

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"net"
	"strings"
	"time"

	"github.com/storydiff/storydiff/app"
	"github.com/storydiff/storydiff/core"
	"github.com/storydiff/storydiff/httpapi"
)

// frontendFS is the built UI; package main embeds it and hands it over with
// SetFrontend, since only main can embed frontend/dist.
var frontendFS fs.FS

// SetFrontend sets the UI files `serve` sends to browsers.
func SetFrontend(f fs.FS) { frontendFS = f }

func init() { Register(serveCommand) }

var serveCommand = &Command{
	Name:    "serve",
	Args:    "[--addr HOST:PORT] [--token TOKEN] [--import-root FOLDER]...",
	Summary: "serve the app and its JSON API to a browser",
	Flags: func(fs *flag.FlagSet) func(context.Context, *Env, []string) error {
		addr := fs.String("addr", "127.0.0.1:7788", "address to listen on (port 0 picks a free port)")
		token := fs.String("token", "", "token the API requires (generated when --addr is not loopback)")
		var rootDirs stringList
		fs.Var(&rootDirs, "import-root", "a folder the browser may import article files from (repeatable; none: no imports from the browser)")
		return func(ctx context.Context, env *Env, args []string) error {
			if len(args) > 0 {
				return usagef("serve takes no arguments")
			}
			var roots *app.ImportRoots
			if len(rootDirs) > 0 {
				var err error
				if roots, err = app.NewImportRoots(rootDirs); err != nil {
					return usagef("--import-root: %s", core.ErrorMessage(err))
				}
			}
			host, _, err := net.SplitHostPort(*addr)
			if err != nil {
				return usagef("--addr %q: want HOST:PORT, such as 127.0.0.1:7788", *addr)
			}
			// Anyone on the network could read and change a non-loopback
			// archive, so it never runs without a token.
			if *token == "" && !httpapi.IsLoopbackHost(host) {
				if *token, err = newToken(); err != nil {
					return err
				}
			}
			svc, err := env.Open(ctx)
			if err != nil {
				return err
			}
			defer svc.Close()
			ln, err := net.Listen("tcp", *addr)
			if err != nil {
				return fmt.Errorf("listen on %s: %w", *addr, err)
			}
			limits := httpapi.DefaultLimits
			ln = limits.Listener(ln)
			srv := limits.Server(httpapi.New(svc, httpapi.Options{Token: *token, Frontend: frontendFS, ImportRoots: roots}))
			// Requests (the event stream too) end when serve is stopped.
			srv.BaseContext = func(net.Listener) context.Context { return ctx }
			url := "http://" + ln.Addr().String() + "/"
			if *token != "" {
				url += "?token=" + *token
			}
			if !httpapi.HasIndex(frontendFS) {
				fmt.Fprintln(env.Stderr, "storydiff serve: this binary holds no user interface (run make build); the API works")
			}
			fmt.Fprintf(env.Stdout, "StoryDiff is serving %s on %s\n", svc.DBPath(), url)
			if len(rootDirs) == 0 {
				fmt.Fprintln(env.Stdout, "Imports from the browser are off; --import-root FOLDER allows them from that folder.")
			}
			fmt.Fprintln(env.Stdout, "Press Ctrl-C to stop.")

			errc := make(chan error, 1)
			go func() { errc <- srv.Serve(ln) }()
			select {
			case err := <-errc:
				return fmt.Errorf("serve: %w", err)
			case <-ctx.Done():
			}
			shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			if err := srv.Shutdown(shut); err != nil && !errors.Is(err, context.DeadlineExceeded) {
				return fmt.Errorf("stop serving: %w", err)
			}
			return nil
		}
	},
}

// stringList is a flag that may be given several times.
type stringList []string

func (l *stringList) String() string     { return strings.Join(*l, ", ") }
func (l *stringList) Set(v string) error { *l = append(*l, v); return nil }

func newToken() (string, error) {
	b := make([]byte, 24)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("make a token: %w", err)
	}
	return hex.EncodeToString(b), nil
}
