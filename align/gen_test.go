package align_test

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/storydiff/storydiff/diffing/synth"
	"github.com/storydiff/storydiff/textnorm"
)

// truthPair is a link a generated version is known to have: sentence a of
// the original became (part of) sentence b of the version.
type truthPair struct{ a, b int }

// version is a generated edit of a text with the links it was made with.
type version struct {
	a, b  string
	truth map[truthPair]bool
	moved map[int]bool // sentences of B that were moved
}

// rates are the chances that each sentence of the original is edited,
// split, merged with the next, deleted, replaced by an unrelated sentence
// or moved, and that a new sentence
// is inserted after it; the rest is kept as it was. An edited sentence has
// up to strength of its words replaced, dropped or added to.
type rates struct{ edit, split, merge, del, replace, move, insert, strength float64 }

var defaultRates = rates{edit: 0.3, split: 0.06, merge: 0.06, del: 0.05, replace: 0.05, move: 0.05, insert: 0.05, strength: 0.8}

// gen writes a new version of a with known links: each sentence of B on
// its own line, so that B's sentences are exactly the generated ones.
func gen(t testing.TB, seed uint64, a string, rt rates) version {
	r := rand.New(rand.NewPCG(seed, 0xa11))
	rs := []rune(a)
	spans := textnorm.Sentences(a)
	filler := textnorm.Sentences(synth.Article(seed+1000, 20_000))
	type out struct {
		text  string
		from  []int
		moved bool
	}
	var outs, held []out
	for i := 0; i < len(spans); i++ {
		s := string(rs[spans[i].Start:spans[i].End])
		words := textnorm.Words(s)
		switch x := r.Float64(); {
		case x < rt.edit && len(words) >= 4:
			e := editWords(r, s, words, rt.strength)
			if len(textnorm.Sentences(e)) != 1 {
				e = s // the edit dropped what kept a point from ending it
			}
			outs = append(outs, out{text: e, from: []int{i}})
		case x < rt.edit+rt.split && len(words) >= 12:
			cut := words[len(words)/2].Start
			first := strings.TrimRight(string([]rune(s)[:cut]), " ,;:") + "."
			outs = append(outs, out{text: first, from: []int{i}}, out{text: capitalise(string([]rune(s)[cut:])), from: []int{i}})
		case x < rt.edit+rt.split+rt.merge && i+1 < len(spans) && len(words) >= 3:
			next := string(rs[spans[i+1].Start:spans[i+1].End])
			if len(textnorm.Words(next)) < 3 {
				outs = append(outs, out{text: s, from: []int{i}})
				break
			}
			joined := strings.TrimRight(s, ".!?") + ", and " + lowerFirst(next)
			outs = append(outs, out{text: joined, from: []int{i, i + 1}})
			i++
		case x < rt.edit+rt.split+rt.merge+rt.del:
		case x < rt.edit+rt.split+rt.merge+rt.del+rt.replace:
			f := filler[r.IntN(len(filler))]
			outs = append(outs, out{text: string([]rune(synthText(seed))[f.Start:f.End])})
		case x < rt.edit+rt.split+rt.merge+rt.del+rt.replace+rt.move && len(words) >= 6:
			held = append(held, out{text: s, from: []int{i}, moved: true})
		default:
			outs = append(outs, out{text: s, from: []int{i}})
		}
		if r.Float64() < rt.insert {
			f := filler[r.IntN(len(filler))]
			outs = append(outs, out{text: string([]rune(synthText(seed))[f.Start:f.End])})
		}
	}
	// Moved sentences go to a random place, far from where they were.
	for _, h := range held {
		at := r.IntN(len(outs) + 1)
		outs = append(outs[:at], append([]out{h}, outs[at:]...)...)
	}
	v := version{a: a, truth: map[truthPair]bool{}, moved: map[int]bool{}}
	lines := make([]string, len(outs))
	for j, o := range outs {
		lines[j] = o.text
		for _, i := range o.from {
			v.truth[truthPair{i, j}] = true
		}
		if o.moved {
			v.moved[j] = true
		}
	}
	v.b = strings.Join(lines, "\n")
	if got := len(textnorm.Sentences(v.b)); got != len(outs) {
		for _, l := range lines {
			if len(textnorm.Sentences(l)) != 1 {
				t.Logf("%q", l)
			}
		}
		t.Fatalf("generated %d sentences, segmentation finds %d", len(outs), got)
	}
	return v
}

var synthCache = map[uint64]string{}

func synthText(seed uint64) string {
	if s, ok := synthCache[seed]; ok {
		return s
	}
	s := synth.Article(seed+1000, 20_000)
	synthCache[seed] = s
	return s
}

// editWords replaces, drops or adds to a share of the words, at least one
// and at most strength of them.
func editWords(r *rand.Rand, s string, words []textnorm.Token, strength float64) string {
	rs := []rune(s)
	n := 1 + r.IntN(max(1, int(strength*float64(len(words)-1))))
	change := map[int]int{} // word -> 0 replace, 1 drop, 2 insert after
	for len(change) < n {
		change[1+r.IntN(len(words)-1)] = r.IntN(3) // keep the first word and its capital
	}
	var b strings.Builder
	at := 0
	for k, w := range words {
		op, ok := change[k]
		if !ok {
			continue
		}
		b.WriteString(string(rs[at:w.Start]))
		switch op {
		case 0:
			b.WriteString(fillerWord(r))
		case 1:
		case 2:
			b.WriteString(w.Text + " " + fillerWord(r))
		}
		at = w.End
	}
	b.WriteString(string(rs[at:]))
	return strings.Join(strings.Fields(b.String()), " ")
}

var fillerWords = strings.Fields("reportedly also later however officially quietly broadly several major local")

func fillerWord(r *rand.Rand) string { return fillerWords[r.IntN(len(fillerWords))] }

func capitalise(s string) string {
	s = strings.TrimSpace(s)
	rs := []rune(s)
	if len(rs) > 0 {
		rs[0] = unicode.ToUpper(rs[0])
	}
	return string(rs)
}

func lowerFirst(s string) string {
	rs := []rune(s)
	if len(rs) > 1 && unicode.IsUpper(rs[0]) && unicode.IsLower(rs[1]) {
		rs[0] = unicode.ToLower(rs[0])
	}
	return string(rs)
}

// seeds reads the five seed articles.
func seeds(t testing.TB) []string {
	paths, err := filepath.Glob("../testdata/seeds/*.txt")
	if err != nil || len(paths) == 0 {
		t.Fatalf("seed articles: %v (%d found)", err, len(paths))
	}
	var out []string
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, string(b))
	}
	return out
}
