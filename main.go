// Command storydiff is StoryDiff: with no command (`storydiff`, or
// `storydiff --db PATH`) it opens the desktop app; with a command it runs
// headless (see `storydiff help`).
package main

import (
	"context"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"

	"github.com/storydiff/storydiff/cli"
)

// memoryLimit is the soft limit the garbage collector works to stay under
// (GOMEMLIMIT overrides it): without one, a long analysis holding half a
// gigabyte of live data may grow to twice that before collecting. It is
// soft: a larger live heap is still served, with more frequent collections.
const memoryLimit = 1536 << 20

func main() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
	// Ctrl-C cancels the running command cleanly; a second one kills.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	go func() {
		<-ctx.Done()
		stop()
	}()
	env := &cli.Env{
		Stdout:           os.Stdout,
		Stderr:           os.Stderr,
		StdoutIsTerminal: cli.IsTerminal(os.Stdout),
		StderrIsTerminal: cli.IsTerminal(os.Stderr),
		OpenWindow:       runDesktop,
	}
	os.Exit(cli.Main(ctx, os.Args[1:], env))
}
