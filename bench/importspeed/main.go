// Command importspeed times `storydiff import` beside its reference in the
// same run: bench/ftsref, which puts every file's path and text into one
// FTS5 table in one transaction and does nothing else. Each is a process of
// its own on the same files (the BBC corpus and a generated one), in rounds
// of one run of each, so that a busy moment of the shared machine falls on
// all alike. It prints a Markdown section for BENCHMARKS.md.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/storydiff/storydiff/bench/corpusgen"
)

type result struct {
	wall, cpu time.Duration
	rss       int64 // KB
	articles  int
}

type step struct {
	corpus, label, command string
	bin                    string // when not the -bin one
	runs                   []result
	ref                    *step
}

func main() {
	bin := flag.String("bin", "build/bin/storydiff-cli", "storydiff binary")
	bbc := flag.String("bbc", "../shared/corpora/bbc", "BBC corpus folder (read only)")
	n := flag.Int("n", 50000, "generated articles")
	size := flag.Int("size", 3000, "bytes per generated article")
	runs := flag.Int("runs", 3, "rounds on the BBC corpus")
	genRuns := flag.Int("gen-runs", 1, "rounds on the generated corpus")
	withAnalysis := flag.Bool("analysis", true, "also time the import with analysis of the BBC corpus")
	before := flag.String("before", "", "another storydiff binary (an earlier build) to time in the same rounds")
	profiles := flag.String("profiles", "", "folder for CPU and heap profiles of each storydiff step (its first round)")
	flag.Parse()

	work, err := os.MkdirTemp("", "storydiff-importspeed-")
	must(err)
	defer os.RemoveAll(work)
	ref := filepath.Join(work, "ftsref")
	build := exec.Command("go", "build", "-o", ref, "./bench/ftsref")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	build.Stderr = os.Stderr
	must(build.Run())
	gen := filepath.Join(work, "generated")
	t0 := time.Now()
	must(corpusgen.New(1).WriteFolder(gen, *n, *size))
	genTime := time.Since(t0)

	bbcRef := &step{corpus: "BBC", label: "reference", command: "ftsref DB CORPUS"}
	bbcNo := &step{corpus: "BBC", label: "import without analysis", command: "storydiff import --no-analyze --json CORPUS", ref: bbcRef}
	bbcAn := &step{corpus: "BBC", label: "import with analysis", command: "storydiff import --json CORPUS", ref: bbcRef}
	genRef := &step{corpus: fmt.Sprintf("generated (%d x %d B)", *n, *size), label: "reference", command: "ftsref DB CORPUS"}
	genNo := &step{corpus: genRef.corpus, label: "import without analysis", command: "storydiff import --no-analyze --json CORPUS", ref: genRef}

	var bbcNoB, bbcAnB, genNoB *step
	if *before != "" {
		bbcNoB = &step{corpus: "BBC", label: "before: import without analysis", command: bbcNo.command, ref: bbcRef, bin: *before}
		bbcAnB = &step{corpus: "BBC", label: "before: import with analysis", command: bbcAn.command, ref: bbcRef, bin: *before}
		genNoB = &step{corpus: genRef.corpus, label: "before: import without analysis", command: genNo.command, ref: genRef, bin: *before}
	}

	k := 0
	runStep := func(s *step, corpus string, args ...string) {
		if s == nil {
			return
		}
		k++
		db := filepath.Join(work, fmt.Sprintf("a%d.db", k))
		var cmd *exec.Cmd
		if s.label == "reference" {
			cmd = exec.Command(ref, db, corpus)
		} else {
			pre := []string{"--db", db}
			if *profiles != "" && len(s.runs) == 0 && s.bin == "" {
				name := filepath.Join(*profiles, fmt.Sprintf("%s-%s", slug(s.corpus), slug(s.label)))
				pre = append(pre, "--cpuprofile", name+".cpu.pprof", "--memprofile", name+".heap.pprof")
			}
			b := *bin
			if s.bin != "" {
				b = s.bin
			}
			cmd = exec.Command(b, append(append(pre, args...), corpus)...)
		}
		cmd.Stderr = os.Stderr
		start := time.Now()
		out, err := cmd.Output()
		wall := time.Since(start)
		if err != nil {
			log.Fatalf("%s: %v\n%s", cmd, err, out)
		}
		ps := cmd.ProcessState
		r := result{wall: wall, cpu: ps.UserTime() + ps.SystemTime()}
		if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
			r.rss = ru.Maxrss
		}
		if s.label == "reference" {
			m := regexp.MustCompile(`^(\d+) files`).FindSubmatch(out)
			if m != nil {
				r.articles, _ = strconv.Atoi(string(m[1]))
			}
		} else {
			var sum struct{ Added int }
			must(json.Unmarshal(out, &sum))
			r.articles = sum.Added
		}
		s.runs = append(s.runs, r)
		os.Remove(db)
		os.Remove(db + "-wal")
		os.Remove(db + "-shm")
	}
	for i := 0; i < *runs; i++ {
		runStep(bbcRef, *bbc)
		runStep(bbcNo, *bbc, "import", "--no-analyze", "--json")
		runStep(bbcNoB, *bbc, "import", "--no-analyze", "--json")
		if *withAnalysis {
			runStep(bbcAn, *bbc, "import", "--json")
			runStep(bbcAnB, *bbc, "import", "--json")
		}
	}
	for i := 0; i < *genRuns; i++ {
		runStep(genRef, gen)
		runStep(genNo, gen, "import", "--no-analyze", "--json")
		runStep(genNoB, gen, "import", "--no-analyze", "--json")
	}

	fmt.Printf("## Import beside its reference\n\n")
	fmt.Printf("`go run ./bench/importspeed -bin %s -n %d -runs %d` (scripts/bench.d/import.sh), measured %s. "+
		"The reference is bench/ftsref: every file's path and text into one FTS5 table (modernc.org/sqlite, default "+
		"tokenizer, no prefix index) in one transaction, nothing else. storydiff reads the same files and stores "+
		"original bytes, hashes, metadata, blocks and a full-text index with prefix indexes 2-4; with analysis it then "+
		"compares the new articles with the archive. Each command is a process of its own on a new archive; the rounds "+
		"alternate the commands. Wall and CPU (user + system) are medians; articles/s is articles stored per second "+
		"of wall time; \"x reference\" is the median's ratio to the reference's on the same files in the same run. "+
		"The generated corpus took %.0f s to write.%s\n\n", *bin, *n, *runs, time.Now().UTC().Format("2006-01-02"), genTime.Seconds(), beforeNote(*before))
	fmt.Printf("| corpus | step | command | runs | articles | wall | CPU | peak RSS | articles/s | x reference (wall) | x reference (CPU) |\n")
	fmt.Printf("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, s := range []*step{bbcRef, bbcNo, bbcNoB, bbcAn, bbcAnB, genRef, genNo, genNoB} {
		if s == nil || len(s.runs) == 0 {
			continue
		}
		w, c, rss := median(s.runs, func(r result) time.Duration { return r.wall }),
			median(s.runs, func(r result) time.Duration { return r.cpu }), s.runs[0].rss
		xw, xc := "1.0", "1.0"
		if s.ref != nil {
			rw := median(s.ref.runs, func(r result) time.Duration { return r.wall })
			rc := median(s.ref.runs, func(r result) time.Duration { return r.cpu })
			xw, xc = fmt.Sprintf("%.1f", w.Seconds()/rw.Seconds()), fmt.Sprintf("%.1f", c.Seconds()/rc.Seconds())
		}
		a := s.runs[0].articles
		fmt.Printf("| %s | %s | `%s` | %d | %d | %.2f s | %.2f s | %d MB | %.0f | %s | %s |\n",
			s.corpus, s.label, s.command, len(s.runs), a, w.Seconds(), c.Seconds(), rss/1024, float64(a)/w.Seconds(), xw, xc)
	}
	fmt.Println()
}

func beforeNote(bin string) string {
	if bin == "" {
		return ""
	}
	return fmt.Sprintf(" Rows marked \"before\" are an earlier build (`-before %s`) in the same rounds.", bin)
}

func median(rs []result, f func(result) time.Duration) time.Duration {
	ds := make([]time.Duration, len(rs))
	for i, r := range rs {
		ds[i] = f(r)
	}
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	return ds[len(ds)/2]
}

func slug(s string) string {
	return strings.Trim(regexp.MustCompile(`[^a-z0-9]+`).ReplaceAllString(strings.ToLower(s), "-"), "-")
}

func must(err error) {
	if err != nil {
		log.Fatal(err)
	}
}
