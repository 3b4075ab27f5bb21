package main

import (
	"context"
	"fmt"
	"io"
	"math/rand"
	"os"
	"runtime"
	"strings"
	"time"

	minhashlsh "github.com/ekzhu/minhash-lsh"

	"github.com/storydiff/storydiff/detect"
)

// The LSH benchmark: n short generated articles, a tenth of them edited
// copies of another (a few words replaced), analysed for near-duplicates by
// detect (batch NearPairs, and the incremental Index) and, on the very same
// MinHash signatures, by github.com/ekzhu/minhash-lsh as a reference.

type lshCorpus struct {
	texts []string
	// copyOf[i] is the index of the article i was copied from, or -1.
	copyOf []int
}

func lshArticles(n int, seed int64) lshCorpus {
	r := rand.New(rand.NewSource(seed))
	vocab := make([]string, 50000)
	for i := range vocab {
		var b strings.Builder
		for k := 0; k < 2+r.Intn(2); k++ {
			b.WriteString(syllables[r.Intn(len(syllables))])
		}
		vocab[i] = b.String()
	}
	zipf := rand.NewZipf(r, 1.1, 4, uint64(len(vocab)-1))
	c := lshCorpus{texts: make([]string, n), copyOf: make([]int, n)}
	words := make([]string, 0, 160)
	for i := 0; i < n; i++ {
		c.copyOf[i] = -1
		if i > 10 && r.Float64() < 0.1 {
			src := r.Intn(i)
			for c.copyOf[src] >= 0 {
				src = c.copyOf[src]
			}
			ws := strings.Fields(c.texts[src])
			for k := 0; k < len(ws)/25; k++ { // about 4% of the words changed
				ws[r.Intn(len(ws))] = vocab[zipf.Uint64()]
			}
			c.texts[i] = strings.Join(ws, " ")
			c.copyOf[i] = src
			continue
		}
		words = words[:0]
		for k := 0; k < 100+r.Intn(100); k++ {
			words = append(words, vocab[zipf.Uint64()])
		}
		c.texts[i] = strings.Join(words, " ")
	}
	return c
}

var syllables = []string{"ka", "lo", "mi", "ter", "van", "sel", "dor", "bri", "nu", "pa", "ros", "tel", "gan", "vi",
	"mar", "hel", "du", "sko", "len", "bar", "fi", "ol", "ra", "zen", "tu", "ber", "ca", "lin", "mo", "sha"}

func heapMB() float64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return float64(m.HeapAlloc) / (1 << 20)
}

// shingleSets makes n sets of 100-200 random shingle hashes, a tenth of
// them copies of an earlier set with 15% of the shingles replaced (about
// what replacing 4% of the words does to 4-word shingles).
func shingleSets(n int, seed int64) (sets [][]uint32, copyOf []int) {
	r := rand.New(rand.NewSource(seed))
	sets = make([][]uint32, n)
	copyOf = make([]int, n)
	for i := range sets {
		copyOf[i] = -1
		if i > 10 && r.Float64() < 0.1 {
			src := r.Intn(i)
			for copyOf[src] >= 0 {
				src = copyOf[src]
			}
			s := append([]uint32(nil), sets[src]...)
			for k := 0; k < len(s)*15/100; k++ {
				s[r.Intn(len(s))] = r.Uint32()
			}
			sets[i], copyOf[i] = s, src
			continue
		}
		s := make([]uint32, 100+r.Intn(100))
		for k := range s {
			s[k] = r.Uint32()
		}
		sets[i] = s
	}
	return sets, copyOf
}

