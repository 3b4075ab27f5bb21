// Package cli is StoryDiff's command-line interface: one type per command,
// each with its own flag set, all calling the app service.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/storydiff/storydiff/app"
	"github.com/storydiff/storydiff/core"
	"golang.org/x/term"
)

// Env is what a command runs with.
type Env struct {
	Stdout io.Writer
	Stderr io.Writer
	// DBPath is the archive given by --db ("" for the default).
	DBPath string
	// StderrIsTerminal says whether progress bars may be drawn.
	StderrIsTerminal bool
	// StdoutIsTerminal says whether colours may be used.
	StdoutIsTerminal bool
	// OpenWindow opens the desktop window on the archive at dbPath ("" for
	// the default), showing route ("" for the library; else a deep link
	// such as #/story/12), and returns when it is closed: what `storydiff`
	// and `storydiff --db PATH [--open ROUTE]` do with no command. Nil prints
	// the help instead.
	OpenWindow func(dbPath, route string) error
}

// Open opens the archive the command works on.
func (e *Env) Open(ctx context.Context) (*app.Service, error) {
	if fi, err := os.Stat(e.DBPath); e.DBPath != "" && err == nil && fi.IsDir() {
		return nil, core.Errorf(core.EINVALID, "%s is a directory; --db takes an archive file, such as %s",
			e.DBPath, filepath.Join(e.DBPath, "archive.db"))
	}
	var once sync.Once
	ctx = app.WithUpdateNotice(ctx, func(path string, from, to int) {
		once.Do(func() {
			fmt.Fprintf(e.Stderr, "Updating %s to this version's archive format (%d to %d); on a large archive this takes a minute or so.\n",
				path, from, to)
		})
	})
	return app.Open(ctx, e.DBPath)
}

// Command is one `storydiff <name>` command.
type Command struct {
	Name    string
	Args    string // shown in usage, e.g. "[--json] PATH..."
	Summary string
	// Flags declares the command's flags on fs and returns the function that
	// runs it with the remaining arguments.
	Flags func(fs *flag.FlagSet) func(ctx context.Context, env *Env, args []string) error
}

// commands is every command, in the order usage lists them.
var commands = []*Command{
	importCommand,
	listCommand,
	showCommand,
	searchCommand,
	importsCommand,
	analyzeCommand,
	dupesCommand,
	repeatsCommand,
	storiesCommand,
	threadsCommand,
	explainCommand,
	relatedCommand,
	passagesCommand,
	quotesCommand,
	diffCommand,
	alignCommand,
	judgeCommand,
	correctionsCommand,
	keepCommand,
	editCommand,
	tagCommand,
	tagsCommand,
	noteCommand,
	backupCommand,
	checkCommand,
	searchIndexCommand,
	reportCommand,
	versionCommand,
}

// Register adds a command; packages built beside cli (such as the serve
// command) call it from their init.
func Register(c *Command) { commands = append(commands, c) }

// UsageError is a mistake in how a command was called: exit code 2.
type UsageError struct{ Message string }

func (e *UsageError) Error() string { return e.Message }

func usagef(format string, args ...any) error {
	return &UsageError{Message: fmt.Sprintf(format, args...)}
}

