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
