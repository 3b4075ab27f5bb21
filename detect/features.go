package detect

import (
	"crypto/sha256"
	"encoding/binary"
	"math"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/storydiff/storydiff/core"
	"github.com/storydiff/storydiff/textnorm"
)

// Input is one article as ComputeFeatures needs it.
type Input struct {
	Text string
	// Original is the file's bytes, for the same-bytes duplicate kind; if nil
	// the text's bytes stand in.
	Original []byte
	Title    string
	// Published, if known, lets story similarity fade with the date gap.
	Published *time.Time
	// Group and Lines mark lines recurring across a folder or outlet as
	// boilerplate (see LineCounts). Both may be empty.
	Group string
	Lines *LineCounts
	// Blocks, when not nil, are MarkBlocks(Text, {Title, Group, Lines})
	// already made by the caller, who needs them too.
	Blocks []core.Block
}

// Term is one entry of a story term vector: the hash of a comparison key
// (or of a quoted phrase's words) and its weight in this article, already
// multiplied by the key's background rarity and its kind's boost.
type Term struct {
	Hash   uint64
	Weight float32
}

// Features is what one article contributes to comparisons, computed from the
// article alone. Store it with MarshalBinary; ParamsHash tells whether it is
// still current.
type Features struct {
	ParamsHash uint64
	// ByteHash, TextHash and BodyHash identify the three exact-duplicate
	// kinds: same bytes, same normalised text, same normalised text once
	// boilerplate lines are dropped.
	ByteHash uint64
	TextHash uint64
	BodyHash uint64
	// Words is the number of body words.
	Words int
	// MinHash is the signature of the body's shingle set; Shingles the set
	// itself (sorted 32-bit hashes) for verifying candidate pairs exactly.
	MinHash  []uint32
	Shingles []uint32
	SimHash  uint64
	// Sentences holds the hashes of the body's normalised sentences.
	Sentences []uint64
	// Terms and Lede are story term vectors of the whole body and of the
	// title plus the first LedeWords words, sorted by hash.
	Terms []Term
	Lede  []Term
	// Day is the publication date in days since 1970-01-01, 0 if unknown.
	Day int32
}

// Term boosts: names, numbers and quoted words say which event a text is
// about far more than its other words.
const (
	boostName   = 2.0
	boostNumber = 1.5
	boostQuote  = 1.5
)

// ComputeFeatures reads one article. It is deterministic and safe for
// concurrent use.
func ComputeFeatures(in Input, p Params) *Features {
	f := &Features{ParamsHash: p.Hash()}
	orig := in.Original
	if orig == nil {
		orig = []byte(in.Text)
	}
	sum := sha256.Sum256(orig)
	f.ByteHash = binary.LittleEndian.Uint64(sum[:8])
	f.TextHash = hashString(textnorm.Normalize(in.Text))
	if in.Published != nil {
		f.Day = int32(in.Published.Unix()/86400) + 1 // +1 keeps 1970-01-01 apart from unknown
	}

	rs := []rune(in.Text)
	blocks := in.Blocks
	if blocks == nil {
		blocks = MarkBlocks(in.Text, BlockOptions{Title: in.Title, Group: in.Group, Lines: in.Lines})
	}
	var body strings.Builder
	var toks []textnorm.Token
	var sents []uint64
	for _, b := range blocks {
		if b.Kind == KindBoilerplate {
			continue
		}
		line := rs[b.Start:b.End]
		body.WriteString(textnorm.Normalize(string(line)))
		body.WriteByte('\n')
		lt := textnorm.WordsRunes(line)
		for i := range lt {
			lt[i].Start += b.Start
			lt[i].End += b.Start
		}
		toks = append(toks, lt...)
		// A sentence is hashed by its words' keys: the same as hashing its
		// normalised text for comparison, without normalising it again.
		k := 0
		for _, s := range textnorm.Sentences(string(line)) {
			h := uint64(fnvOffset)
			for k < len(lt) && lt[k].Start-b.Start < s.End {
				if lt[k].Start-b.Start >= s.Start {
					h = (h ^ hashString(lt[k].Key)) * fnvPrime
				}
				k++
			}
			sents = append(sents, mix(h))
		}
	}
	f.BodyHash = hashString(body.String())
	f.Words = len(toks)
	f.Sentences = sents

	keys := make([]uint64, len(toks))
	for i, t := range toks {
		keys[i] = hashString(t.Key)
	}
	sh := shingles(keys, p.Shingle)
	f.Shingles = sh
	f.MinHash = minHash(sh, p.Hashes, p.Seed)
	f.SimHash = simHash(sh)

	terms, lede := termVectors(rs, toks, in.Title, p.LedeWords)
	f.Terms, f.Lede = terms, lede
	return f
}

