package ingest

import (
	"regexp"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/araddon/dateparse"
)

// A date as written in a news file. The finder below locates the substring;
// github.com/araddon/dateparse turns the cleaned substring into a time, so the
// many layouts (month names, 12-hour clocks, zones) are not reinvented here.
const (
	reWeekday = `(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?\.?,?\s+)?`
	reMonth   = `(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`
	reTime    = `(?:(?:\s*[,|@–—-]\s*|\s+at\s+|\s+|T)\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:\s*[ap]\.?m\.?)?(?:\s*(?:Z|[+-]\d{2}:?\d{2}|UTC|GMT|[ECMP][SD]T|BST|CES?T))?)?`
)

// dateRes are compiled on first use, like every regular expression of this
// package: compiling them at start would slow every command, most of which
// never read a date.
var dateRes = sync.OnceValue(func() []*regexp.Regexp {
	return []*regexp.Regexp{
		// 2024-07-27 12:30:09, 2024-07-27T12:30:09Z
		regexp.MustCompile(`(?i)\b` + reWeekday + `\d{4}-\d{2}-\d{2}` + reTime + `\b`),
		// October 18, 2022; Fri, Oct 21 2022 3:25 pm
		regexp.MustCompile(`(?i)\b` + reWeekday + reMonth + `\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}` + reTime),
		// 18 October 2022; 18th of Oct. 2022; 27. Januar 2014; 1er mars 2022;
		// 21 de octubre de 2022
		regexp.MustCompile(`(?i)\b` + reWeekday + `\d{1,2}(?:st|nd|rd|th|er|\.)?\s+(?:of\s+|de\s+)?(?:` + reMonth + `|` + reLocalMonth() + `),?\s+(?:de\s+)?\d{4}` + reTime),
		// Fri, 10/21/2022 – 15:25; 21.10.2022 15:25
		regexp.MustCompile(`(?i)\b` + reWeekday + `\d{1,2}[/.]\d{1,2}[/.]\d{4}` + reTime + `\b`),
	}
})

var (
	weekdayPrefix = lazyRegexp(`(?i)^` + reWeekday)
	dashOrAt      = lazyRegexp(`(?i)\s*[|@–—]\s*|\s+at\s+|\s+-\s+`)
	ordinal       = lazyRegexp(`(?i)(\d)(?:st|nd|rd|th|er)\b`)
	ofMonth       = lazyRegexp(`(?i)\s+(?:of|de)\s+`)
	dayDot        = lazyRegexp(`^(\d{1,2})\.\s+`)
	dottedDate    = lazyRegexp(`^(\d{1,2})\.(\d{1,2})\.(\d{4})`)
)

// ParseDate parses one date as found by FindDate ("Fri, 10/21/2022 – 15:25",
// "October 18, 2022", "2024-07-27 12:30:09"). Times without a zone are taken
// as UTC. Numeric dates are read month first with slashes (the US habit) and
// day first with dots (the European one), unless only one reading is valid.
// Month names may be English, German, French, Italian, Spanish, Portuguese
// or Dutch ("27. Januar 2014", "21 de octubre de 2022").
func ParseDate(raw string) (t time.Time, ok bool) {
	s := strings.TrimSpace(raw)
	if !isDateLike(s) {
		// A bare year or a number is not a publication date.
		return time.Time{}, false
	}
	s = weekdayPrefix().ReplaceAllString(s, "")
	s = dashOrAt().ReplaceAllString(s, " ")
	s = ordinal().ReplaceAllString(s, "$1")
	s = ofMonth().ReplaceAllString(s, " ")
	s = dayDot().ReplaceAllString(s, "$1 ")
	s = shortMonths(s)
	s = strings.ReplaceAll(s, ".m.", "m")
	if m := dottedDate().FindStringSubmatch(s); m != nil {
		// dateparse reads dots month first; Europeans write day first.
		s = m[3] + "-" + pad2(m[2]) + "-" + pad2(m[1]) + s[len(m[0]):]
	}
	s = strings.Join(strings.Fields(s), " ")
	if s == "" || utf8.RuneCountInString(s) > 64 {
		return time.Time{}, false
	}
	defer func() {
		// The parser is a large state machine; a panic on odd input must
		// not take an import down with it.
		if recover() != nil {
			t, ok = time.Time{}, false
		}
	}()
	t, err := dateparse.ParseIn(s, time.UTC, dateparse.RetryAmbiguousDateWithSwap(true))
	if err != nil || t.Year() < 1800 || t.Year() > 2200 {
		return time.Time{}, false
	}
	return t, true
}

