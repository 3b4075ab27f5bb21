package ingest

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/araddon/dateparse"
)

// fieldLayouts are the layouts scrapers, feeds, APIs and archives write in
// a date field, tried in order before the lenient parser. Times without a
// zone are UTC. When parsing, Go accepts a fraction after the seconds even
// where a layout has none, so "26-FEB-1987 15:01:01.79" (Reuters-21578)
// needs no layout of its own for the hundredths, and month names match
// without regard to case.
var fieldLayouts = []string{
	// ISO 8601 and RFC 3339, extended and basic.
	time.RFC3339Nano,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05 -0700 MST", // Go's own time.String
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02",
	"20060102T150405Z0700",
	"20060102T150405",
	"20060102",
	// RFC 1123 and RFC 2822 (e-mail, RSS), with and without the weekday.
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	"Mon, 2 Jan 2006 15:04 -0700",
	"Mon, 2 Jan 2006 15:04 MST",
	"2 Jan 2006 15:04:05 -0700",
	"2 Jan 2006 15:04:05 MST",
	"2 Jan 2006 15:04 -0700",
	"Mon, 2 Jan 2006",
	time.RFC850,
	time.ANSIC,
	time.UnixDate,
	time.RubyDate,
	// Reuters-21578 and other archives: 26-FEB-1987 15:01:01.79.
	"2-Jan-2006 15:04:05",
	"2-Jan-2006 15:04",
	"2-Jan-2006",
}

// zoneOffsets are the zone names news feeds write, as offsets: Go reads an
// abbreviation it does not know as UTC, which would put "EST" five hours
// out.
var zoneOffsets = map[string]string{
	"UT": "+0000", "UTC": "+0000", "GMT": "+0000", "Z": "+0000",
	"EST": "-0500", "EDT": "-0400", "CST": "-0600", "CDT": "-0500",
	"MST": "-0700", "MDT": "-0600", "PST": "-0800", "PDT": "-0700",
	"BST": "+0100", "CET": "+0100", "CEST": "+0200", "EET": "+0200", "EEST": "+0300",
	"MSK": "+0300", "IST": "+0530", "JST": "+0900",
}

var (
	trailingZone    = lazyRegexp(`\s([A-Z]{1,4})$`)
	trailingComment = lazyRegexp(`\s*\([^()]*\)$`)
	unixTime        = lazyRegexp(`^\d{9,13}(?:\.\d+)?$`)
)

// parseFieldDate reads the value of a date field: the layout given by the
// user first, then a Unix time in seconds or milliseconds, the layouts above,
// and last the lenient parser that reads dates in text. A bare number that
// is no Unix time (a year, a record number) is not a date.
func parseFieldDate(v string, layout *DateLayout) (time.Time, bool) {
	// A control character ends the date: what follows is the source's
	// debris (Reuters-21578 has "27-MAR-1987 00:02:59.13\x05\x05\x05RM").
	if i := strings.IndexFunc(v, isControl); i >= 0 {
		v = v[:i]
	}
	v = strings.TrimSpace(v)
	if v == "" || len(v) > 100 {
		return time.Time{}, false
	}
	if layout != nil {
		if t, ok := layout.Parse(v); ok {
			return t, true
		}
	}
	if unixTime().MatchString(v) {
		return parseUnix(v)
	}
	s := trailingComment().ReplaceAllString(v, "") // RFC 2822's "(UTC)"
	if m := trailingZone().FindStringSubmatch(s); m != nil {
		if off, ok := zoneOffsets[m[1]]; ok {
			s = s[:len(s)-len(m[1])] + off
		}
	}
	for _, l := range fieldLayouts {
		if t, err := time.Parse(l, s); err == nil && plausibleYear(t) {
			return t.UTC(), true
		}
	}
	if strings.Trim(v, "0123456789") == "" {
		return time.Time{}, false
	}
	if t, ok := ParseDate(v); ok {
		return t, true
	}
	return lenientDate(v)
}

func isControl(r rune) bool {
	return r < 0x20 && r != '\t' || r == 0x7f
}

// parseUnix reads seconds since 1970, or milliseconds when the number is
// too large to be seconds of this era (over 10^11: the year 5138).
func parseUnix(v string) (time.Time, bool) {
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || f <= 0 {
		return time.Time{}, false
	}
	if f > 1e11 {
		f /= 1000
	}
	sec := int64(f)
	t := time.Unix(sec, int64((f-float64(sec))*1e9)).UTC()
	// Whole milliseconds survive the float; keep them exact.
	t = t.Round(time.Millisecond)
	return t, plausibleYear(t)
}

