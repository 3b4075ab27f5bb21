package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// moreArticles is how many articles the incremental import adds.
const moreArticles = 100

// run holds one scale run's settings and what each step measured.
type run struct {
	bin, work, db string
	n, size       int
	every         time.Duration // how often a running step's progress is logged
	maxRSS        int64         // a step using more memory is stopped (0: no limit)
	stepNames     []string
	rounds        int // search rounds and prefix searches, passed to the search process
	prefixes      int

	genSeconds float64
	genReused  bool
	steps      []step
	search     searchResult
	firstPage  time.Duration // process start to the first library page read
	deepPage   time.Duration // a page in the middle of the library, once serving
	facets     time.Duration
	pageRows   int
}

// step is one process: its wall time, peak memory and what it reported.
type step struct {
	name    string
	command string
	wall    time.Duration
	cpu     time.Duration // user + system
	maxRSS  int64         // bytes
	archive int64         // archive bytes on disk after the step
	note    string
	err     error
}

// child runs the binary with args, its stderr going to a log file in the
// work folder (to follow a long run), and returns its stdout and usage.
func (r *run) child(name string, args ...string) (step, []byte) {
	args = append([]string{"--db", r.db}, args...)
	cmd := exec.Command(r.bin, args...)
	var out bytes.Buffer
	cmd.Stdout = &out
	logf, err := os.Create(filepath.Join(r.work, name+".log"))
	if err != nil {
		return step{name: name, err: err}, nil
	}
	defer logf.Close()
	cmd.Stderr = logf
	st := step{name: name, command: "storydiff " + strings.Join(args[2:], " ")}
	log.Printf("%s: %s", name, st.command)
	t := time.Now()
	if st.err = cmd.Start(); st.err == nil {
		ctx, stop := context.WithCancel(context.Background())
		killed := watch(ctx, r.db, cmd.Process.Pid, r.every, r.maxRSS, name)
		st.err = cmd.Wait()
		stop()
		if why := <-killed; why != "" {
			st.err = fmt.Errorf("%s", why)
		}
	}
	st.wall = time.Since(t)
	usage(&st, cmd.ProcessState)
	st.archive = archiveSize(r.db)
	log.Printf("%s: %.1f s, max RSS %.0f MB, err %v", name, st.wall.Seconds(), float64(st.maxRSS)/1e6, st.err)
	return st, out.Bytes()
}

// usage reads the child's peak resident memory from the kernel's account of
// it (ru_maxrss, in KiB on Linux), which covers SQLite's page cache and the
// Go heap alike, unlike runtime.MemStats.
func usage(st *step, ps *os.ProcessState) {
	if ps == nil {
		return
	}
	if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
		st.maxRSS = ru.Maxrss * 1024
	}
	st.cpu = ps.UserTime() + ps.SystemTime()
}

// archiveSize counts the write-ahead log too: after a large import it can
// hold gigabytes that a checkpoint has not yet moved into the database.
func archiveSize(db string) int64 {
	var total int64
	for _, suffix := range []string{"", "-wal", "-shm"} {
		if fi, err := os.Stat(db + suffix); err == nil {
			total += fi.Size()
		}
	}
	return total
}

func (r *run) importStep() error {
	corpus := filepath.Join(r.work, "corpus")
	st, out := r.child("import", "import", "--no-analyze", "--json", corpus)
	st.command = "storydiff import --no-analyze --json CORPUS"
	var sum struct {
		Added  int               `json:"added"`
		Failed []json.RawMessage `json:"failed"`
	}
	if st.err == nil {
		if err := json.Unmarshal(out, &sum); err != nil {
			st.err = fmt.Errorf("import output: %w", err)
		} else {
			st.note = fmt.Sprintf("%d added, %d failed, **%.0f articles/s**", sum.Added, len(sum.Failed), float64(sum.Added)/st.wall.Seconds())
			if sum.Added != r.n {
				st.err = fmt.Errorf("import added %d of %d articles", sum.Added, r.n)
			}
		}
	}
	r.steps = append(r.steps, st)
	return st.err
}

// moreStep imports a few new articles the way a researcher adds a day's
// collection: with the incremental analysis that follows every import, which
// in a new process first loads the whole archive's index.
func (r *run) moreStep() error {
	extra := filepath.Join(r.work, "extra")
	if err := os.RemoveAll(extra); err != nil {
		return err
	}
	if err := newsGenerator(2).WriteFolder(extra, moreArticles, r.size); err != nil {
		return err
	}
	st, out := r.child("import-more", "import", "--json", extra)
	st.command = fmt.Sprintf("storydiff import --json EXTRA (%d new articles, incremental analysis)", moreArticles)
	var sum struct {
		Added    int `json:"added"`
		Analysis struct {
			Articles     int     `json:"articles"`
			Seconds      float64 `json:"seconds"`
			Pass         string  `json:"pass"`
			PairsSeconds float64 `json:"pairs_seconds"`
		} `json:"analysis"`
	}
	if st.err == nil {
		if err := json.Unmarshal(out, &sum); err != nil {
			st.err = fmt.Errorf("import output: %w", err)
		} else {
			st.note = fmt.Sprintf("%d added; analysis %.1f s, of it finding pairs (pass %q) among %d articles %.1f s",
				sum.Added, sum.Analysis.Seconds, sum.Analysis.Pass, sum.Analysis.Articles, sum.Analysis.PairsSeconds)
		}
	}
	r.steps = append(r.steps, st)
	return st.err
}