func isDateLike(s string) bool {
	if len(s) > 200 {
		return false
	}
	for _, re := range dateRes() {
		if re.MatchString(s) {
			return true
		}
	}
	return false
}

// dateSubstring returns the leftmost date in s, or s when none is found.
func dateSubstring(s string) string {
	best := []int(nil)
	for _, re := range dateRes() {
		if loc := re.FindStringIndex(s); loc != nil && (best == nil || loc[0] < best[0]) {
			best = loc
		}
	}
	if best == nil {
		return s
	}
	return strings.TrimSpace(s[best[0]:best[1]])
}

func pad2(s string) string {
	if len(s) == 1 {
		return "0" + s
	}
	return s
}

// dateLabel marks a line that announces a date in several languages.
var dateLabel = lazyRegexp(`(?i)\b(published|posted|updated|date|dated|datum|veröffentlicht|aktualisiert|publié|mis à jour|pubblicato|aggiornato|publicado|actualizado)\b`)

// Lines looked at from each end of a text: a news file's date sits in the
// header or the footer; a date inside a body sentence is the date of
// something the story mentions, not of the story.
const (
	headLines = 6
	tailLines = 8
	// shortLine bounds, in words, a line such as "By Jane Doe | 3 May 2021";
	// labelledLine one that says what its date is ("Published: ...").
	shortLine    = 12
	labelledLine = 20
)

// FindDate looks for the publication date in the first and last lines of a
// text. A line that is only a date wins over a labelled line ("Published:
// ..."), which wins over any other short line holding a date; body sentences
// are ignored. Among equals the first in the header wins, then the last in
// the footer. It returns the date, the substring as written, and whether one
// was found.
func FindDate(text string) (t time.Time, raw string, ok bool) {
	lines := nonEmptyLines(text)
	var order []int
	for i := 0; i < len(lines) && i < headLines; i++ {
		order = append(order, i)
	}
	for i := len(lines) - 1; i >= headLines && i >= len(lines)-tailLines; i-- {
		order = append(order, i)
	}
	best := 0
	for _, i := range order {
		line := lines[i]
		// Long lines score nothing, and every pattern holds a year: both
		// tests are cheap next to the regular expressions.
		if moreFieldsThan(line, labelledLine) || !hasYear(line) {
			continue
		}
		for _, re := range dateRes() {
			loc := re.FindStringIndex(line)
			if loc == nil {
				continue
			}
			cand := strings.TrimSpace(line[loc[0]:loc[1]])
			score := dateLineScore(line, line[:loc[0]]+line[loc[1]:])
			if score <= best {
				continue
			}
			if pt, good := ParseDate(cand); good {
				t, raw, ok, best = pt, cand, true, score
			}
		}
	}
	return t, raw, ok
}

// dateLineScore ranks a line holding a date by what else it holds.
func dateLineScore(line, rest string) int {
	rest = strings.Trim(rest, " \t-–—|,.:;()[]•·/")
	words := len(strings.Fields(line))
	switch {
	case rest == "":
		return 3
	case dateLabel().MatchString(rest) && words <= labelledLine:
		return 2
	case words <= shortLine:
		return 1
	}
	return 0
}

// moreFieldsThan reports whether line has more than n words separated by
// white space, reading no further than the (n+1)th: strings.Fields on a
// one-line 35 MB file made six million strings to learn it was long.
func moreFieldsThan(line string, n int) bool {
	count, inField := 0, false
	for _, r := range line {
		if unicode.IsSpace(r) {
			inField = false
			continue
		}
		if !inField {
			inField = true
			if count++; count > n {
				return true
			}
		}
	}
	return false
}

func nonEmptyLines(text string) []string {
	var out []string
	for line := range strings.SplitSeq(text, "\n") {
		if strings.TrimSpace(line) != "" {
			out = append(out, line)
		}
	}
	return out
}

func hasYear(s string) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			run++
			if run == 4 {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}
