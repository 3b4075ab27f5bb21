// Command bigfiles measures the peak memory of importing large single files
// with a built storydiff binary: a one-line text, a JSON array of many small
// records and the same records as JSONL. It generates the files in a
// temporary folder, runs `storydiff import --no-analyze` on each into a new
// archive under /usr/bin/time -v, and prints a Markdown table for
// BENCHMARKS.md.
//
//	CGO_ENABLED=0 go build -o /tmp/sd . && go run ./bench/bigfiles -storydiff /tmp/sd
package main

import (
	"bufio"
	"flag"
	"fmt"
	"log"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
)

func main() {
	bin := flag.String("storydiff", "build/bin/storydiff-cli", "the storydiff binary to measure")
	textMB := flag.Int("text-mb", 35, "size of the one-line text file, MB")
	records := flag.Int("records", 1000000, "records in the JSON array and the JSONL file")
	only := flag.String("only", "", "run only the case whose name contains this")
	flag.Parse()
	if _, err := os.Stat("/usr/bin/time"); err != nil {
		log.Fatal("bigfiles needs /usr/bin/time (apt-get install time)")
	}
	work, err := os.MkdirTemp("", "storydiff-bigfiles-")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(work)

	cases := []struct{ name, file, what string }{
		{"one-line text", "oneline.txt", fmt.Sprintf("%d MB of words on one line", *textMB)},
		{"JSON array", "records.json", fmt.Sprintf("%d records of ~25 bytes", *records)},
		{"JSONL", "records.jsonl", fmt.Sprintf("the same %d records, one per line", *records)},
	}
	rng := rand.New(rand.NewSource(1))
	words := make([]string, 5000)
	for i := range words {
		words[i] = fmt.Sprintf("w%d", i)
	}
	write(filepath.Join(work, "oneline.txt"), func(w *bufio.Writer) {
		w.WriteString("A very long line")
		for n := 0; n < *textMB<<20; {
			s := " " + words[rng.Intn(len(words))]
			w.WriteString(s)
			n += len(s)
		}
	})
	write(filepath.Join(work, "records.json"), func(w *bufio.Writer) {
		w.WriteString("[")
		for i := 0; i < *records; i++ {
			if i > 0 {
				w.WriteString(",")
			}
			fmt.Fprintf(w, `{"text": "r%d %s"}`, i, words[rng.Intn(len(words))])
		}
		w.WriteString("]")
	})
	write(filepath.Join(work, "records.jsonl"), func(w *bufio.Writer) {
		for i := 0; i < *records; i++ {
			fmt.Fprintf(w, "{\"text\": \"r%d %s\"}\n", i, words[rng.Intn(len(words))])
		}
	})

	fmt.Println("| file | what | size | peak RSS | RSS / size | wall time | articles |")
	fmt.Println("|---|---|---|---|---|---|---|")
	for _, c := range cases {
		if *only != "" && !strings.Contains(c.name, *only) {
			continue
		}
		path := filepath.Join(work, c.file)
		fi, err := os.Stat(path)
		if err != nil {
			log.Fatal(err)
		}
		db := filepath.Join(work, c.file+".db")
		out, err := exec.Command("/usr/bin/time", "-v", *bin, "--db", db, "import", "--no-analyze", path).CombinedOutput()
		if err != nil {
			log.Fatalf("%s: %v\n%s", c.name, err, out)
		}
		rss := field(out, `Maximum resident set size \(kbytes\): (\d+)`)
		kb, _ := strconv.ParseFloat(rss, 64)
		fmt.Printf("| %s | %s | %.1f MB | %.0f MB | %.1fx | %s | %s |\n", c.name, c.what, float64(fi.Size())/(1<<20), kb/1024,
			kb*1024/float64(fi.Size()), field(out, `Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)`), field(out, `(\d+) articles added`))
		os.Remove(db)
	}
}

func write(path string, fill func(*bufio.Writer)) {
	f, err := os.Create(path)
	if err != nil {
		log.Fatal(err)
	}
	w := bufio.NewWriter(f)
	fill(w)
	if err := w.Flush(); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
}

func field(out []byte, re string) string {
	m := regexp.MustCompile(re).FindSubmatch(out)
	if m == nil {
		return "?"
	}
	return string(m[1])
}