func plausibleYear(t time.Time) bool {
	return t.Year() >= 1800 && t.Year() <= 2200
}

// lenientDate is the last try on a field's value: the general date parser,
// which reads many more layouts than the text finder looks for.
func lenientDate(v string) (t time.Time, ok bool) {
	defer func() {
		if recover() != nil {
			t, ok = time.Time{}, false
		}
	}()
	t, err := dateparse.ParseIn(v, time.UTC, dateparse.RetryAmbiguousDateWithSwap(true))
	if err != nil || !plausibleYear(t) {
		return time.Time{}, false
	}
	return t.UTC(), true
}

// DateLayout is a date layout given by the user for a collection's date
// fields, in Go's layout form ("02.01.2006 15:04") or strftime's ("%d.%m.%Y
// %H:%M"); a layout holding "%" is strftime's.
type DateLayout struct {
	spec   string
	layout string // Go layout
	unix   bool   // %s: seconds since 1970
}

// String returns the layout as the user gave it.
func (l *DateLayout) String() string { return l.spec }

// Parse reads v in the layout; times without a zone are UTC.
func (l *DateLayout) Parse(v string) (time.Time, bool) {
	v = strings.TrimSpace(v)
	if l.unix {
		return parseUnix(v)
	}
	t, err := time.Parse(l.layout, v)
	if err != nil || !plausibleYear(t) {
		return time.Time{}, false
	}
	return t.UTC(), true
}

// strftimeVerbs maps strftime's directives to Go layout elements.
var strftimeVerbs = map[byte]string{
	'Y': "2006", 'y': "06", 'm': "01", 'd': "02", 'e': "_2", 'H': "15", 'I': "03", 'M': "04", 'S': "05",
	'p': "PM", 'b': "Jan", 'h': "Jan", 'B': "January", 'a': "Mon", 'A': "Monday", 'z': "-0700", 'Z': "MST",
	'j': "002", 'F': "2006-01-02", 'T': "15:04:05", 'R': "15:04", 'D': "01/02/06", '%': "%",
}

// ParseDateLayout checks a layout given with --date-format and returns it
// ready to use. A layout with "%" is strftime's (%Y %m %d %H %M %S %f %z
// %b %B %a %A %p %y %e %j %F %T %R %D %Z, and %s alone for Unix seconds);
// any other is Go's, written with the reference time Mon Jan 2 15:04:05
// MST 2006.
func ParseDateLayout(spec string) (*DateLayout, error) {
	if strings.TrimSpace(spec) == "" {
		return nil, fmt.Errorf("empty date format")
	}
	l := &DateLayout{spec: spec}
	if !strings.Contains(spec, "%") {
		// A layout that formats another time as itself holds no element.
		other := time.Date(2017, 11, 28, 19, 33, 44, 0, time.UTC)
		if other.Format(spec) == spec {
			return nil, fmt.Errorf("date format %q holds no date element: write it with Go's reference time (02.01.2006 15:04) or in strftime's form (%%d.%%m.%%Y %%H:%%M)", spec)
		}
		l.layout = spec
		return l, nil
	}
	if strings.TrimSpace(spec) == "%s" {
		l.unix = true
		return l, nil
	}
	var b strings.Builder
	for i := 0; i < len(spec); i++ {
		c := spec[i]
		if c != '%' {
			b.WriteByte(c)
			continue
		}
		if i+1 == len(spec) {
			return nil, fmt.Errorf("date format %q ends with a lone %%", spec)
		}
		i++
		d := spec[i]
		if d == 'f' {
			// Fractions of a second: Go reads any number of digits after
			// the seconds' point.
			s := b.String()
			if !strings.HasSuffix(s, ".") && !strings.HasSuffix(s, ",") {
				return nil, fmt.Errorf("date format %q: %%f must follow the seconds and a point (%%S.%%f)", spec)
			}
			b.WriteString("999999999")
			continue
		}
		g, ok := strftimeVerbs[d]
		if !ok {
			return nil, fmt.Errorf("date format %q: %%%c is not a strftime directive this reads", spec, d)
		}
		b.WriteString(g)
	}
	l.layout = b.String()
	return l, nil
}
