package cli

import (
	"bytes"
	"errors"
	"math"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/storydiff/storydiff/app"
	"github.com/storydiff/storydiff/diffing"
	"github.com/storydiff/storydiff/diffing/synth"
)

// fill sets every exported field of v, recursively, to random values: a
// field added to Comparison, Result, Stats or Op later is filled too, so
// the comparison below fails until writeComparisonJSON writes it.
func fill(rng *rand.Rand, v reflect.Value, depth int) {
	switch v.Kind() {
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fill(rng, v.Elem(), depth)
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				fill(rng, v.Field(i), depth)
			}
		}
	case reflect.Slice:
		n := 0
		if depth < 2 {
			n = []int{0, 0, 1, 3}[rng.IntN(4)]
		}
		if n == 0 && rng.IntN(2) == 0 {
			v.Set(reflect.MakeSlice(v.Type(), 0, 0)) // empty, not nil
			return
		}
		if n > 0 {
			v.Set(reflect.MakeSlice(v.Type(), n, n))
			for i := range n {
				fill(rng, v.Index(i), depth+1)
			}
		}
	case reflect.String:
		if rng.IntN(4) == 0 {
			return // empty: omitempty fields left out
		}
		pieces := []string{"word", " ", "\"", "\\", "<b>&", "\n", "\r\t", "\b\f", "\x00\x01\x1f", "\x7f", "é", "中",
			"\u2028\u2029", "👨‍👩‍👧", "\xff", "\xe2\x80", "</script>", "'"}
		var s strings.Builder
		for range rng.IntN(6) + 1 {
			s.WriteString(pieces[rng.IntN(len(pieces))])
		}
		v.SetString(s.String())
	case reflect.Int, reflect.Int64:
		v.SetInt([]int64{0, 1, -1, 42, math.MaxInt64, math.MinInt64, rng.Int64N(1 << 40)}[rng.IntN(7)])
	case reflect.Bool:
		v.SetBool(rng.IntN(2) == 0)
	case reflect.Float64:
		v.SetFloat([]float64{0, math.Copysign(0, -1), 1, 0.035, 1.0 / 3, 1e-7, 1.5e-9, 1e21, 1e20, 123456789.125, rng.Float64()}[rng.IntN(11)])
	}
}

func encodeBoth(t *testing.T, c *app.Comparison) (fast, slow string, fastErr, slowErr error) {
	t.Helper()
	var f, s bytes.Buffer
	fastErr = writeComparisonJSON(&f, c)
	slowErr = writeJSON(&s, c)
	return f.String(), s.String(), fastErr, slowErr
}

// TestComparisonJSONAsEncodingJSON compares the fast writer with writeJSON
// (encoding/json) on random comparisons with every field set or left
// empty, hostile strings (quotes, backslashes, control characters, HTML,
// U+2028, broken UTF-8) and floats needing the exponent form.
func TestComparisonJSONAsEncodingJSON(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for k := range 3000 {
		var c app.Comparison
		fill(rng, reflect.ValueOf(&c).Elem(), 0)
		if k%50 == 0 {
			c.Result = nil
		}
		fast, slow, ferr, serr := encodeBoth(t, &c)
		if ferr != nil || serr != nil {
			t.Fatalf("case %d: errors %v / %v", k, ferr, serr)
		}
		if fast != slow {
			t.Fatalf("case %d: fast writer gave\n%s\nencoding/json\n%s", k, fast, slow)
		}
	}
}

// TestComparisonJSONOfRealDiffs does the same on diffs with moves, minor
// edits and details, and checks that a float JSON cannot hold fails as
// encoding/json fails.
func TestComparisonJSONOfRealDiffs(t *testing.T) {
	a := synth.Article(1, 60_000) // a few hundred KB of JSON: written in pieces
	pairs := [][2]string{
		{a, synth.Edit(2, a, 0.05)},
		{"One two three four five six.\n\nSeven eight nine ten eleven.\n\nZelensky said “yes”.", "Seven eight nine ten eleven.\n\nOne two three four five six.\n\nZelenskyy said \"yes\"."},
		{"goverment <b>", "government <i>"},
	}
	for _, p := range pairs {
		c := &app.Comparison{A: 1, B: 2, Similarity: 0.5, Result: diffing.Diff(p[0], p[1], diffing.Options{})}
		fast, slow, ferr, serr := encodeBoth(t, c)
		if ferr != nil || serr != nil || fast != slow {
			t.Fatalf("fast writer differs (errors %v / %v)\n%s\nencoding/json\n%s", ferr, serr, fast, slow)
		}
	}
	big := &app.Comparison{Result: diffing.Diff(a, synth.Edit(3, a, 0.05), diffing.Options{})}
	if err := writeComparisonJSON(failingWriter{}, big); err == nil {
		t.Fatal("a failing writer: no error")
	}
	c := &app.Comparison{Similarity: math.NaN(), Result: diffing.Diff("a", "b", diffing.Options{})}
	if _, _, ferr, serr := encodeBoth(t, c); ferr == nil || serr == nil {
		t.Fatalf("NaN similarity: errors %v / %v, want both", ferr, serr)
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }
