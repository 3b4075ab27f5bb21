package ingest_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/storydiff/storydiff/ingest"
)

func ExampleParse() {
	data := []byte("Ferry timetable approved\r\n\r\nThe harbour council voted on Monday to approve a new ferry timetable for the islands.\r\n\r\nFri, 10/21/2022 \x96 15:25\r\n")
	docs, err := ingest.Parse("gazette/ferry.txt", data)
	if err != nil {
		fmt.Println(err)
		return
	}
	d := docs[0]
	fmt.Println(d.Title)
	fmt.Println(d.Encoding, d.Format, d.Language)
	fmt.Println(d.Published.Format("2006-01-02 15:04"), "from", d.PublishedFrom, "as", d.PublishedRaw)
	// Output:
	// Ferry timetable approved
	// windows-1252 txt en
	// 2022-10-21 15:25 from top line as Fri, 10/21/2022 – 15:25
}

func ExampleWalk() {
	dir, _ := os.MkdirTemp("", "corpus")
	defer os.RemoveAll(dir)
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("Title\n\nText of the article.\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "b.pdf"), []byte("%PDF-1.7"), 0o644)
	os.WriteFile(filepath.Join(dir, "c.jsonl"), []byte("{\"text\": \"One.\"}\nbroken\n"), 0o644)

	opts := ingest.Options{} // 50 MiB limit, links followed
	total, _ := ingest.Count(context.Background(), []string{dir}, opts)
	fmt.Println("to read:", total)
	ingest.Walk(context.Background(), []string{dir}, opts, func(e ingest.Entry) error {
		name := filepath.Base(e.Path)
		switch {
		case e.Skipped:
			fmt.Println("skipped", name+":", e.Err)
		case e.Err != nil:
			fmt.Println("failed", name+":", e.Err)
		default:
			docs, err := ingest.Read(e.Path, opts)
			var bad *ingest.RecordErrors
			if errors.As(err, &bad) {
				fmt.Println("partly read", name+":", err)
			} else if err != nil {
				fmt.Println("failed", name+":", err)
			}
			fmt.Println("read", name+":", len(docs), "document(s)")
		}
		return nil
	})
	// Output:
	// to read: 2
	// read a.txt: 1 document(s)
	// skipped b.pdf: not an article file (.pdf)
	// partly read c.jsonl: 1 of 2 records unreadable: line 2: invalid JSON: invalid character 'b' looking for beginning of value
	// read c.jsonl: 1 document(s)
}
