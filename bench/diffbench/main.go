// Command diffbench measures the diff engine and prints a Markdown section
// for BENCHMARKS.md: word diffs of a generated 10 KB and 200 KB pair with
// about 5% of words changed, in process (median and p95), and, in the same
// run and on the same files, whole processes: `storydiff diff --json A B`,
// a small driver built from the diffing package (the engine without the
// full binary's start-up), and `git diff --no-index --word-diff A B`.
//
// The storydiff command diffs articles of an archive, so the files are
// imported into a temporary archive first (not timed) and named by path.
// With -storydiff "" (or no binary at the path) only the driver and git are
// timed. Run it from the module root: the driver is built there. With
// -corpus DIR it also diffs consecutive articles of a real corpus, read in
// place, and reports failures and CPU time.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"syscall"
	"time"

	"github.com/storydiff/storydiff/diffing"
	"github.com/storydiff/storydiff/diffing/synth"
)

type pair struct {
	name string
	size int
	a, b string // texts
	fa   string // file paths
	fb   string
}

func main() {
	bin := flag.String("storydiff", "build/bin/storydiff-cli", `storydiff binary to time as a whole process ("" for none)`)
	before := flag.String("before", "", "an earlier storydiff build to time beside it in the same rounds (its own archive)")
	runs := flag.Int("runs", 0, "runs per measurement (0: 400 in process for 10 KB, 60 for 200 KB; 30 per process)")
	share := flag.Float64("changed", 0.05, "share of words changed")
	corpus := flag.String("corpus", "", "also diff consecutive .txt files of this folder tree (read in place)")
	flag.Parse()

	work, err := os.MkdirTemp("", "storydiff-diffbench-")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(work)

	pairs := []*pair{{name: "10 KB", size: 10_000}, {name: "200 KB", size: 200_000}}
	for k, p := range pairs {
		p.a = synth.Article(uint64(10+k), p.size)
		p.b = synth.Edit(uint64(20+k), p.a, *share)
		p.fa = filepath.Join(work, fmt.Sprintf("a-%d.txt", p.size))
		p.fb = filepath.Join(work, fmt.Sprintf("b-%d.txt", p.size))
		must(os.WriteFile(p.fa, []byte(p.a), 0o644))
		must(os.WriteFile(p.fb, []byte(p.b), 0o644))
	}

	fmt.Println("## Diff")
	fmt.Println()
	fmt.Printf("`go run ./bench/diffbench -storydiff %q` (generated article pairs, %.0f%% of words replaced, deleted or followed by an insertion).\n\n", *bin, *share*100)
	fmt.Println("In process, `diffing.Diff` at word granularity (default options):")
	fmt.Println()
	fmt.Println("| pair | runs | median | p95 | CPU median | ops | changed words | degraded runs |")
	fmt.Println("|---|---|---|---|---|---|---|---|")
	for _, p := range pairs {
		n := *runs
		if n == 0 {
			n = map[int]int{10_000: 400, 200_000: 60}[p.size]
		}
		var r *diffing.Result
		degraded := 0
		ts, cpu := timeRuns(n, func() time.Duration {
			c0 := selfCPU()
			r = diffing.Diff(p.a, p.b, diffing.Options{})
			if r.Degraded {
				degraded++
			}
			return selfCPU() - c0
		})
		fmt.Printf("| %s | %d | %s | %s | %s | %d | %.3f | %d |\n", p.name, n, ms(median(ts)), ms(p95(ts)), ms(median(cpu)), len(r.Ops), r.Stats.ChangedShare, degraded)
	}
	fmt.Println()

	type command struct {
		name string
		cmd  func(*pair) *exec.Cmd
	}
	var cmds []command
	if sd, sdJSON := storydiffCommands(*bin, work, pairs); sd != nil {
		cmds = append(cmds, command{"`storydiff diff A B`", sd}, command{"`storydiff diff --json A B`", sdJSON})
	}
	if *before != "" {
		bwork := filepath.Join(work, "before")
		must(os.MkdirAll(bwork, 0o755))
		if sd, sdJSON := storydiffCommands(*before, bwork, pairs); sd != nil {
			cmds = append(cmds, command{"before: `storydiff diff A B`", sd}, command{"before: `storydiff diff --json A B`", sdJSON})
		}
	}
	driver := buildDriver(work)
	cmds = append(cmds,
		command{"driver: `diffing.Diff` + JSON", func(p *pair) *exec.Cmd { return exec.Command(driver, p.fa, p.fb) }},
		command{"`git diff --no-index --word-diff A B`", func(p *pair) *exec.Cmd {
			return exec.Command("git", "diff", "--no-index", "--word-diff", p.fa, p.fb)
		}})
	fmt.Println("Whole processes on the same files, in the same run, in rounds of one run of each command (so that a")
	fmt.Println("busy moment of the shared machine falls on all alike). storydiff diffs articles of an archive, so the")
	fmt.Println("files were imported into a temporary one first (not timed); the driver is a small program built from")
	fmt.Println("the diffing package that reads the two files and prints the Result as JSON, to separate the engine")
	fmt.Println("from the start-up of the full binary. Aim: `storydiff diff` within 2x git's time.")
	if *before != "" {
		fmt.Printf("Rows marked \"before\" are an earlier build (`-before %s`), timed in the same rounds.\n", *before)
	}
	fmt.Println()
	fmt.Println("| pair | command | runs | median | p95 | CPU median | x git (median) |")
	fmt.Println("|---|---|---|---|---|---|---|")
	for _, p := range pairs {
		n := *runs
		if n == 0 {
			n = 30
		}
		once := func(c command) (wall, cpu time.Duration) {
			x := c.cmd(p)
			x.Stderr = os.Stderr
			t0 := time.Now()
			// git exits 1 when the files differ.
			if err := x.Run(); err != nil {
				if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 {
					log.Fatalf("%v: %v", x.Args, err)
				}
			}
			return time.Since(t0), x.ProcessState.UserTime() + x.ProcessState.SystemTime()
		}
		walls := make([][]time.Duration, len(cmds))
		cpus := make([][]time.Duration, len(cmds))
		for _, c := range cmds {
			once(c) // warm up: page cache
		}
		for range n {
			for i, c := range cmds {
				w, u := once(c)
				walls[i] = append(walls[i], w)
				cpus[i] = append(cpus[i], u)
			}
		}
		for i := range cmds {
			slices.Sort(walls[i])
			slices.Sort(cpus[i])
		}
		git := median(walls[len(cmds)-1])
		for i, c := range cmds {
			fmt.Printf("| %s | %s | %d | %s | %s | %s | %.1f |\n", p.name, c.name, n, ms(median(walls[i])), ms(p95(walls[i])), ms(median(cpus[i])),
				float64(median(walls[i]))/float64(git))
		}
	}
	fmt.Println()
	if *corpus != "" {
		corpusSweep(*corpus)
	}
}