func (r *run) analyzeStep() error {
	st, out := r.child("analyze", "analyze", "--json")
	var sum struct {
		Articles     int     `json:"articles"`
		Pairs        int     `json:"pairs"`
		Stories      int     `json:"stories"`
		PairsSeconds float64 `json:"pairs_seconds"`
	}
	if st.err == nil {
		if err := json.Unmarshal(out, &sum); err != nil {
			st.err = fmt.Errorf("analyze output: %w", err)
		} else {
			st.note = fmt.Sprintf("%d articles, %.0f articles/s, %d pairs, %d stories, finding pairs %.0f s",
				sum.Articles, float64(sum.Articles)/st.wall.Seconds(), sum.Pairs, sum.Stories, sum.PairsSeconds)
			// Scored after the step, in this process: not part of its figures.
			if acc, err := accuracy(r.db); err != nil {
				log.Printf("accuracy: %v", err)
			} else {
				st.note += "; " + acc
			}
		}
	}
	r.steps = append(r.steps, st)
	return st.err
}

// searchStep runs the search loop in a process of its own (this command
// again, with -search-child), so that its peak memory is its own.
func (r *run) searchStep() error {
	self, err := os.Executable()
	if err != nil {
		return err
	}
	cmd := exec.Command(self, "-search-child", r.db, "-search-rounds", strconv.Itoa(r.rounds),
		"-search-prefixes", strconv.Itoa(r.prefixes))
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, os.Stderr
	st := step{name: "search", command: "app.Service.Search (bench/scale -search-child)"}
	log.Printf("search")
	t := time.Now()
	st.err = cmd.Run()
	st.wall = time.Since(t)
	usage(&st, cmd.ProcessState)
	st.archive = archiveSize(r.db)
	if st.err == nil {
		if err := json.Unmarshal(out.Bytes(), &r.search); err != nil {
			st.err = fmt.Errorf("search output: %w", err)
		} else {
			st.note = fmt.Sprintf("%d queries: p50 %.1f ms, **p95 %.1f ms**, max %.1f ms; prefixes p95 %.1f ms",
				r.search.Queries, r.search.P50, r.search.P95, r.search.Max, r.search.PrefixP95)
		}
	}
	r.steps = append(r.steps, st)
	return st.err
}

// serveStep starts serve and times, from the process start, the first
// library page as the app asks for it; then one page in the middle of the
// library, as scrolling far down asks for it.
func (r *run) serveStep() error {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, r.bin, "--db", r.db, "serve", "--addr", "127.0.0.1:0")
	cmd.Cancel = func() error { return cmd.Process.Signal(os.Interrupt) }
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	cmd.Stderr = os.Stderr
	st := step{name: "serve", command: "storydiff serve + GET /api/articles?limit=100"}
	log.Printf("serve")
	t := time.Now()
	if err := cmd.Start(); err != nil {
		return err
	}
	url, err := servingURL(stdout)
	if err == nil {
		go io.Copy(io.Discard, stdout)
		r.pageRows, err = getPage(url + "api/articles?limit=100")
		r.firstPage = time.Since(t)
	}
	if err == nil {
		// The library asks for its facets (outlets, languages, dates)
		// beside the first page.
		t2 := time.Now()
		err = get(url + "api/facets")
		r.facets = time.Since(t2)
	}
	if err == nil {
		t2 := time.Now()
		_, err = getPage(fmt.Sprintf("%sapi/articles?limit=100&offset=%d", url, r.n/2))
		r.deepPage = time.Since(t2)
	}
	cancel()
	werr := cmd.Wait()
	st.wall = time.Since(t)
	usage(&st, cmd.ProcessState)
	st.archive = archiveSize(r.db)
	st.err = err
	if err == nil && werr != nil && ctx.Err() == nil {
		st.err = werr
	}
	if st.err == nil {
		st.note = fmt.Sprintf("**first page (%d rows) %.0f ms** from process start; then facets %.0f ms; page at offset %d: %.0f ms",
			r.pageRows, ms(r.firstPage), ms(r.facets), r.n/2, ms(r.deepPage))
	}
	r.steps = append(r.steps, st)
	return st.err
}

// servingURL reads serve's banner: "StoryDiff is serving DB on URL".
func servingURL(stdout io.Reader) (string, error) {
	sc := bufio.NewScanner(stdout)
	for sc.Scan() {
		if i := strings.Index(sc.Text(), " on http://"); i >= 0 {
			return sc.Text()[i+4:], nil
		}
	}
	return "", fmt.Errorf("serve exited before it printed its address")
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func get(url string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err == nil && resp.StatusCode != http.StatusOK {
		err = fmt.Errorf("GET %s: %s: %s", url, resp.Status, b)
	}
	return err
}

func getPage(url string) (int, error) {
	resp, err := http.Get(url)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		b, _ := io.ReadAll(resp.Body)
		return 0, fmt.Errorf("GET %s: %s: %s", url, resp.Status, b)
	}
	var page struct {
		Articles []json.RawMessage `json:"articles"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&page); err != nil {
		return 0, fmt.Errorf("GET %s: %w", url, err)
	}
	return len(page.Articles), nil
}
