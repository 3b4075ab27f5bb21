// Command eval measures StoryDiff's text analysis and writes EVAL.md:
//
//   - a generated corpus with ground truth: precision, recall and F1 for exact
//     duplicates, near-duplicate pairs, repeated passages and story clusters,
//     with threshold sweeps that the defaults are chosen from;
//   - the Clough & Stevenson corpus of plagiarised short answers: the Spearman
//     correlation of answer-to-source similarity with the human labels;
//   - the BBC News corpus: duplicate groups and stories found, with samples to
//     read, and how often VariantKey merges distinct words.
//
// With -lsh N it also times near-duplicate search over N generated articles,
// beside github.com/ekzhu/minhash-lsh on the same signatures.
//
// Usage: go run ./bench/eval [-o EVAL.md] [-clough DIR] [-bbc DIR] [-events N] [-lsh N]
//
// With SEMEVAL_MISSES=FILE in the environment, the semeval section also
// writes the pairs its held-out score gets wrong, with their evidence, to
// FILE, to read by hand; with SEMEVAL_NOCENSUS=1 its profiles are not
// weighed by the corpus's census, as for the fit of evidence.DefaultWeights.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"time"

	"github.com/storydiff/storydiff/bench/eval/gen"
	"github.com/storydiff/storydiff/detect"
)

func main() {
	out := flag.String("o", "EVAL.md", "write the report here (- for standard output only)")
	clough := flag.String("clough", "../shared/corpora/clough_stevenson", "Clough & Stevenson corpus folder (skipped if absent)")
	bbc := flag.String("bbc", "../shared/corpora/bbc", "BBC News corpus folder (skipped if absent)")
	seed := flag.Int64("seed", 1, "generator seed")
	events := flag.Int("events", gen.Default().Events, "generated news events")
	distractors := flag.Int("distractors", gen.Default().Distractors, "generated unrelated articles")
	lsh := flag.Int("lsh", 0, "also benchmark near-duplicate search on this many generated articles, beside github.com/ekzhu/minhash-lsh (0: skip)")
	only := flag.String("only", "", "run only the named extra sections (comma-separated: "+sectionNames()+") and print them; EVAL.md is left alone")
	flag.Parse()
	if *only != "" {
		if err := runOnly(os.Stdout, strings.Split(*only, ",")); err != nil {
			fmt.Fprintln(os.Stderr, "eval:", err)
			os.Exit(1)
		}
		return
	}
	if err := run(os.Stdout, *out, *clough, *bbc, *seed, *events, *distractors, *lsh); err != nil {
		fmt.Fprintln(os.Stderr, "eval:", err)
		os.Exit(1)
	}
}

func f2(x float64) string { return fmt.Sprintf("%.2f", x) }
func f3(x float64) string { return fmt.Sprintf("%.3f", x) }

