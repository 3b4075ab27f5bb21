// Command killimport kills `storydiff import` with SIGKILL at random moments,
// many times over, and checks after each kill that the archive is sound
// (`storydiff check`) and that `storydiff imports` lists the killed run;
// then runs the import to the end and checks that every article is there
// once. It prints what it saw, for the record of a hardening round.
//
//	CGO_ENABLED=0 go build -o /tmp/sd . && go run ./bench/killimport -storydiff /tmp/sd -n 30
package main

import (
	"bufio"
	"database/sql"
	"flag"
	"fmt"
	"log"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	_ "modernc.org/sqlite"
)

func main() {
	bin := flag.String("storydiff", "build/bin/storydiff-cli", "the storydiff binary")
	n := flag.Int("n", 30, "kills")
	maxDelay := flag.Duration("max-delay", 3*time.Second, "longest wait before a kill")
	flag.Parse()
	work, err := os.MkdirTemp("", "storydiff-killimport-")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(work)
	corpus := filepath.Join(work, "corpus")
	want := makeCorpus(corpus)
	db := filepath.Join(work, "archive.db")
	sd := func(args ...string) (string, error) {
		out, err := exec.Command(*bin, append([]string{"--db", db}, args...)...).CombinedOutput()
		return string(out), err
	}
	if out, err := sd("list"); err != nil {
		log.Fatalf("create the archive: %v\n%s", err, out)
	}
	rng := rand.New(rand.NewSource(time.Now().UnixNano()))
	sound, listed, finished := 0, 0, 0
	for i := 1; i <= *n; i++ {
		cmd := exec.Command(*bin, "--db", db, "import", corpus)
		if err := cmd.Start(); err != nil {
			log.Fatal(err)
		}
		delay := time.Duration(rng.Int63n(int64(*maxDelay)))
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case <-done:
			finished++ // the import ended before its kill: start over below
		case <-time.After(delay):
			cmd.Process.Kill()
			<-done
		}
		out, err := sd("check")
		ok := err == nil && strings.Contains(out, "is sound")
		if ok {
			sound++
		}
		imports, _ := sd("imports")
		if strings.Contains(imports, "running or interrupted") || finished > 0 {
			listed++
		}
		fmt.Printf("kill %d after %v: check %s, %d articles\n", i, delay.Round(time.Millisecond), map[bool]string{true: "sound", false: "FAILED: " + strings.TrimSpace(out)}[ok], articles(db))
		if finished > 0 {
			// Start again from an empty archive, so that kills keep landing
			// in the middle of an import.
			for _, suffix := range []string{"", "-wal", "-shm"} {
				os.Remove(db + suffix)
			}
			sd("list")
			finished = 0
		}
	}
	out, err := sd("import", corpus)
	if err != nil {
		log.Fatalf("the import after the kills failed: %v\n%s", err, out)
	}
	got := articles(db)
	check, cerr := sd("check")
	fmt.Printf("\n%d kills at random moments within %v: archive sound after %d; killed runs listed by imports after %d.\n", *n, *maxDelay, sound, listed)
	fmt.Printf("Import run to the end afterwards: %d articles of %d expected; check: %s\n", got, want, strings.TrimSpace(check))
	if sound != *n || got != want || cerr != nil {
		os.Exit(1)
	}
}

// articles counts the archive's articles, read-only, behind its back.
func articles(db string) int {
	conn, err := sql.Open("sqlite", "file:"+db+"?mode=ro&_pragma=busy_timeout(10000)")
	if err != nil {
		return -1
	}
	defer conn.Close()
	var n int
	if err := conn.QueryRow("SELECT count(*) FROM articles").Scan(&n); err != nil {
		return -1
	}
	return n
}

// makeCorpus writes 3,000 small text files and a JSON file of 20,000
// records, and returns how many distinct articles they hold.
func makeCorpus(dir string) int {
	rng := rand.New(rand.NewSource(1))
	words := strings.Fields("minister talks ceasefire report statement border army city council vote election market shares bank port grain")
	for i := 0; i < 3000; i++ {
		sub := filepath.Join(dir, fmt.Sprintf("d%02d", i%20))
		os.MkdirAll(sub, 0o755)
		var b strings.Builder
		fmt.Fprintf(&b, "Story %d\n\n", i)
		for w := 0; w < 300; w++ {
			b.WriteString(words[rng.Intn(len(words))] + " ")
		}
		if err := os.WriteFile(filepath.Join(sub, fmt.Sprintf("%05d.txt", i)), []byte(b.String()), 0o644); err != nil {
			log.Fatal(err)
		}
	}
	f, err := os.Create(filepath.Join(dir, "feed.json"))
	if err != nil {
		log.Fatal(err)
	}
	w := bufio.NewWriter(f)
	w.WriteString("[")
	for i := 0; i < 20000; i++ {
		if i > 0 {
			w.WriteString(",\n")
		}
		fmt.Fprintf(w, `{"title": "Record %d", "text": "Record %d: %s %s %s."}`, i, i, words[rng.Intn(len(words))], words[rng.Intn(len(words))], words[rng.Intn(len(words))])
	}
	w.WriteString("]")
	w.Flush()
	f.Close()
	return 3000 + 20000
}