func runLSHBench(w, log io.Writer, n int, p detect.Params) error {
	// Features from text cost the same per article at any archive size:
	// time them on a sample, then build the large corpus from shingle sets.
	tn := min(n, 20000)
	fmt.Fprintf(log, "lsh bench: features of %d generated texts\n", tn)
	tc := lshArticles(tn, 42)
	start := time.Now()
	parallelDo(tn, func(i int) { detect.ComputeFeatures(detect.Input{Text: tc.texts[i]}, p) })
	textTime := time.Since(start)
	tc = lshCorpus{}

	fmt.Fprintf(log, "lsh bench: %d shingle sets\n", n)
	sets, copyOf := shingleSets(n, 42)
	c := lshCorpus{copyOf: copyOf}
	base := heapMB()
	start = time.Now()
	ids := make([]int64, n)
	fs := make([]*detect.Features, n)
	parallelDo(n, func(i int) {
		fs[i] = detect.FeaturesFromShingles(sets[i], p)
		ids[i] = int64(i + 1)
	})
	featTime := time.Since(start)
	featMB := heapMB() - base // before the input sets are freed
	sets = nil
	shingles := 0
	for _, f := range fs {
		shingles += len(f.Shingles)
	}
	sigMB := float64(n*p.Hashes*4) / (1 << 20)
	fmt.Fprintf(log, "lsh bench: signatures in %s\n", featTime)

	truth := map[pairKey]bool{}
	groups := map[int][]int{}
	for i, src := range c.copyOf {
		if src >= 0 {
			groups[src] = append(groups[src], i)
		}
	}
	for src, cs := range groups {
		all := append([]int{src}, cs...)
		for a := range all {
			for b := a + 1; b < len(all); b++ {
				truth[key(int64(all[a]+1), int64(all[b]+1))] = true
			}
		}
	}

	start = time.Now()
	pairs, err := detect.NearPairs(context.Background(), ids, fs, p)
	if err != nil {
		return err
	}
	batchTime := time.Since(start)
	pred := map[pairKey]bool{}
	for _, pr := range pairs {
		pred[key(pr.A, pr.B)] = true
	}
	batchM := comparePairs(pred, truth)
	fmt.Fprintf(log, "lsh bench: NearPairs in %s\n", batchTime)

	// Incremental: an index of all but the last 1000, then each of those
	// added and compared.
	held := min(1000, n/10)
	before := heapMB()
	start = time.Now()
	ix, err := detect.NewIndex(p, detect.IndexOptions{NoStories: true})
	if err != nil {
		return err
	}
	for i := 0; i < n-held; i++ {
		if err := ix.Add(ids[i], fs[i]); err != nil {
			return err
		}
	}
	buildTime := time.Since(start)
	indexMB := heapMB() - before
	start = time.Now()
	for i := n - held; i < n; i++ {
		ix.Add(ids[i], fs[i])
		ix.Compare(ids[i])
	}
	perNew := time.Since(start) / time.Duration(held)
	start = time.Now()
	for i := n - held; i < n; i++ {
		ix.Remove(ids[i])
	}
	perRemove := time.Since(start) / time.Duration(held)
	ix = nil
	fmt.Fprintf(log, "lsh bench: index built in %s, %s per new article\n", buildTime, perNew)

	// The reference: ekzhu/minhash-lsh on the same signatures.
	before = heapMB()
	start = time.Now()
	ref := minhashlsh.NewMinhashLSH32(p.Hashes, p.NearJaccard)
	sigs := make([][]uint64, n)
	for i, f := range fs {
		s := make([]uint64, len(f.MinHash))
		for k, v := range f.MinHash {
			s[k] = uint64(v)
		}
		sigs[i] = s
		ref.Add(int64(i), s)
	}
	ref.Index()
	refBuild := time.Since(start)
	refMB := heapMB() - before
	start = time.Now()
	refPred := map[pairKey]bool{}
	cands := 0
	for i := range sigs {
		for _, k := range ref.Query(sigs[i]) {
			j := int(k.(int64))
			if j <= i {
				continue
			}
			cands++
			if jac, con := detect.Similarity(fs[i], fs[j]); jac >= p.NearJaccard || con >= p.NearContainment {
				refPred[key(int64(i+1), int64(j+1))] = true
			}
		}
	}
	refQuery := time.Since(start)
	refM := comparePairs(refPred, truth)
	rk, rl := ref.Params()

	fmt.Fprintf(w, "\n## Near-duplicate speed: %d articles\n\n", n)
	fmt.Fprintf(w, "Sets of 100-200 random shingles, a tenth of them copies of another with 15%% of the shingles replaced "+
		"(%d true pairs); features from text timed on %d generated 100-200-word articles. %d CPUs (GOMAXPROCS %d), %s, load average at the end %s.\n\n",
		len(truth), tn, runtime.NumCPU(), runtime.GOMAXPROCS(0), runtime.Version(), loadAvg())
	fmt.Fprintf(w, "| step | time | per article | memory |\n|---|---|---|---|\n")
	fmt.Fprintf(w, "| features from text (all of ComputeFeatures, %d articles) | %s | %s | |\n",
		tn, textTime.Round(time.Millisecond), (textTime / time.Duration(tn)).Round(time.Microsecond))
	fmt.Fprintf(w, "| MinHash %d + SimHash from shingle sets | %s | %s | signatures %.0f MB (%d B each); shingle sets %.0f MB; features in all %.0f MB |\n",
		p.Hashes, featTime.Round(time.Millisecond), (featTime / time.Duration(n)).Round(time.Microsecond), sigMB, p.Hashes*4,
		float64(shingles*4)/(1<<20), featMB)
	fmt.Fprintf(w, "| detect.NearPairs: all near-duplicates (sorted %d×%d bands, exact verification) | **%s** | %s | one band at a time |\n",
		p.Bands, p.Rows(), batchTime.Round(time.Millisecond), (batchTime / time.Duration(n)).Round(time.Nanosecond))
	fmt.Fprintf(w, "| detect.Index: Add %d articles | %s | %s | index %.0f MB |\n", n-held, buildTime.Round(time.Millisecond),
		(buildTime / time.Duration(n-held)).Round(time.Nanosecond), indexMB)
	fmt.Fprintf(w, "| detect.Index: one new article, Add + Compare | | **%s** | |\n", perNew.Round(time.Microsecond))
	fmt.Fprintf(w, "| detect.Index: Remove | | %s | |\n", perRemove.Round(time.Microsecond))
	fmt.Fprintf(w, "| ekzhu/minhash-lsh: Add + Index (k=%d, l=%d chosen for threshold %.2f) | %s | %s | %.0f MB (signatures as uint64) |\n",
		rk, rl, p.NearJaccard, refBuild.Round(time.Millisecond), (refBuild / time.Duration(n)).Round(time.Nanosecond), refMB)
	fmt.Fprintf(w, "| ekzhu/minhash-lsh: Query every article + the same verification | %s | %s | %d candidates |\n\n",
		refQuery.Round(time.Millisecond), (refQuery / time.Duration(n)).Round(time.Nanosecond), cands)
	fmt.Fprintf(w, "| finder | precision | recall | F1 |\n|---|---|---|---|\n")
	fmt.Fprintf(w, "| detect.NearPairs | %s | %s | %s |\n", f3(batchM.P()), f3(batchM.R()), f3(batchM.F1()))
	fmt.Fprintf(w, "| ekzhu/minhash-lsh + verification | %s | %s | %s |\n", f3(refM.P()), f3(refM.R()), f3(refM.F1()))
	return nil
}

func loadAvg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}

func parallelDo(n int, fn func(i int)) {
	w := runtime.GOMAXPROCS(0)
	done := make(chan struct{})
	for k := 0; k < w; k++ {
		go func(k int) {
			for i := k; i < n; i += w {
				fn(i)
			}
			done <- struct{}{}
		}(k)
	}
	for k := 0; k < w; k++ {
		<-done
	}
}
