package main

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
)

// Every command pays for every linked package's initialisation before main
// runs, so a table or a set of regular expressions built there makes
// `storydiff list` slow even though it never uses them. Such work belongs
// behind a sync.Once at first use. Allocated bytes are counted rather than
// times, so the check does not depend on how busy the machine is.
//
// The limits sit just above what is left, so that even one table or a
// handful of regular expressions built at start fails: the largest
// initialiser now is golang.org/x/net/html's entity table (0.12 MB); the
// report template was 0.21 MB, go-trafilatura's expressions 0.28 MB,
// go-htmldate's 0.22 MB and go-readability's 0.21 MB before they moved to
// first use, 1.8 MB in all, 92 MB when go-dateparser built its locales here.
const (
	maxInitBytesPerPackage = 160 << 10
	maxInitBytesInAll      = 1 << 20 // about 0.6 MB now
)

// initCosts runs this test binary again with GODEBUG=inittrace=1 and no test
// selected: it links the same packages as storydiff (main imports them all),
// so the trace lists what every storydiff command initialises.
func initCosts(t *testing.T) map[string]int64 {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("running the test binary with GODEBUG=inittrace=1: %v\n%s", err, stderr.String())
	}
	costs := map[string]int64{}
	sc := bufio.NewScanner(&stderr)
	for sc.Scan() {
		// init github.com/x/y @0.52 ms, 0.013 ms clock, 1440 bytes, 20 allocs
		f := strings.Fields(sc.Text())
		if len(f) < 10 || f[0] != "init" || f[8] != "bytes," {
			continue
		}
		n, err := strconv.ParseInt(f[7], 10, 64)
		if err != nil {
			t.Fatalf("cannot read the bytes of %q", sc.Text())
		}
		costs[f[1]] += n
	}
	return costs
}

func TestNoPackageInitAllocatesMuch(t *testing.T) {
	costs := initCosts(t)
	if _, ok := costs["github.com/storydiff/storydiff/store"]; !ok || len(costs) < 50 {
		t.Fatalf("the trace lists %d packages and not the store: this test no longer sees what it checks", len(costs))
	}
	var all int64
	for pkg, n := range costs {
		all += n
		if n > maxInitBytesPerPackage {
			t.Errorf("initialising %s allocates %.2f MB (at most %.2f MB): build its tables on first use (sync.OnceValue; "+
				"for a third-party module, scripts/patch-third-party.sh)",
				pkg, float64(n)/(1<<20), float64(maxInitBytesPerPackage)/(1<<20))
		}
	}
	if all > maxInitBytesInAll {
		t.Errorf("initialising all packages allocates %.2f MB (at most %.2f MB)", float64(all)/(1<<20), float64(maxInitBytesInAll)/(1<<20))
	}
}
