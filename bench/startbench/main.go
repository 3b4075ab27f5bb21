// Command startbench measures how long a command that reads the archive
// takes as a whole process, start included, beside sqlite3 counting the
// articles of the same archive in the same run, and prints a Markdown section
// for BENCHMARKS.md.
//
// The commands run in rounds, one of each per round, so that a busy moment
// of the shared machine falls on all of them alike; the medians of wall
// time, CPU time and peak memory are reported. Package initialisation is
// read from GODEBUG=inittrace=1 (allocated bytes are exact; its times are
// as noisy as the machine).
//
// Without -db, an archive of -n generated articles is made with the binary
// itself (import and analyze, not timed) in a temporary folder.
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/storydiff/storydiff/bench/corpusgen"
)

type command struct {
	label string
	args  []string
	wall  []time.Duration
	cpu   []time.Duration
	rss   []int64 // KB
}

func main() {
	bin := flag.String("storydiff", "build/bin/storydiff-cli", "storydiff binary")
	db := flag.String("db", "", "archive to read (default: a generated one)")
	n := flag.Int("n", 2000, "articles of the generated archive")
	runs := flag.Int("runs", 20, "rounds")
	flag.Parse()

	sqlite, err := exec.LookPath("sqlite3")
	if err != nil {
		log.Fatal("sqlite3 is needed as the reference (scripts/deps.sh bench installs it)")
	}
	archive := *db
	note := ""
	if archive == "" {
		work, err := os.MkdirTemp("", "storydiff-startbench-")
		if err != nil {
			log.Fatal(err)
		}
		defer os.RemoveAll(work)
		archive = makeArchive(*bin, work, *n)
		note = " (generated, imported and analysed first)"
	}
	articles := strings.TrimSpace(string(output(exec.Command(sqlite, archive, "select count(*) from articles"))))

	cmds := []*command{
		{label: "`sqlite3 ARCHIVE 'select count(*) from articles'`", args: []string{sqlite, archive, "select count(*) from articles"}},
		{label: "`storydiff --db ARCHIVE list --limit 1`", args: []string{*bin, "--db", archive, "list", "--limit", "1"}},
		{label: "`storydiff --db ARCHIVE stories --limit 1`", args: []string{*bin, "--db", archive, "stories", "--limit", "1"}},
		{label: "`storydiff help` (no archive)", args: []string{*bin, "help"}},
	}
	for _, c := range cmds {
		run(c) // warm up: page cache
		c.wall, c.cpu, c.rss = nil, nil, nil
	}
	for range *runs {
		for _, c := range cmds {
			run(c)
		}
	}
	initBytes, initMS, initPkg, initPkgBytes := inittrace(*bin)

	fmt.Println("## Start of a command that reads the archive")
	fmt.Println()
	fmt.Printf("`go run ./bench/startbench -storydiff %s` on an archive of %s articles%s: %d rounds,\n", *bin, articles, note, *runs)
	fmt.Println("each running every command once, so that a busy moment of the shared machine falls on all alike.")
	fmt.Println("Aim: a reading command within 15 ms of wall time and 5x sqlite3's.")
	fmt.Println()
	fmt.Println("| command | median wall | x sqlite3 | median CPU | median peak RSS |")
	fmt.Println("|---|---|---|---|---|")
	ref := median(cmds[0].wall)
	for _, c := range cmds {
		m := median(c.wall)
		fmt.Printf("| %s | %.1f ms | %.1f | %.1f ms | %.0f MB |\n", c.label, ms(m), float64(m)/float64(ref), ms(median(c.cpu)), float64(median(c.rss))/1024)
	}
	fmt.Println()
	fmt.Printf("Package initialisation (`GODEBUG=inittrace=1 storydiff help`): %.1f MB allocated in all, %.1f ms summed\n", float64(initBytes)/(1<<20), initMS)
	fmt.Printf("(median of 5); the largest is %s, %.2f MB.\n", initPkg, float64(initPkgBytes)/(1<<20))
	fmt.Println()
}

// makeArchive imports n generated articles with the binary and analyses
// them, so that stories has events to list.
func makeArchive(bin, work string, n int) string {
	corpus := filepath.Join(work, "corpus")
	if err := corpusgen.New(1).WriteFolder(corpus, n, 3000); err != nil {
		log.Fatal(err)
	}
	archive := filepath.Join(work, "archive.db")
	output(exec.Command(bin, "--db", archive, "import", "--no-analyze", corpus))
	output(exec.Command(bin, "--db", archive, "analyze"))
	return archive
}

func run(c *command) {
	x := exec.Command(c.args[0], c.args[1:]...)
	var out bytes.Buffer
	x.Stdout, x.Stderr = &out, &out
	t0 := time.Now()
	if err := x.Run(); err != nil {
		log.Fatalf("%v: %v\n%s", c.args, err, out.String())
	}
	c.wall = append(c.wall, time.Since(t0))
	c.cpu = append(c.cpu, x.ProcessState.UserTime()+x.ProcessState.SystemTime())
	if ru, ok := x.ProcessState.SysUsage().(*syscall.Rusage); ok {
		c.rss = append(c.rss, ru.Maxrss)
	}
}

// inittrace runs `bin help` with GODEBUG=inittrace=1 five times and returns
// the median of the bytes and summed clock times, and the package that
// allocates most.
func inittrace(bin string) (bytesAll int64, clockMS float64, top string, topBytes int64) {
	var allBytes []int64
	var clocks []float64
	for range 5 {
		x := exec.Command(bin, "help")
		x.Env = append(os.Environ(), "GODEBUG=inittrace=1")
		var stderr bytes.Buffer
		x.Stderr = &stderr
		if err := x.Run(); err != nil {
			log.Fatalf("%s help: %v", bin, err)
		}
		var b int64
		var c float64
		sc := bufio.NewScanner(&stderr)
		for sc.Scan() {
			// init pkg @0.52 ms, 0.013 ms clock, 1440 bytes, 20 allocs
			f := strings.Fields(sc.Text())
			if len(f) < 10 || f[0] != "init" || f[8] != "bytes," {
				continue
			}
			nb, _ := strconv.ParseInt(f[7], 10, 64)
			nc, _ := strconv.ParseFloat(f[4], 64)
			b += nb
			c += nc
			if nb > topBytes {
				top, topBytes = f[1], nb
			}
		}
		allBytes = append(allBytes, b)
		clocks = append(clocks, c)
	}
	slices.Sort(allBytes)
	slices.Sort(clocks)
	return allBytes[len(allBytes)/2], clocks[len(clocks)/2], top, topBytes
}

func output(c *exec.Cmd) []byte {
	var stderr bytes.Buffer
	c.Stderr = &stderr
	out, err := c.Output()
	if err != nil {
		log.Fatalf("%v: %v\n%s", c.Args, err, stderr.String())
	}
	return out
}

func median[T time.Duration | int64](xs []T) T {
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[len(s)/2]
}

func ms(d time.Duration) float64 { return float64(d) / 1e6 }
