package evidence

import (
	"math"
	"slices"
	"strconv"
	"time"
)

// Span is a stretch of days (as Profile.Day) in which an article was
// written: from Lo to Hi, both included.
type Span struct{ Lo, Hi int32 }

// IsZero says the span holds nothing: no estimate.
func (s Span) IsZero() bool { return s.Lo == 0 && s.Hi == 0 }

// yearlessAhead and yearlessReach bound when a report was written around
// the latest day it gives without a year. News style omits the year only
// for days of the current year, so these are days of the months around
// the report: mostly the days it recounts, some it looks ahead to (a
// dividend payable, talks next month). Each such day is read as the last
// one on or before the anchor plus yearlessAhead days, and the report is
// taken to be written from yearlessAhead days before the latest of them to
// yearlessReach days after it. On Reuters-21578 (19,042 dated wire
// stories; go run ./bench/yearless, BENCHMARKS.md), 4,885 give such a day
// and 94.8% of them fall in that span around their latest one (97.7%
// with a reach of 183 days, 81.6% with an ahead of 31).
const (
	yearlessAhead = 92
	yearlessReach = 92
)

// EstimateIn estimates when the undated article p was written from the
// days it gives without a year, read in the year of anchor (a day as
// Profile.Day: the date of the dated report the caller found p most
// closely linked to, which says which year p is of but not when in it).
// The estimate runs from yearlessAhead days before the latest of those days
// (or from p's latest full date, if later) to yearlessReach days after it. It is false for a dated
// article, one that gives no day without a year, or without an anchor.
func (p *Profile) EstimateIn(anchor int32) (Span, bool) { return p.Timing().EstimateIn(anchor) }

// Timing is what the time evidence reads of one article (see
// Profile.Timing): enough to estimate its date and weigh it against
// another's without the rest of its profile.
type Timing struct {
	Day, Bound int32
	Yearless   []uint16
	Era        int16
	Estimate   Span
}

// Timing returns p's date, latest recounted full date, yearless days, era
// and estimate.
func (p *Profile) Timing() Timing { return Timing{p.Day, p.Bound, p.Yearless, p.Era, p.Estimate} }

// EstimateIn is Profile.EstimateIn on an article's timing.
func (p Timing) EstimateIn(anchor int32) (Span, bool) {
	if p.Day != 0 || anchor <= 0 {
		return Span{}, false
	}
	latest := p.latestYearless(anchor, yearlessAhead)
	if latest == 0 || p.Bound > latest+yearlessReach {
		// Its full dates place it later than its yearless days can.
		return Span{}, false
	}
	return Span{Lo: max(latest-yearlessAhead, p.Bound), Hi: latest + yearlessReach}, true
}

// LatestYearless is the latest of the days p gives without a year, each
// read as the last such day on or before anchor plus ahead days (days as
// Profile.Day); 0 if p gives none.
func (p *Profile) LatestYearless(anchor, ahead int32) int32 {
	return p.Timing().latestYearless(anchor, ahead)
}

func (p Timing) latestYearless(anchor, ahead int32) int32 {
	limit := anchor + ahead
	year := time.Unix(int64(limit-1)*86400, 0).UTC().Year()
	var latest int32
	for _, md := range p.Yearless {
		m, d := int(md>>5), int(md&31)
		day := fullDay(year, m, d)
		if day > limit {
			day = fullDay(year-1, m, d)
		}
		latest = max(latest, day)
	}
	return latest
}

// when is what the time evidence reads from one article: its date, else
// its estimate, else the latest full date it recounts or the first day its
// era allows (see eraFloor), whichever is later, from which day on it was
// written (open: Hi 0). Known is false when none is known; firm when the
// article is dated or estimated, not only bounded below.
func (p Timing) when() (s Span, text string, known, firm bool) {
	switch {
	case p.Day != 0:
		return Span{p.Day, p.Day}, dayText(p.Day), true, true
	case !p.Estimate.IsZero():
		return p.Estimate, "estimated " + dayText(p.Estimate.Lo) + " to " + dayText(p.Estimate.Hi), true, true
	}
	if f := p.eraFloor(); f > p.Bound {
		return Span{Lo: f}, "names years around " + strconv.Itoa(int(p.Era)), true, false
	}
	if p.Bound != 0 {
		return Span{Lo: p.Bound}, "mentions " + dayText(p.Bound), true, false
	}
	return Span{}, "", false, false
}

