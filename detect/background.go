package detect

import (
	"bufio"
	_ "embed"
	"math"
	"strconv"
	"strings"
	"sync"
)

// background_freq.txt holds SUBTLEX-US word counts by comparison key (see
// internal/genfreq). It stands in for the document frequencies a small
// archive cannot estimate: with five articles every shared word looks rare.
//
//go:embed background_freq.txt
var backgroundFile string

type background struct {
	counts map[string]uint32
	total  float64
}

// bg is the background model, read from the embedded file on first use:
// about 3 MB and a few milliseconds that a command not analysing text (list,
// show, diff) should not pay at start.
var bg = sync.OnceValue(func() *background { return loadBackground(backgroundFile) })

func loadBackground(src string) *background {
	b := &background{counts: make(map[string]uint32, 30000)}
	sc := bufio.NewScanner(strings.NewReader(src))
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") {
			if i := strings.Index(line, "total "); i >= 0 {
				f := strings.Fields(line[i+len("total "):])
				if len(f) > 0 {
					t, _ := strconv.ParseFloat(f[0], 64)
					b.total = t
				}
			}
			continue
		}
		k, v, ok := strings.Cut(line, "\t")
		if !ok {
			continue
		}
		n, err := strconv.ParseUint(v, 10, 32)
		if err == nil {
			b.counts[k] = uint32(n)
		}
	}
	if b.total == 0 {
		b.total = 5e7
	}
	return b
}

// stopCount: keys this frequent in everyday English carry no topic.
const stopCount = 20000

// idf is the information a key carries against everyday English: about
// ln(total/count), with counts smoothed so unseen names get the most.
func (b *background) idf(key string) float64 { return b.idfCount(b.counts[key]) }

func (b *background) idfCount(c uint32) float64 {
	return math.Log((b.total + 1) / (float64(c) + 50))
}

func (b *background) count(key string) uint32 { return b.counts[key] }