// shingles returns the sorted, unique 32-bit hashes of every k consecutive
// keys (one shingle of all keys if there are fewer than k).
func shingles(keys []uint64, k int) []uint32 {
	if len(keys) == 0 {
		return nil
	}
	if k < 1 {
		k = 1
	}
	n := len(keys) - k + 1
	if n < 1 {
		n = 1
		k = len(keys)
	}
	out := make([]uint32, 0, n)
	for i := 0; i < n; i++ {
		h := uint64(fnvOffset)
		for _, key := range keys[i : i+k] {
			h = (h ^ key) * fnvPrime
		}
		out = append(out, uint32(mix(h)>>32))
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	w := 0
	for i, v := range out {
		if i == 0 || v != out[w-1] {
			out[w] = v
			w++
		}
	}
	return out[:w]
}

// termVectors builds the whole-text and lede story vectors.
func termVectors(rs []rune, toks []textnorm.Token, title string, ledeWords int) (all, lede []Term) {
	var acc, ledeAcc []termHit
	b := bg()
	quoted := quotedRanges(rs)
	q := 0
	for i, t := range toks {
		c := b.count(t.Key)
		if c > stopCount || (len(t.Key) < 2 && !hasDigit(t.Key)) {
			continue
		}
		boost := 1.0
		switch {
		case hasDigit(t.Key):
			boost = boostNumber
		case isName(rs, t):
			boost = boostName
		}
		for q < len(quoted) && quoted[q].End <= t.Start {
			q++
		}
		if q < len(quoted) && quoted[q].Start <= t.Start {
			boost *= boostQuote
		}
		h := termHit{hashString(t.Key), boost * b.idfCount(c)}
		acc = append(acc, h)
		if i < ledeWords {
			ledeAcc = append(ledeAcc, h)
		}
	}
	for _, t := range textnorm.Words(title) {
		if c := b.count(t.Key); c <= stopCount && len(t.Key) > 1 {
			ledeAcc = append(ledeAcc, termHit{hashString(t.Key), b.idfCount(c)})
		}
	}
	return sortedTerms(acc), sortedTerms(ledeAcc)
}

// termHit is one occurrence of a key with its boosted rarity.
type termHit struct {
	h uint64
	w float64
}

// sortedTerms merges the hits of each key and weighs it by (1 + ln tf)
// times its highest boosted rarity; sorting a slice beats a map here.
func sortedTerms(hits []termHit) []Term {
	slices.SortFunc(hits, func(a, b termHit) int {
		switch {
		case a.h < b.h:
			return -1
		case a.h > b.h:
			return 1
		}
		return 0
	})
	out := make([]Term, 0, len(hits))
	for i := 0; i < len(hits); {
		j, w := i, 0.0
		for j < len(hits) && hits[j].h == hits[i].h {
			w = math.Max(w, hits[j].w)
			j++
		}
		out = append(out, Term{Hash: hits[i].h, Weight: float32((1 + math.Log(float64(j-i))) * w)})
		i = j
	}
	return out
}

func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}

// isName: a capitalised word that does not open a sentence or line.
func isName(rs []rune, t textnorm.Token) bool {
	if !unicode.IsUpper(rs[t.Start]) {
		return false
	}
	for i := t.Start - 1; i >= 0; i-- {
		r := rs[i]
		switch {
		case r == '\n' || r == '.' || r == '!' || r == '?' || r == ':':
			return false
		case unicode.IsSpace(r) || strings.ContainsRune("\"'“”‘’«»(", r):
			continue
		default:
			return true
		}
	}
	return false
}

// quotedRanges finds the spans between double quotes, curly or straight.
func quotedRanges(rs []rune) []core.Span {
	var out []core.Span
	open := -1
	for i, r := range rs {
		switch r {
		case '“', '«', '„':
			open = i
		case '”', '»':
			if open >= 0 {
				out = append(out, core.Span{Start: open, End: i})
				open = -1
			}
		case '"':
			if open >= 0 {
				out = append(out, core.Span{Start: open, End: i})
				open = -1
			} else {
				open = i
			}
		case '\n':
			open = -1
		}
	}
	return out
}

// FeaturesFromShingles makes the duplicate-finding part of Features (the
// shingle set, its MinHash signature and SimHash) from shingle hashes a
// caller made its own way, for example to benchmark the index on millions
// of synthetic sets without making their texts. The exact-duplicate hashes
// are derived from the set, and there are no story terms.
func FeaturesFromShingles(shingles []uint32, p Params) *Features {
	set := append([]uint32(nil), shingles...)
	slices.Sort(set)
	set = slices.Compact(set)
	f := &Features{ParamsHash: p.Hash(), Words: len(set), Shingles: set}
	f.MinHash = minHash(set, p.Hashes, p.Seed)
	f.SimHash = simHash(set)
	h := make([]uint64, len(set))
	for i, v := range set {
		h[i] = uint64(v)
	}
	f.TextHash = hashUint64s(h)
	f.BodyHash, f.ByteHash = f.TextHash, f.TextHash
	return f
}
