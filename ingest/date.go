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

// headLines is how many non-empty lines at the top of a text are read for a
// date: the headline, a byline, a dateline or a "Published:" line sit
// there. Lower lines are the body, whose dates are those of the events it
// tells (a bond's maturity, a treaty of 1929), and footers of scraped pages
// are too often the body's last lines to tell apart.
const (
	headLines = 5
	// shortLine bounds, in words, a line such as "By Jane Doe | 3 May 2021";
	// labelledLine one that says what its date is ("Published: ...").
	shortLine    = 12
	labelledLine = 20
)

// Where in a text a date was found (core.Document.PublishedFrom).
const (
	FromDateline = "dateline"
	FromByline   = "byline"
	FromTopLine  = "top line"
)

// FindDate looks for the publication date in the top lines of a text (see
// FindDateSource). It returns the date, the substring as written, and
// whether one was found.
func FindDate(text string) (t time.Time, raw string, ok bool) {
	t, raw, _, ok = FindDateSource(text)
	return t, raw, ok
}

// FindDateSource looks for the publication date in the first five
// non-empty lines of a text, and says where it found it: a dateline
// ("LONDON, March 3, 2021 (Reuters) - ...", which may open a long
// paragraph), a byline ("By Jane Doe | 3 May 2021") or another top line. A
// line that is only a date wins over a labelled line ("Published: ..."),
// which wins over any other short line holding a date; among equals the
// first wins. Dates inside sentences are never read.
func FindDateSource(text string) (t time.Time, raw, from string, ok bool) {
	best := 0
	for _, line := range topLines(text, headLines) {
		if !hasYear(line) {
			continue
		}
		if dt, draw, good := datelineDate(line); good {
			// A dateline states the date of the report it opens.
			if best < 4 {
				t, raw, from, ok, best = dt, draw, FromDateline, true, 4
			}
			continue
		}
		// Long lines score nothing, and every pattern holds a year: both
		// tests are cheap next to the regular expressions.
		if moreFieldsThan(line, labelledLine) {
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
				from = FromTopLine
				if bylineStart.MatchString(line) {
					from = FromByline
				}
			}
		}
	}
	return t, raw, from, ok
}

// bylineStart opens a byline in the languages of the month names.
var bylineStart = regexp.MustCompile(`(?i)^\s*(?:by|von|par|por|di|door|de)\s+\p{Lu}`)

// datelinePlace is what stands before the date in a dateline: a place in
// capitals or with capitals ("LONDON,", "Rio de Janeiro,"), at most five
// words; after the date come an agency in brackets and a dash.
var (
	datelinePlace = regexp.MustCompile(`^\s*\p{Lu}[\p{L}.'’-]*(?:\s+[\p{L}.'’-]+){0,4},?\s*$`)
	datelineRest  = regexp.MustCompile(`^\s*(?:\([^()]{1,40}\)\s*)?[-–—]`)
)

// datelineDate reads the date of a dateline at the start of line.
func datelineDate(line string) (time.Time, string, bool) {
	head := line
	if len(head) > 160 {
		head = head[:160]
	}
	for _, re := range dateRes {
		loc := re.FindStringIndex(head)
		if loc == nil || loc[0] == 0 || !datelinePlace.MatchString(head[:loc[0]]) || !datelineRest.MatchString(line[loc[1]:]) {
			continue
		}
		cand := strings.TrimSpace(head[loc[0]:loc[1]])
		if t, ok := ParseDate(cand); ok {
			return t, cand, true
		}
	}
	return time.Time{}, "", false
}

// topLines returns the first n non-empty lines of text, reading no further.
func topLines(text string, n int) []string {
	var out []string
	for line := range strings.SplitSeq(text, "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		if out = append(out, line); len(out) == n {
			break
		}
	}
	return out
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