// eraFloor is the first day an undated article naming the years of its
// Era can have been written, as EraAllows reads it: the first of January
// eraGrace years before that era (0 without one). An undated 2005 report
// that names 2004 and 2005 is not of a 1987 event however many names and
// words of one topic the two share (Saudi Arabia's ministries, OPEC,
// growth): with this floor the time evidence weighs them as dates years
// apart, as it weighs a recounted full date.
func (p Timing) eraFloor() int32 {
	if p.Era == 0 {
		return 0
	}
	return fullDay(int(p.Era)-eraGrace, 1, 1)
}

// timeOf is the time evidence of a pair: the days between two dated
// articles (timeEvidence), else the days between what is known of when
// each was written (spanEvidence).
func timeOf(a, b *Profile) (float64, Evidence, bool) { return timingEvidence(a.Timing(), b.Timing()) }

func timingEvidence(a, b Timing) (float64, Evidence, bool) {
	if t, e, ok := timeEvidence(a.Day, b.Day); ok {
		return t, e, ok
	}
	return spanEvidence(a, b)
}

// TimeWeight is what the time evidence of two articles adds to the
// log-odds of their score (Score, Quick): a caller that learns an undated
// article's estimate after scoring it moves the score by the difference.
func TimeWeight(a, b Timing) float64 {
	w, _, _ := timingEvidence(a, b)
	return w
}

// spanEvidence weighs the days between when two articles were written as
// far as each is known, at least one of them undated: a date, an estimate
// (EstimateIn), or a latest recounted full date (a report is written after
// what it recounts; a month alone is as often a plan as a memory). Spans
// that come within 30 days of each other say nothing (a piece of weight 0
// shows what was compared); beyond, the odds fall with the log of the gap
// as for two dates that far apart. Two articles known only from the dates
// they recount are never apart: either may be of any later day.
func spanEvidence(a, b Timing) (float64, Evidence, bool) {
	sa, ta, ka, fa := a.when()
	sb, tb, kb, fb := b.when()
	if !ka || !kb || (!fa && !fb) {
		return 0, Evidence{}, false
	}
	var gap int32
	switch {
	case sa.Hi != 0 && sb.Lo > sa.Hi:
		gap = sb.Lo - sa.Hi
	case sb.Hi != 0 && sa.Lo > sb.Hi:
		gap = sa.Lo - sb.Hi
	}
	var w float64
	if gap > 30 {
		w = -2.5 * math.Log(float64(gap)/30)
	}
	return w, Evidence{KindTime, ta, tb, w}, true
}

// eraMentions is the fewest year mentions an Era is read from: one year
// alone is often a plan ("by 2000"); read from one, 261 of the 6,897
// Reuters-21578 stories naming any would refuse their own date (see
// eraGrace).
const eraMentions = 2

// eraGrace is how many years after an anchor's the median year an undated
// report names may lie and the anchor still hold: reports look ahead to
// budgets, plans and elections of the next few years, rarely a decade.
// On Reuters-21578 (1987 wire stories, all dated; go run ./bench/yearless)
// 3,476 of 19,042 stories name two or more years, and 70 of them (2.0%)
// name years whose median lies further ahead (bonds due in 2017, ten-year
// plans): an undated story like them loses that anchor (with a grace
// of 5 years, 145 would).
const eraGrace = 10

// yearOf reads a token's text as a year: four digits from 1900 to 2099,
// alone or before a letter ("1990s"), not part of a longer number
// ("2,004", "1987.5").
func yearOf(text string) (int, bool) {
	if len(text) < 4 {
		return 0, false
	}
	y := 0
	for i := 0; i < 4; i++ {
		c := text[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		y = y*10 + int(c-'0')
	}
	if len(text) > 4 {
		if c := text[4]; c >= '0' && c <= '9' || c == ',' || c == '.' {
			return 0, false
		}
	}
	if y < 1900 || y > 2099 {
		return 0, false
	}
	return y, true
}

// era is the median of years (the lower of the two middle ones), or 0 when
// there are fewer than eraMentions.
func era(years []int) int16 {
	if len(years) < eraMentions {
		return 0
	}
	slices.Sort(years)
	return int16(years[(len(years)-1)/2])
}

// EraAllows says whether an undated article of timing t can be anchored to
// a report of day anchor (as Profile.Day): the years it names do not lie
// past eraGrace years after the anchor's.
func (t Timing) EraAllows(anchor int32) bool {
	if t.Era == 0 || anchor <= 0 {
		return true
	}
	year := time.Unix(int64(anchor-1)*86400, 0).UTC().Year()
	return int(t.Era) <= year+eraGrace
}
