package evidence

import (
	"math/rand"
	"strings"
	"testing"
)

// nearSpellingByStrings is nearSpelling as first written, on lower-cased
// strings: the reference the stack version must agree with.
func nearSpellingByStrings(x, y string) bool {
	x, y = strings.ToLower(x), strings.ToLower(y)
	rx, ry := []rune(x), []rune(y)
	if len(rx) >= 3 && len(ry) >= 3 && (strings.HasPrefix(x, y) || strings.HasPrefix(y, x)) {
		return true
	}
	if len(rx) <= 4 || len(ry) <= 4 {
		return false
	}
	prev := make([]int, len(ry)+1)
	cur := make([]int, len(ry)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(rx); i++ {
		cur[0] = i
		for j := 1; j <= len(ry); j++ {
			c := prev[j-1]
			if rx[i-1] != ry[j-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(ry)] <= 2
}

// The stack version gives what the reference gives on words of every
// length (past its buffers too), case and script, and on the pairs its
// comment names.
func TestNearSpellingIsTheReference(t *testing.T) {
	for _, c := range [][2]string{{"law", "laws"}, {"Australia", "Australian"}, {"HOSUING", "HOUSING"},
		{"BANK", "BANKING"}, {"NET", "LOSS"}, {"Шойгу", "ШОЙГУ"}, {"", "abc"}} {
		if got, want := nearSpelling(c[0], c[1]), nearSpellingByStrings(c[0], c[1]); got != want {
			t.Errorf("nearSpelling(%q, %q) = %v, want %v", c[0], c[1], got, want)
		}
	}
	alphabet := []rune("abcdeABCDEéÉßşİ")
	rng := rand.New(rand.NewSource(1))
	word := func() string {
		n := rng.Intn(40)
		rs := make([]rune, n)
		for i := range rs {
			rs[i] = alphabet[rng.Intn(len(alphabet))]
		}
		return string(rs)
	}
	near := 0
	for i := 0; i < 200000; i++ {
		x := word()
		y := x
		// Mostly words a few edits apart, so that both answers occur.
		for k := rng.Intn(4); k > 0 && len(y) > 0; k-- {
			rs := []rune(y)
			p := rng.Intn(len(rs))
			switch rng.Intn(3) {
			case 0:
				rs[p] = alphabet[rng.Intn(len(alphabet))]
			case 1:
				rs = append(rs[:p], rs[p+1:]...)
			default:
				rs = append(rs[:p], append([]rune{alphabet[rng.Intn(len(alphabet))]}, rs[p:]...)...)
			}
			y = string(rs)
		}
		if rng.Intn(4) == 0 {
			y = word()
		}
		got, want := nearSpelling(x, y), nearSpellingByStrings(x, y)
		if got != want {
			t.Fatalf("nearSpelling(%q, %q) = %v, want %v", x, y, got, want)
		}
		if got {
			near++
		}
	}
	if near == 0 {
		t.Fatal("no pair was near: the test proves nothing")
	}
}