// Main runs the command line args (without the program name) and returns the
// exit code: 0 ok, 1 error, 2 usage.
func Main(ctx context.Context, args []string, env *Env) int {
	global := flag.NewFlagSet("storydiff", flag.ContinueOnError)
	global.SetOutput(io.Discard)
	global.StringVar(&env.DBPath, "db", "", "archive file (default $STORYDIFF_DB or $XDG_DATA_HOME/storydiff/archive.db)")
	// Not listed in the usage: a CPU profile of one command, for benchmarks.
	cpuProfile := global.String("cpuprofile", "", "write a CPU profile of the command to this file")
	memProfile := global.String("memprofile", "", "write a heap profile of the command to this file when it ends")
	route := global.String("open", "", "with no command: open the window on this view, e.g. '#/story/12'")
	help := global.Bool("help", false, "show help")
	global.BoolVar(help, "h", false, "show help")
	if err := global.Parse(args); err != nil {
		fmt.Fprintf(env.Stderr, "storydiff: %v\n", err)
		printUsage(env.Stderr)
		return 2
	}
	rest := global.Args()
	if !*help && len(rest) == 0 && env.OpenWindow != nil {
		if fi, err := os.Stat(env.DBPath); env.DBPath != "" && err == nil && fi.IsDir() {
			fmt.Fprintf(env.Stderr, "storydiff: %s is a directory; --db takes an archive file, such as %s\n",
				termField(env.DBPath), termField(filepath.Join(env.DBPath, "archive.db")))
			return 2
		}
		if !validRoute(*route) {
			fmt.Fprintf(env.Stderr, "storydiff: --open %s: a view is a deep link of the app, such as #/story/12, #/thread/3 or #/overview\n", termField(*route))
			return 2
		}
		if err := env.OpenWindow(env.DBPath, *route); err != nil {
			fmt.Fprintf(env.Stderr, "storydiff: %s\n", oneLine(err.Error()))
			return 1
		}
		return 0
	}
	if *help || len(rest) == 0 || rest[0] == "help" {
		if len(rest) > 1 {
			if c := find(rest[1]); c != nil {
				printCommandUsage(env.Stdout, c)
				return 0
			}
		}
		printUsage(env.Stdout)
		return 0
	}
	c := find(rest[0])
	if c == nil {
		fmt.Fprintf(env.Stderr, "storydiff: unknown command %q (run storydiff help)\n", rest[0])
		return 2
	}
	fs := flag.NewFlagSet(c.Name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	run := c.Flags(fs)
	if err := fs.Parse(interleave(fs, rest[1:])); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			printCommandUsage(env.Stdout, c)
			return 0
		}
		fmt.Fprintf(env.Stderr, "storydiff %s: %v\n", c.Name, err)
		printCommandUsage(env.Stderr, c)
		return 2
	}
	if *cpuProfile != "" {
		stop, err := startCPUProfile(*cpuProfile)
		if err != nil {
			fmt.Fprintf(env.Stderr, "storydiff: %v\n", err)
			return 1
		}
		defer stop()
	}
	if *memProfile != "" {
		defer func() {
			if err := writeHeapProfile(*memProfile); err != nil {
				fmt.Fprintf(env.Stderr, "storydiff: %v\n", err)
			}
		}()
	}
	err := run(ctx, env, fs.Args())
	var ue *UsageError
	switch {
	case err == nil:
		return 0
	case errors.Is(err, context.Canceled):
		// Ctrl-C or SIGTERM: what was done is kept, nothing went wrong.
		fmt.Fprintf(env.Stderr, "storydiff %s: canceled\n", c.Name)
		return 1
	case errors.As(err, &ue):
		fmt.Fprintf(env.Stderr, "storydiff %s: %s\n", c.Name, termField(ue.Message))
		printCommandUsage(env.Stderr, c)
		return 2
	case core.ErrorCode(err) == core.EINTERNAL:
		// Not the user's fault: say so, with the detail for a bug report.
		fmt.Fprintf(env.Stderr, "storydiff %s: internal error: %s\n", c.Name, termField(err.Error()))
		return 1
	default:
		fmt.Fprintf(env.Stderr, "storydiff %s: %s\n", c.Name, oneLine(core.ErrorMessage(err)))
		return 1
	}
}

// interleave lets flags follow positional arguments (`search ceasefire
// --json`), as researchers type them, by moving flags to the front.
func interleave(fs *flag.FlagSet, args []string) []string {
	var flags, pos []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			pos = append(pos, args[i+1:]...)
			break
		}
		if len(a) > 1 && a[0] == '-' {
			flags = append(flags, a)
			name := strings.TrimLeft(a, "-")
			if strings.Contains(name, "=") {
				continue
			}
			if f := fs.Lookup(name); f != nil {
				if bf, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && bf.IsBoolFlag() {
					continue
				}
				if i+1 < len(args) {
					flags = append(flags, args[i+1])
					i++
				}
			}
			continue
		}
		pos = append(pos, a)
	}
	return append(flags, append([]string{"--"}, pos...)...)
}

// oneLine puts a message on one line, safe to print (it may quote a file
// name or an article's title).
func oneLine(s string) string { return strings.Join(strings.Fields(termField(s)), " ") }

func find(name string) *Command {
	for _, c := range commands {
		if c.Name == name {
			return c
		}
	}
	return nil
}

func printUsage(w io.Writer) {
	fmt.Fprint(w, `StoryDiff: an archive of news articles that finds duplicates, repeated passages and versions of a story.

Usage:
  storydiff [--db PATH] [--open VIEW]   open the desktop app (VIEW: a deep link such as '#/thread/3')
  storydiff [--db PATH] COMMAND [ARGS]

Commands:
`)
	for _, c := range commands {
		fmt.Fprintf(w, "  %-11s %s\n", c.Name, c.Summary)
	}
	fmt.Fprint(w, `
The archive is --db PATH, else $STORYDIFF_DB, else $XDG_DATA_HOME/storydiff/archive.db
(~/.local/share/storydiff/archive.db). Run "storydiff help COMMAND" for a command's flags.
`)
}

func printCommandUsage(w io.Writer, c *Command) {
	fmt.Fprintf(w, "Usage: storydiff [--db PATH] %s %s\n  %s\n", c.Name, c.Args, c.Summary)
	fs := flag.NewFlagSet(c.Name, flag.ContinueOnError)
	c.Flags(fs)
	fs.SetOutput(w)
	fs.PrintDefaults()
}

// IsTerminal reports whether f is a terminal.
func IsTerminal(f *os.File) bool { return term.IsTerminal(int(f.Fd())) }

// validRoute accepts "" and the app's deep links: "#/" then letters,
// digits and / - _ . % only, so that the route is passed to the window as
// an address and never as anything else.
func validRoute(r string) bool {
	if r == "" {
		return true
	}
	if !strings.HasPrefix(r, "#/") || len(r) > 512 {
		return false
	}
	for _, c := range r[2:] {
		ok := c == '/' || c == '-' || c == '_' || c == '.' || c == '%' ||
			(c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
		if !ok {
			return false
		}
	}
	return true
}
