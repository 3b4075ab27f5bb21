package app

import (
	"context"
	"slices"
	"sync"

	"github.com/storydiff/storydiff/store"
	"github.com/storydiff/storydiff/textnorm"
)

// variantIndex keeps, for each first letter read so far, the index's words
// grouped by their textnorm.VariantKey, until an article is added. Reading
// the words of a letter from FTS5's vocabulary costs tens of milliseconds
// on 21,000 articles (BENCHMARKS.md, search with other spellings); a search
// as the user types would pay it at every keystroke.
type variantIndex struct {
	mu       sync.Mutex
	stamp    int64
	byLetter map[string]map[string][]string // first letter -> key -> words
}

// Variants finds, for each word of a search outside quotes, the other
// spellings of it that the archive's index holds: the words with the same
// textnorm.VariantKey (Zelensky, Zelenskyy, Zhelensky, Selenskyj; Kiev and
// Kyiv). A key keeps a word's first letter, except that z may come from zh
// or s, so only the index's words beginning with those letters are read.
func (s *Service) Variants(ctx context.Context, query string) (map[string][]string, error) {
	var out map[string][]string
	for _, w := range store.SearchTerms(query) {
		if _, done := out[w]; done {
			continue
		}
		folded := textnorm.Fold(w)
		key := textnorm.VariantKey(folded)
		if len(folded) <= 3 || !isLowerASCII(key) {
			continue // VariantKey leaves such words as they are
		}
		starts := []string{key[:1]}
		if key[0] == 'z' {
			starts = append(starts, "s")
		}
		var found []string
		for _, p := range starts {
			keys, err := s.variants.letter(ctx, s.db, p)
			if err != nil {
				return nil, err
			}
			for _, t := range keys[key] {
				if t != folded {
					found = append(found, t)
				}
			}
		}
		if len(found) > 0 {
			if out == nil {
				out = map[string][]string{}
			}
			slices.Sort(found)
			out[w] = found
		}
	}
	return out, nil
}

// letter returns the index's words beginning with p, by variant key.
func (v *variantIndex) letter(ctx context.Context, db *store.DB, p string) (map[string][]string, error) {
	stamp, err := db.IndexStamp(ctx)
	if err != nil {
		return nil, err
	}
	v.mu.Lock()
	defer v.mu.Unlock()
	if stamp != v.stamp || v.byLetter == nil {
		v.stamp, v.byLetter = stamp, map[string]map[string][]string{}
	}
	if keys, ok := v.byLetter[p]; ok {
		return keys, nil
	}
	terms, err := db.IndexedTerms(ctx, p)
	if err != nil {
		return nil, err
	}
	keys := map[string][]string{}
	for _, t := range terms {
		k := textnorm.VariantKey(textnorm.Fold(t))
		keys[k] = append(keys[k], t)
	}
	v.byLetter[p] = keys
	return keys, nil
}
