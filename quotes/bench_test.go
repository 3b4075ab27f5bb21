package quotes

import (
	"math/rand"
	"os"
	"strings"
	"testing"
)

// article10KB returns about 10 KB of article text made of the seed
// articles, which are dense in quotes.
func article10KB(b *testing.B) string {
	var sb strings.Builder
	for _, f := range []string{"002_965cdb6d1926d39b.txt", "003_d2567b8d7e929331.txt", "004_0cbc97742eea5343.txt"} {
		data, err := os.ReadFile("../testdata/seeds/" + f)
		if err != nil {
			b.Fatal(err)
		}
		sb.Write(data)
		sb.WriteString("\n\n")
	}
	text := sb.String()
	for len(text) < 10_000 {
		text += text
	}
	return text[:strings.LastIndex(text[:10_000], "\n")]
}

func BenchmarkFind10KB(b *testing.B) {
	text := article10KB(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		n = len(Find(text))
	}
	b.ReportMetric(float64(n), "quotes")
}

func BenchmarkGroup10000(b *testing.B) {
	items := generated(rand.New(rand.NewSource(1)), 2500, 4)
	b.ReportAllocs()
	groups := 0
	for b.Loop() {
		groups = len(Group(items))
	}
	b.ReportMetric(float64(groups), "groups")
}
