// Package version says which build of StoryDiff is running, from the
// module information Go stamps into every binary (runtime/debug), so that
// reports and `storydiff version` name the code that made them without a
// release step having to set anything.
package version

import (
	"regexp"
	"runtime/debug"
	"strings"
	"sync"
	"time"
)

// Override replaces what the build information says, for release builds
// (-ldflags "-X github.com/storydiff/storydiff/version.Override=v1.2.3")
// and for tests whose output must not depend on the checkout.
var Override = ""

// String is the version: a release tag ("v1.2.3"), or for a build from a
// checkout without a tag "(devel)" with the commit, its date and whether the
// tree had changes not committed: "(devel) 74dd1ca 2026-11-30, modified".
func String() string {
	if Override != "" {
		return Override
	}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		bi = nil
	}
	return describe(bi)
}

// Full is the tool's name and version, as reports and `storydiff version`
// print it.
func Full() string { return "StoryDiff " + String() }

// pseudo matches a pseudo-version's date and commit (v0.0.0-20261130215825-
// 74dd1ca40539, v1.2.4-0.20261130215825-74dd1ca40539): Go's name for a
// commit no tag names, which reads best as the commit itself.
// Compiled at first use: every command links this package, few print the
// version.
var pseudo = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`[-.](\d{14})-([0-9a-f]{12})(\+.*)?$`)
})

func describe(bi *debug.BuildInfo) string {
	if bi == nil {
		return "(devel)"
	}
	var rev, when string
	modified := false
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			if t, err := time.Parse(time.RFC3339, s.Value); err == nil {
				when = t.UTC().Format("2006-01-02")
			}
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	v := bi.Main.Version
	if strings.HasSuffix(v, "+dirty") {
		v, modified = strings.TrimSuffix(v, "+dirty"), true
	}
	suffix := ""
	if modified {
		// Built from a tree with changes not committed: the commit alone
		// would claim more than it knows.
		suffix = ", modified"
	}
	if m := pseudo().FindStringSubmatch(v); m != nil {
		if rev == "" {
			rev = m[2]
		}
		if when == "" {
			if t, err := time.Parse("20060102150405", m[1]); err == nil {
				when = t.Format("2006-01-02")
			}
		}
		v = ""
	}
	if v != "" && v != "(devel)" {
		return v + suffix
	}
	out := "(devel)"
	if len(rev) > 7 {
		rev = rev[:7]
	}
	for _, part := range []string{rev, when} {
		if part != "" {
			out += " " + part
		}
	}
	return out + suffix
}