func run(log io.Writer, out, clough, bbc string, seed int64, events, distractors, lsh int) error {
	p := detect.DefaultParams()
	var rep bytes.Buffer
	w := &rep
	host, _ := os.Hostname()
	fmt.Fprintf(w, "# StoryDiff evaluation\n\n")
	fmt.Fprintf(w, "Made by `go run ./bench/eval` (`make eval`) on %s: %s/%s, %d CPUs, %s, %s.\n",
		time.Now().UTC().Format("2006-01-02 15:04 UTC"), runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), runtime.Version(), host)
	fmt.Fprintf(w, "Default parameters: %d-word shingles, %d MinHash values in %d bands of %d rows (LSH threshold ≈ %.2f), "+
		"near-duplicate Jaccard ≥ %.2f (or containment ≥ %.2f with sizes within %.1f×), story score ≥ %.3f, date fade after %.0f days.\n\n",
		p.Shingle, p.Hashes, p.Bands, p.Rows(), p.LSHThreshold(), p.NearJaccard, p.NearContainment, 1/p.MinSizeRatio, p.StoryThreshold, p.StoryDays)

	opt := gen.Default()
	opt.Seed, opt.Events, opt.Distractors = seed, events, distractors
	sr, err := runSynthetic(log, opt, p)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "## Generated corpus with ground truth\n\n")
	fmt.Fprintf(w, "%d articles (seed %d): %d events, each with 1-%d independent write-ups republished by up to %d outlets "+
		"(typo fixes, inserted and deleted sentences, new headlines, moved paragraphs, outlet headers and footers, "+
		"repeated headline+lede, exact copies), %.0f%% of events followed months later by another event with the same people, "+
		"and %d unrelated distractors, %.0f%% of them on the subject of another event within days of it. Analysis took %s.\n\n",
		sr.articles, seed, opt.Events, opt.Wires, opt.Reprints, opt.Sequels*100, opt.Distractors, opt.Topical*100, sr.elapsed.Round(time.Millisecond))
	fmt.Fprintf(w, "| task | unit | precision | recall | F1 | TP | FP | FN |\n|---|---|---|---|---|---|---|---|\n")
	row := func(name, unit string, m prf) {
		fmt.Fprintf(w, "| %s | %s | %s | %s | **%s** | %d | %d | %d |\n", name, unit, f3(m.P()), f3(m.R()), f3(m.F1()), m.TP, m.FP, m.FN)
	}
	row("exact duplicates", "pairs", sr.exact)
	row("near-duplicates (incl. exact)", "pairs", sr.near)
	row("repeated passages", "passages", sr.repeats)
	row("stories", "co-member pairs", sr.story)
	fmt.Fprintf(w, "\nNear-duplicate threshold sweep (Jaccard of %d-word shingles; containment rule unchanged):\n\n", p.Shingle)
	sweep(w, sr.nearSweep)
	fmt.Fprintf(w, "\nStory threshold sweep:\n\n")
	sweep(w, sr.storySweep)

	fmt.Fprintf(w, "\n## Clough & Stevenson: similarity of each answer to its source\n\n")
	if _, err := os.Stat(clough); err != nil {
		fmt.Fprintf(w, "Skipped: %s not found.\n", clough)
		fmt.Fprintf(log, "clough: %s not found, skipped\n", clough)
	} else {
		cr, err := runClough(clough, p)
		if err != nil {
			return fmt.Errorf("clough: %w", err)
		}
		fmt.Fprintf(w, "%d answers. Spearman correlation of similarity with the labels ordered cut > light > heavy > non, "+
			"and the mean similarity per label:\n\n", cr.answers)
		fmt.Fprintf(w, "| measure | Spearman | cut | light | heavy | non |\n|---|---|---|---|---|---|\n")
		for _, m := range cr.measures {
			fmt.Fprintf(w, "| %s | **%s** |", m.name, f3(m.spearman))
			for _, l := range cloughLabels {
				fmt.Fprintf(w, " %s |", f3(m.byLabel[l]))
			}
			fmt.Fprintln(w)
		}
		fmt.Fprintf(log, "clough: %d answers\n", cr.answers)
	}

	fmt.Fprintf(w, "\n## BBC News\n\n")
	if _, err := os.Stat(bbc); err != nil {
		fmt.Fprintf(w, "Skipped: %s not found.\n", bbc)
		fmt.Fprintf(log, "bbc: %s not found, skipped\n", bbc)
	} else {
		start := time.Now()
		br, err := runBBC(bbc, p)
		if err != nil {
			return fmt.Errorf("bbc: %w", err)
		}
		fmt.Fprintf(w, "%d articles, analysed in %s (topic folders as boilerplate groups).\n\n", br.docs, time.Since(start).Round(time.Millisecond))
		fmt.Fprintf(w, "- exact-duplicate groups: %d (%d articles)\n- near-duplicate groups: %d (%d articles)\n"+
			"- stories of two or more articles: %d (%d articles)\n\n", br.exactGroups, br.exactArticles, br.nearGroups, br.nearArticles, br.stories, br.storyArticles)
		fmt.Fprintf(w, "Sample of near-duplicate groups:\n\n")
		for _, s := range br.samples {
			fmt.Fprintf(w, "- %s\n", s)
		}
		fmt.Fprintf(w, "\nSample of stories that are not duplicates:\n\n")
		for _, s := range br.storySamples {
			fmt.Fprintf(w, "- %s\n", s)
		}
		fmt.Fprintf(w, "\nDuplicate pairs by near-duplicate Jaccard threshold (containment rule unchanged):\n\n| Jaccard ≥ | pairs |\n|---|---|\n%s\n", strings.Join(br.nearSweep, "\n"))
		fmt.Fprintf(w, "\nPairs that a Jaccard threshold of 0.3 would add to the default, to read:\n\n")
		for _, s := range br.weak {
			fmt.Fprintf(w, "- %s\n", s)
		}
		fmt.Fprintf(w, "\nStories by story threshold (the corpus has no dates, so none fade):\n\n| threshold | stories | articles | largest |\n|---|---|---|---|\n%s\n", strings.Join(br.storySweep, "\n"))
		v := br.variants
		fmt.Fprintf(w, "\n### VariantKey collisions on the BBC vocabulary\n\n")
		fmt.Fprintf(w, "%d distinct folded alphabetic words give %d keys: %d words (%.2f%% of the vocabulary, %.3f%% of %d tokens) "+
			"share a key with a more frequent word. The 40 most frequent merged groups, to read for collisions:\n\n",
			v.forms, v.keys, v.mergedForms, 100*float64(v.mergedForms)/float64(v.forms), 100*float64(v.mergedTok)/float64(v.tokens), v.tokens)
		fmt.Fprintf(w, "%s\n", strings.Join(v.examples, ", "))
		fmt.Fprintf(log, "bbc: %d articles\n", br.docs)
	}
	for _, sec := range sections {
		if err := sec.run(w, log); err != nil {
			return fmt.Errorf("%s: %w", sec.name, err)
		}
	}
	if lsh > 0 {
		if err := runLSHBench(w, log, lsh, p); err != nil {
			return fmt.Errorf("lsh bench: %w", err)
		}
	}
	os.Stdout.Write(rep.Bytes())
	if out != "-" {
		return writeReport(out, rep.Bytes())
	}
	return nil
}

// Markers around the generated part of the report: what lies outside them
// (notes written by reading the results) is kept when the report is rerun.
const (
	beginMark = "<!-- eval:begin (generated by go run ./bench/eval; edit outside the markers) -->\n"
	endMark   = "<!-- eval:end -->\n"
)

func writeReport(path string, gen []byte) error {
	old, err := os.ReadFile(path)
	if err != nil && !os.IsNotExist(err) {
		return err
	}
	var b bytes.Buffer
	i, j := bytes.Index(old, []byte(beginMark)), bytes.Index(old, []byte(endMark))
	if i >= 0 && j > i {
		b.Write(old[:i])
		b.WriteString(beginMark)
		b.Write(gen)
		b.WriteString(endMark)
		b.Write(old[j+len(endMark):])
	} else {
		b.WriteString(beginMark)
		b.Write(gen)
		b.WriteString(endMark)
		b.Write(old)
	}
	return os.WriteFile(path, b.Bytes(), 0o644)
}

func sweep(w io.Writer, rows []sweepRow) {
	fmt.Fprintf(w, "| threshold | precision | recall | F1 |\n|---|---|---|---|\n")
	for _, r := range rows {
		fmt.Fprintf(w, "| %.3f | %s | %s | %s |\n", r.threshold, f3(r.m.P()), f3(r.m.R()), f3(r.m.F1()))
	}
}
