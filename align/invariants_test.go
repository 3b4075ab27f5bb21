package align_test

import (
	"testing"

	"github.com/storydiff/storydiff/align"
	"github.com/storydiff/storydiff/textnorm"
)

// checkInvariants checks what every alignment promises: each sentence of
// both texts in exactly one link, consecutive indices, spans covering them,
// links in place ascending in both texts and in B's order overall, and kinds
// and scores that match the shape of each link.
func checkInvariants(t *testing.T, a, b string, r align.Alignment) {
	t.Helper()
	if len(r.A) != len(textnorm.Sentences(a)) || len(r.B) != len(textnorm.Sentences(b)) {
		t.Fatalf("%d and %d sentences, segmentation gives %d and %d",
			len(r.A), len(r.B), len(textnorm.Sentences(a)), len(textnorm.Sentences(b)))
	}
	seenA, seenB := make([]int, len(r.A)), make([]int, len(r.B))
	lastA, lastB := -1, -1
	for k, l := range r.Links {
		if len(l.A)+len(l.B) == 0 {
			t.Fatalf("link %d is empty", k)
		}
		for x, i := range l.A {
			seenA[i]++
			if x > 0 && i != l.A[x-1]+1 || r.LinkOfA[i] != k {
				t.Fatalf("link %d: A %v not consecutive or not indexed", k, l.A)
			}
		}
		for x, j := range l.B {
			seenB[j]++
			if x > 0 && j != l.B[x-1]+1 || r.LinkOfB[j] != k {
				t.Fatalf("link %d: B %v not consecutive or not indexed", k, l.B)
			}
		}
		if len(l.A) > 0 && (l.SpanA.Start != r.A[l.A[0]].Span.Start || l.SpanA.End != r.A[l.A[len(l.A)-1]].Span.End) {
			t.Fatalf("link %d: span A %v does not cover %v", k, l.SpanA, l.A)
		}
		if len(l.B) > 0 && (l.SpanB.Start != r.B[l.B[0]].Span.Start || l.SpanB.End != r.B[l.B[len(l.B)-1]].Span.End) {
			t.Fatalf("link %d: span B %v does not cover %v", k, l.SpanB, l.B)
		}
		if len(l.B) > 0 {
			if l.B[0] <= lastB {
				t.Fatalf("link %d: B %v out of B's order", k, l.B)
			}
			lastB = l.B[len(l.B)-1]
		}
		if !l.Moved && len(l.A) > 0 {
			if l.A[0] <= lastA {
				t.Fatalf("link %d: A %v out of order but not marked moved", k, l.A)
			}
			lastA = l.A[len(l.A)-1]
		}
		wantKind := map[[2]bool]align.Kind{{false, true}: align.Added, {true, false}: align.Removed}
		if k, ok := wantKind[[2]bool{len(l.A) > 0, len(l.B) > 0}]; ok && l.Kind != k {
			t.Fatalf("link %+v should be %s", l, k)
		}
		switch l.Kind {
		case align.Equal, align.Edited:
			if len(l.A) != 1 || len(l.B) != 1 {
				t.Fatalf("%s link %+v is not one to one", l.Kind, l)
			}
		case align.Split:
			if len(l.A) != 1 || len(l.B) < 2 {
				t.Fatalf("split link %+v", l)
			}
		case align.Merged:
			if len(l.A) < 2 || len(l.B) != 1 {
				t.Fatalf("merged link %+v", l)
			}
		}
		if l.Score < 0 || l.Score > 1 || (l.Kind == align.Equal && l.Score != 1) ||
			((l.Kind == align.Added || l.Kind == align.Removed) && l.Score != 0) {
			t.Fatalf("link %+v has score %v", l, l.Score)
		}
	}
	for i, n := range seenA {
		if n != 1 {
			t.Fatalf("sentence %d of A in %d links", i, n)
		}
	}
	for j, n := range seenB {
		if n != 1 {
			t.Fatalf("sentence %d of B in %d links", j, n)
		}
	}
}

func TestInvariantsOnGenerated(t *testing.T) {
	for _, texts := range corpora(t) {
		for k, a := range texts {
			for s := range 4 {
				v := gen(t, uint64(77*k+s), a, defaultRates)
				checkInvariants(t, v.a, v.b, align.Align(v.a, v.b, align.Options{}))
				// The reverse direction is a valid alignment too.
				checkInvariants(t, v.b, v.a, align.Align(v.b, v.a, align.Options{}))
			}
		}
	}
}

func FuzzAlign(f *testing.F) {
	f.Add("Austin called Shoigu. The call lasted an hour.", "The call lasted an hour. Austin called Shoigu on Friday.")
	f.Add("A. B. C.", "C. B. A.")
	f.Add("Mr. Smith went.\n\nHe left. He came back.", "He came back and left.")
	f.Add("\xff\xfe bad bytes. Fine.", "Fine. \xff")
	f.Fuzz(func(t *testing.T, a, b string) {
		checkInvariants(t, a, b, align.Align(a, b, align.Options{}))
		checkInvariants(t, a, b, align.Align(a, b, align.Options{MaxCells: 4}))
	})
}
