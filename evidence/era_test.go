package evidence

import "testing"

// A profile's era is the median of the years its text names, alone or in a
// full date; counts that look like years are not years, and one year alone
// makes no era. The era survives the codec.
func TestEraIsTheMedianYearNamed(t *testing.T) {
	for _, c := range []struct {
		text string
		want int16
	}{
		{"Labour won in 1997 and 2001, and the election of 5 May 2005 is near.", 2001},
		{"Shares rose in 1986 and 1987; the 1990s will tell.", 1987},
		{"The plant employs 2,004 people and made 1987.5 tonnes, up from 2010 units.", 0},
		{"By the year 2000 the line will be finished.", 0},
		{"No years at all.", 0},
	} {
		p := NewProfile(Input{Title: "A report", Text: c.text})
		if p.Era != c.want {
			t.Errorf("%q: era %d, want %d", c.text, p.Era, c.want)
		}
		b, _ := p.MarshalBinary()
		var q Profile
		if err := q.UnmarshalBinary(b); err != nil || q.Era != p.Era {
			t.Errorf("%q: era %d after the codec (%v), want %d", c.text, q.Era, err, p.Era)
		}
	}
	day := func(y int) int32 { return int32((y-1970)*365+(y-1969)/4) + 1 }
	if !(Timing{Era: 1997}).EraAllows(day(1987)) || (Timing{Era: 1998}).EraAllows(day(1987)) || !(Timing{}).EraAllows(day(1987)) {
		t.Errorf("EraAllows: a 1987 anchor must hold for an era up to %d and without one", 1987+eraGrace)
	}
}

// An undated report that names the years of its era is not written years
// before them: against a report dated more than eraGrace years earlier the
// time evidence weighs the two as far apart, as a recounted date would.
// Within the grace, or without an era, the time says nothing.
func TestEraFloorsAnUndatedReport(t *testing.T) {
	text := "Saudi Arabia's oil ministry said output in 2004 rose, and will rise again in 2005, the minister Ali al-Naimi said."
	undated := profileOf("Saudi output to rise", text, "")
	if undated.Era != 2004 {
		t.Fatalf("era %d, want 2004", undated.Era)
	}
	old := profileOf("SAUDI OUTPUT TO RISE", text, "1987-03-02")
	near := profileOf("SAUDI OUTPUT TO RISE", text, "1995-03-02")
	w, piece, ok := timeOf(undated, old)
	if !ok || w > -5 {
		t.Errorf("an undated report naming 2004 against a 1987 one: time %.2f (%v), want far apart", w, ok)
	}
	if piece.AText != "names years around 2004" {
		t.Errorf("evidence %+v: the undated side should say what placed it", piece)
	}
	if w, _, _ := timeOf(undated, near); w != 0 {
		t.Errorf("within the grace (1995 against an era of 2004): time %.2f, want 0", w)
	}
	plain := profileOf("Saudi output to rise", "Saudi Arabia's oil ministry said output rose.", "")
	if w, _, ok := timeOf(plain, old); ok || w != 0 {
		t.Errorf("without an era: time %.2f (%v), want none", w, ok)
	}
}
