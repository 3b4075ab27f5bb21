package main

import (
	"database/sql"
	"fmt"
	"hash/fnv"
	"os"
	"strings"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// accuracy scores the archive's pairs against what the corpus generator
// made: a reprint or a new version of a story keeps its original's lede
// (the paragraph after the title, once a reprint's chrome line is set
// aside), and no two unrelated articles share one. A pair of articles with
// the same lede is a true pair; every other pair is a false one.
func accuracy(dbPath string) (string, error) {
	db, err := sql.Open("sqlite", "file:"+dbPath+"?mode=ro")
	if err != nil {
		return "", err
	}
	defer db.Close()
	lede := map[int64]uint64{}
	rows, err := db.Query(`SELECT article_id, min(path) FROM article_files GROUP BY article_id`)
	if err != nil {
		return "", err
	}
	for rows.Next() {
		var id int64
		var path string
		if err := rows.Scan(&id, &path); err != nil {
			rows.Close()
			return "", err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			rows.Close()
			return "", err
		}
		parts := strings.Split(string(b), "\n\n")
		if strings.HasPrefix(parts[0], "Share this article") {
			parts = parts[1:]
		}
		if len(parts) > 1 {
			h := fnv.New64a()
			h.Write([]byte(parts[1]))
			lede[id] = h.Sum64()
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return "", err
	}
	size := map[uint64]int{}
	for _, h := range lede {
		size[h]++
	}
	truePairs := 0
	for _, n := range size {
		truePairs += n * (n - 1) / 2
	}
	found, right := 0, 0
	if err := db.QueryRow(`SELECT count(*) FROM (SELECT DISTINCT a, b FROM pairs)`).Scan(&found); err != nil {
		return "", err
	}
	prs, err := db.Query(`SELECT DISTINCT a, b FROM pairs`)
	if err != nil {
		return "", err
	}
	defer prs.Close()
	for prs.Next() {
		var a, b int64
		if err := prs.Scan(&a, &b); err != nil {
			return "", err
		}
		ha, okA := lede[a]
		hb, okB := lede[b]
		if okA && okB && ha == hb {
			right++
		}
	}
	if err := prs.Err(); err != nil {
		return "", err
	}
	return fmt.Sprintf("against the corpus's ground truth (%d related pairs): recall %.3f, precision %.3f",
		truePairs, float64(right)/float64(max(1, truePairs)), float64(right)/float64(max(1, found))), nil
}
