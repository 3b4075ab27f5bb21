package cli

import (
	"bytes"
	"encoding/json"
	"math/rand"
	"strings"
	"testing"

	"github.com/storydiff/storydiff/diffing"
	"github.com/storydiff/storydiff/diffing/synth"
)

// encoderIndent is what writeJSON wrote before indentJSON: the encoder's
// own indentation.
func encoderIndent(t *testing.T, v any) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestWriteJSONIndentsAsTheEncoderDid(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	pieces := []string{"a", "\"", "\\", "\\\"", "{", "}", "[", "]", ",", ":", " ", "\n", "\t", "\u2028", "é", "<b>&", "\x01", "\xff", "日本"}
	randString := func() string {
		var b strings.Builder
		for n := rng.Intn(8); n > 0; n-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		return b.String()
	}
	var randValue func(depth int) any
	randValue = func(depth int) any {
		switch k := rng.Intn(9); {
		case depth > 4 || k == 0:
			return randString()
		case k == 1:
			return rng.Float64() * 1e6
		case k == 2:
			return rng.Intn(1000) - 500
		case k == 3:
			return rng.Intn(2) == 0
		case k == 4:
			return nil
		case k <= 6:
			m := map[string]any{}
			for n := rng.Intn(4); n > 0; n-- {
				m[randString()] = randValue(depth + 1)
			}
			return m
		default:
			s := []any{}
			for n := rng.Intn(4); n > 0; n-- {
				s = append(s, randValue(depth+1))
			}
			return s
		}
	}
	values := []any{nil, "", 0, []any{}, map[string]any{}, []any{[]any{}, map[string]any{"": []any{}}},
		struct {
			A []int           `json:"a"`
			B map[string]bool `json:"b"`
			C *int            `json:"c"`
			D json.RawMessage `json:"d"`
		}{B: map[string]bool{}, D: json.RawMessage(` { "x" : [ 1 , 2 ] } `)}}
	for i := 0; i < 3000; i++ {
		values = append(values, randValue(0))
	}
	for _, v := range values {
		var got bytes.Buffer
		if err := writeJSON(&got, v); err != nil {
			t.Fatal(err)
		}
		if want := encoderIndent(t, v); got.String() != want {
			t.Fatalf("writeJSON(%#v) =\n%s\nwant\n%s", v, got.String(), want)
		}
	}
	// A value the encoder refuses writes nothing, as before.
	var out bytes.Buffer
	if err := writeJSON(&out, map[string]any{"f": func() {}}); err == nil || out.Len() != 0 {
		t.Errorf("writeJSON of a function = %v, wrote %q; want an error and nothing written", err, out.String())
	}
}

// The largest JSON storydiff writes is a diff: a 200 KB pair's, as
// `storydiff diff --json` prints it, is the encoder's bytes.
func TestWriteJSONOfALargeDiffIsTheEncoders(t *testing.T) {
	a := synth.Article(11, 200_000)
	r := diffing.Diff(a, synth.Edit(21, a, 0.05), diffing.Options{Timeout: -1})
	var got bytes.Buffer
	if err := writeJSON(&got, r); err != nil {
		t.Fatal(err)
	}
	if want := encoderIndent(t, r); got.String() != want {
		t.Fatalf("writeJSON of a 200 KB diff differs from the encoder's output (%d bytes, want %d)", got.Len(), len(want))
	}
}
