package cli

import (
	"context"
	"flag"
	"fmt"

	"github.com/storydiff/storydiff/version"
)

var versionCommand = &Command{
	Name:    "version",
	Summary: "print StoryDiff's version as reports state it (the release, or the commit, its date and whether it was modified)",
	Flags: func(fs *flag.FlagSet) func(context.Context, *Env, []string) error {
		return func(_ context.Context, env *Env, args []string) error {
			if len(args) != 0 {
				return usagef("unexpected arguments %q", args)
			}
			_, err := fmt.Fprintln(env.Stdout, version.Full())
			return err
		}
	},
}
