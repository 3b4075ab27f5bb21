package gen_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/storydiff/storydiff/bench/eval/gen"
)

func TestGenerateDeterministic(t *testing.T) {
	opt := gen.Options{Seed: 7, Events: 10, Distractors: 5}
	a, b := gen.Generate(opt), gen.Generate(opt)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("two corpora from the same options differ")
	}
	opt.Seed = 8
	if c := gen.Generate(opt); reflect.DeepEqual(a, c) {
		t.Fatal("another seed gave the same corpus")
	}
}

func TestGenerateTruth(t *testing.T) {
	c := gen.Generate(gen.Options{Seed: 3, Events: 40, Distractors: 20})
	ids := map[int64]bool{}
	exact := map[int]string{}
	repeats := 0
	for _, a := range c.Articles {
		if ids[a.ID] {
			t.Fatalf("duplicate id %d", a.ID)
		}
		ids[a.ID] = true
		if a.Story == 0 || a.Wire == 0 {
			t.Fatalf("article %d without story or wire", a.ID)
		}
		if a.Exact != 0 && a.ExactKind == "bytes" {
			if prev, ok := exact[a.Exact]; ok && prev != a.Text {
				t.Errorf("exact class %d (bytes) holds two texts", a.Exact)
			}
			exact[a.Exact] = a.Text
		}
		if a.Repeat != "" {
			repeats++
			if len(a.RepeatAt) != 2 || strings.Count(strings.ReplaceAll(a.Text, "\r\n", "\n"), a.Repeat) != 2 {
				t.Errorf("article %d: repeat found at %v, want exactly 2 places", a.ID, a.RepeatAt)
			}
		}
	}
	if repeats == 0 || len(exact) == 0 {
		t.Errorf("corpus has %d repeats and %d exact classes, want some of each", repeats, len(exact))
	}
}