// storydiffCommands imports the pairs into a temporary archive and returns
// how to diff a pair with the storydiff binary, as text and as JSON, or nils
// without a binary.
func storydiffCommands(bin, work string, pairs []*pair) (text, asJSON func(*pair) *exec.Cmd) {
	if bin == "" {
		return nil, nil
	}
	if _, err := os.Stat(bin); err != nil {
		log.Printf("no storydiff binary at %s (%v): timing only the driver built from the diffing package", bin, err)
		return nil, nil
	}
	db := filepath.Join(work, "archive.db")
	args := []string{"--db", db, "import"}
	for _, p := range pairs {
		args = append(args, p.fa, p.fb)
	}
	run(exec.Command(bin, args...))
	text = func(p *pair) *exec.Cmd { return exec.Command(bin, "--db", db, "diff", p.fa, p.fb) }
	asJSON = func(p *pair) *exec.Cmd { return exec.Command(bin, "--db", db, "diff", "--json", p.fa, p.fb) }
	return text, asJSON
}

const driverSource = `package main

import (
	"encoding/json"
	"os"

	"github.com/storydiff/storydiff/diffing"
)

func main() {
	a, err := os.ReadFile(os.Args[1])
	if err != nil {
		panic(err)
	}
	b, err := os.ReadFile(os.Args[2])
	if err != nil {
		panic(err)
	}
	json.NewEncoder(os.Stdout).Encode(diffing.Diff(string(a), string(b), diffing.Options{}))
}
`

// buildDriver compiles driverSource inside this module (it must import the
// diffing package) and returns the binary's path.
func buildDriver(work string) string {
	dir, err := os.MkdirTemp("bench/diffbench", "driver-")
	must(err)
	defer os.RemoveAll(dir)
	must(os.WriteFile(filepath.Join(dir, "main.go"), []byte(driverSource), 0o644))
	out := filepath.Join(work, "diffdriver")
	run(exec.Command("go", "build", "-o", out, "./"+dir))
	return out
}

func run(c *exec.Cmd) {
	c.Stderr = os.Stderr
	if err := c.Run(); err != nil {
		log.Fatalf("%v: %v", c.Args, err)
	}
}

// timeRuns runs f n times after one warm-up run and returns the sorted wall
// times and the sorted CPU times f reports. The machines are shared, so CPU
// time says more about the work than wall time when others are busy.
func timeRuns(n int, f func() time.Duration) (wall, cpu []time.Duration) {
	f() // warm up: page cache, lazy initialisation
	wall = make([]time.Duration, n)
	cpu = make([]time.Duration, n)
	for k := range wall {
		t0 := time.Now()
		cpu[k] = f()
		wall[k] = time.Since(t0)
	}
	slices.Sort(wall)
	slices.Sort(cpu)
	return wall, cpu
}

// selfCPU is the CPU time this process has used so far.
func selfCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func median(ts []time.Duration) time.Duration { return ts[len(ts)/2] }

func p95(ts []time.Duration) time.Duration { return ts[(len(ts)*95+99)/100-1] }

func ms(d time.Duration) string { return fmt.Sprintf("%.2f ms", float64(d)/1e6) }

func must(err error) {
	if err != nil {
		log.Fatal(err)
	}
}
