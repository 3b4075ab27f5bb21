package reuse

import (
	_ "embed"
	"strings"
)

// stopwords.txt lists English function words and the reporting verbs news
// is full of. They still count inside a passage and in exact 4-grams, but
// two of them close together is no evidence of reuse, so they never seed
// alone.
//
//go:embed stopwords.txt
var stopWordList string

var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(stopWordList) {
		m[w] = true
	}
	return m
}()
