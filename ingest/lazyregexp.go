package ingest

import (
	"regexp"
	"sync"
)

// lazyRegexp compiles expr on first use. Every command links this package,
// and most never read a file: compiling its expressions at start made each
// of them slower.
func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}
