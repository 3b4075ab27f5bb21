package main

import (
	"context"
	"database/sql"
	"fmt"
	"log"
	"os"
	"strconv"
	"strings"
	"syscall"
	"time"

	_ "modernc.org/sqlite" // registered by store too; named here because this file opens the archive itself
)

// watch samples a running step every two seconds until ctx ends: it logs,
// every interval, how many articles the archive holds and analysed and the
// child's memory, so that a step that cannot finish still tells how far it
// got; and it kills the child if its memory passes limit (0: no limit), so
// that a run on a shared machine fails alone instead of starving the rest.
// It returns why it killed the child, or "".
func watch(ctx context.Context, db string, pid int, interval time.Duration, limit int64, name string) <-chan string {
	killed := make(chan string, 1)
	go func() {
		defer close(killed)
		start := time.Now()
		t := time.NewTicker(2 * time.Second)
		defer t.Stop()
		lastLog := start
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			}
			mem := rss(pid)
			progress := func() string {
				return fmt.Sprintf("%.0f s, %s articles, %s analysed, RSS %s, archive %s", time.Since(start).Seconds(),
					count(db, "SELECT count(*) FROM articles"), count(db, "SELECT count(*) FROM features"),
					mb(mem), mb(archiveSize(db)))
			}
			if limit > 0 && mem > limit {
				why := fmt.Sprintf("stopped when its memory passed %s: %s", mb(limit), progress())
				syscall.Kill(pid, syscall.SIGKILL)
				log.Printf("%s: %s", name, why)
				killed <- why
				return
			}
			if time.Since(lastLog) >= interval {
				lastLog = time.Now()
				log.Printf("%s: %s", name, progress())
			}
		}
	}()
	return killed
}

// count reads the archive read-only: WAL lets it look while the child writes.
func count(db, query string) string {
	conn, err := sql.Open("sqlite", "file:"+db+"?mode=ro&_pragma=busy_timeout(2000)")
	if err != nil {
		return "?"
	}
	defer conn.Close()
	var n int64
	if err := conn.QueryRow(query).Scan(&n); err != nil {
		return "?"
	}
	return strconv.FormatInt(n, 10)
}

// rss reads a running process's resident memory from /proc (0 if gone).
func rss(pid int) int64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmRSS:" {
			kb, _ := strconv.ParseInt(f[1], 10, 64)
			return kb * 1024
		}
	}
	return 0
}
