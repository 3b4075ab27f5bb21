package evidence

import (
	"reflect"
	"testing"
)

// A key few articles hold keeps its weight; one held by a growing share of
// the archive keeps less; an archive or a key too small to count keeps all.
func TestKeptFallsWithAKeysShareOfTheArchive(t *testing.T) {
	if k := kept(5, 5); k != 1 {
		t.Errorf("a five-article archive weighed its keys: %.2f", k)
	}
	if k := kept(19, 1000); k != 1 {
		t.Errorf("19 holders of 1,000 weighed: %.2f", k)
	}
	if k := kept(100, 20000); k != 1 {
		t.Errorf("a key of 0.5%% weighed: %.2f", k)
	}
	prev := 1.0
	for _, share := range []float64{0.05, 0.1, 0.15, 0.2} {
		k := kept(int(share*20000), 20000)
		if k >= prev || k <= 0 {
			t.Errorf("share %.2f keeps %.2f after %.2f", share, k, prev)
		}
		prev = k
	}
	if a, b := kept(4000, 20000), kept(19000, 20000); a != b {
		t.Errorf("past the cap counts differ: %.3f and %.3f", a, b)
	}
}

// Two results notices of different companies share the wire's boilerplate
// names ("Corp", "Navy" of a contracts desk): in an archive where most
// items name them, they count for little, and the pair scores lower; a
// name few articles hold still counts in full.
func TestCommonNamesOfAnArchiveCountLess(t *testing.T) {
	a := profileOf("GENERAL DYNAMICS GETS NAVY CONTRACT",
		"The Electric Boat Division of General Dynamics Corp is being awarded a modification to a Navy contract, the Defense Department said. Reuter", "1987-03-20")
	b := profileOf("GRUMMAN GETS NAVY CONTRACT",
		"Grumman Corp is being awarded a Navy contract for Prowler aircraft, the Defense Department said. Reuter", "1987-03-20")
	common := map[string]bool{"Corp": true, "Navy": true, "Defense": true, "Department": true, "Reuter": true}
	holders := map[uint64]int{}
	for _, p := range []*Profile{a, b} {
		for _, l := range [][]Item{p.Names, p.Terms, p.Title, p.Lede, p.Places} {
			for _, it := range l {
				if common[it.Text] || common[titleCase(it.Text)] {
					holders[it.Key] = 6000
				} else {
					holders[it.Key] = 2
				}
			}
		}
	}
	before := Score(a, b).Score
	shared := sharedCount(a.Names, b.Names)
	c := Census{Articles: 20000, Holding: func(k uint64) int { return holders[k] }}
	a.Discount(c)
	b.Discount(c)
	after := Score(a, b).Score
	if after >= before {
		t.Errorf("score %.2f with the census, %.2f without: common names still count in full", after, before)
	}
	if got := sharedCount(a.Names, b.Names); got >= shared {
		t.Errorf("shared names count %.2f with the census, %.2f without", got, shared)
	}
	for _, it := range a.Names {
		if it.Text == "Dynamics" && it.Common != 0 {
			t.Errorf("a rare name lost weight: %+v", it)
		}
	}
	w := a.Names[0].W
	a.Discount(c)
	if a.Names[0].W != w {
		t.Errorf("a second Discount weighed again: %v then %v", w, a.Names[0].W)
	}
}

// A census that counts only the keys that lose weight discounts a profile
// as the whole census does.
func TestCensusOfTheKeysThatWeighIsEnough(t *testing.T) {
	text := "The Electric Boat Division of General Dynamics Corp is being awarded a modification to a Navy contract, the Defense Department said. Reuter"
	full, part := profileOf("GENERAL DYNAMICS GETS NAVY CONTRACT", text, "1987-03-20"), profileOf("GENERAL DYNAMICS GETS NAVY CONTRACT", text, "1987-03-20")
	const n = 1000
	holders := map[uint64]int{}
	for i, k := range full.DiscountKeys() {
		holders[k] = []int{1, 19, 25, 40, 300, 900}[i%6]
	}
	weighed := 0
	full.Discount(Census{Articles: n, Holding: func(k uint64) int { return holders[k] }})
	part.Discount(Census{Articles: n, Holding: func(k uint64) int {
		if Weighs(holders[k], n) {
			weighed++
			return holders[k]
		}
		return 0
	}})
	if weighed == 0 {
		t.Fatal("no key weighs: the test proves nothing")
	}
	if !reflect.DeepEqual(full, part) {
		t.Errorf("the census of the keys that weigh discounts otherwise: names %+v and %+v", full.Names, part.Names)
	}
	// 25 of 1,000 keep their weight but mark a common word of what
	// happened (more than eventShare); 30 of 10,000 do neither.
	if Weighs(19, 1000) || !Weighs(25, 1000) || !Weighs(40, 1000) || Weighs(30, 10000) || Weighs(300, 199) {
		t.Error("Weighs disagrees with the shares a key loses weight from")
	}
}

// Without a census large enough to read, a profile is left as it is.
func TestSmallArchiveLeavesProfilesAlone(t *testing.T) {
	a := profileOf("Ministers speak", "Minister Alvarez spoke to Minister Okafor.", "")
	want := a.Names[0].W
	a.Discount(Census{Articles: 5, Holding: func(uint64) int { return 5 }})
	if a.Names[0].W != want || a.Names[0].Common != 0 {
		t.Errorf("a five-article census weighed a name: %+v", a.Names[0])
	}
}

func titleCase(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	out := string(r[0])
	for _, c := range r[1:] {
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		out += string(c)
	}
	return out
}
