// Command ftsref is the reference an import is measured against: it reads
// every file under the folders given and inserts its path and text into one
// FTS5 table of modernc.org/sqlite, in one transaction, with one prepared
// statement. No parsing, hashing, dates, language or blocks: the least work
// that makes the same bytes searchable, so that `storydiff import` can be
// timed beside it in the same run (bench/importspeed).
package main

import (
	"database/sql"
	"fmt"
	"io/fs"
	"log"
	"os"
	"path/filepath"

	_ "modernc.org/sqlite"
)

func main() {
	if len(os.Args) < 3 {
		log.Fatal("usage: ftsref DB FOLDER...")
	}
	db, err := sql.Open("sqlite", "file:"+os.Args[1]+"?_pragma=journal_mode(wal)")
	must(err)
	defer db.Close()
	_, err = db.Exec(`CREATE VIRTUAL TABLE docs USING fts5(path, text)`)
	must(err)
	tx, err := db.Begin()
	must(err)
	ins, err := tx.Prepare(`INSERT INTO docs(path, text) VALUES (?, ?)`)
	must(err)
	n := 0
	for _, root := range os.Args[2:] {
		must(filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			n++
			_, err = ins.Exec(path, string(b))
			return err
		}))
	}
	must(tx.Commit())
	fmt.Println(n, "files")
}

func must(err error) {
	if err != nil {
		log.Fatal(err)
	}
}
