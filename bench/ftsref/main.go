// Command ftsref is the reference an import is measured against: it reads
// every file under the folders given and inserts its path and text into one
// FTS5 table of modernc.org/sqlite, in one transaction, with one prepared
// statement. No parsing, hashing, dates, language or blocks: the least work
// that makes the same bytes searchable, so that `storydiff import` can be
// timed beside it in the same run (bench/importspeed). With -archive-fts the
// table has the archive's tokenizer and prefix indexes (migration 0001), so
// that the cost of those is seen apart from the rest of an import.
package main

import (
	"database/sql"
	"flag"
	"fmt"
	"io/fs"
	"log"
	"os"
	"path/filepath"

	_ "modernc.org/sqlite"
)

func main() {
	archiveFTS := flag.Bool("archive-fts", false, "index with the archive's tokenizer and prefix indexes 2-4")
	flag.Parse()
	if flag.NArg() < 2 {
		log.Fatal("usage: ftsref [-archive-fts] DB FOLDER...")
	}
	db, err := sql.Open("sqlite", "file:"+flag.Arg(0)+"?_pragma=journal_mode(wal)")
	must(err)
	defer db.Close()
	opts := ""
	if *archiveFTS {
		opts = `, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4'`
	}
	_, err = db.Exec(`CREATE VIRTUAL TABLE docs USING fts5(path, text` + opts + `)`)
	must(err)
	tx, err := db.Begin()
	must(err)
	ins, err := tx.Prepare(`INSERT INTO docs(path, text) VALUES (?, ?)`)
	must(err)
	n := 0
	for _, root := range flag.Args()[1:] {
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
