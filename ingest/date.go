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

// headLines is how many non-empty lines at the top of a text are read for a
// date: the headline, a byline, a dateline or a "Published:" line sit
// there. Lower lines are the body, whose dates are those of the events it
// tells (a bond's maturity, a treaty of 1929). Of the last footLines only a
// line that is a date with a time of day and nothing else is read: the
// stamp blogs and aggregators print below a post ("Fri, 10/21/2022 –
// 15:25"), which prose, even wrapped into short lines, does not write.
const (
	headLines = 5
	footLines = 8
	// labelledLine bounds, in words, a line that says what its date is
	// ("Published: ...") or a byline.
	labelledLine = 20
)

// Where in a text a date was found (core.Document.PublishedFrom).
const (
	FromDateline = "dateline"
	FromByline   = "byline"
	FromTopLine  = "top line"
	FromFooter   = "footer timestamp"
)

// FindDate looks for the publication date in the top lines of a text (see
// FindDateSource). It returns the date, the substring as written, and
// whether one was found.
func FindDate(text string) (t time.Time, raw string, ok bool) {
	t, raw, _, ok = FindDateSource(text)
	return t, raw, ok
}

// textLine is a non-empty line with what its place says about it.
type textLine struct {
	s string
	// continues is set when the line carries on the sentence above it: the
	// line above, in the same paragraph, is prose (five words or more, not
	// the title) and ends without a full stop, as hard-wrapped text does
	// ("debentures, series due May 1, 1996, and five mln dlrs" / "June 15,
	// 2017.").
	continues bool
}

// FindDateSource looks for the publication date in the first five
// non-empty lines of a text, and says where it found it: a dateline
// ("LONDON, March 3, 2021 (Reuters) - ...", which may open a long
// paragraph), a byline ("By Jane Doe | 3 May 2021"), or a top line that is
// only a date or says what its date is ("Published: 5 May 2021"). A line
// that carries on a sentence from the line above is prose, whatever it
// holds. Failing those, a date-and-time stamp alone on one of the last
// lines. Among equals the first wins. Dates inside sentences are never
// read.
func FindDateSource(text string) (t time.Time, raw, from string, ok bool) {
	head, foot := headAndFoot(text)
	best := 0
	for _, l := range head {
		line := l.s
		if !hasYear(line) {
			continue
		}
		if !l.continues {
			if dt, draw, good := datelineDate(line); good {
				// A dateline states the date of the report it opens.
				if best < 4 {
					t, raw, from, ok, best = dt, draw, FromDateline, true, 4
				}
				continue
			}
		}
		if l.continues || moreFieldsThan(line, labelledLine) {
			continue
		}
		for _, re := range dateRes() {
			loc := re.FindStringIndex(line)
			if loc == nil {
				continue
			}
			cand := strings.TrimSpace(line[loc[0]:loc[1]])
			score, kind := headLineScore(line, loc)
			if score <= best {
				continue
			}
			if pt, good := ParseDate(cand); good {
				t, raw, from, ok, best = pt, cand, kind, true, score
			}
		}
	}
	if ok {
		return t, raw, from, ok
	}
	for i := len(foot) - 1; i >= 0; i-- {
		if pt, praw, good := footerStamp(foot[i].s); good {
			return pt, praw, FromFooter, true
		}
	}
	return time.Time{}, "", "", false
}

// headLineScore ranks a top line holding a date at loc: only a date (3),
// a byline or a line that opens with a label (2); any other line is prose
// or a caption and scores nothing.
func headLineScore(line string, loc []int) (int, string) {
	rest := strings.Trim(line[:loc[0]]+line[loc[1]:], trimDateLine)
	switch {
	case rest == "":
		return 3, FromTopLine
	case bylineStart().MatchString(line) && !bylineStart().MatchString(line[loc[0]:]) && strings.TrimSpace(line[:loc[0]]) != "By":
		return 2, FromByline
	case labelStart().MatchString(line):
		return 2, FromTopLine
	}
	return 0, ""
}

const trimDateLine = " \t-–—|,.:;()[]•·/"

// labelStart opens a line that says what its date is, in several
// languages: "Published: ...", "Veröffentlicht am ...".
var labelStart = lazyRegexp(`(?i)^[\s\p{P}]*(published|posted|updated|last updated|date|dated|datum|veröffentlicht|aktualisiert|publié|mis à jour|pubblicato|aggiornato|publicado|actualizado)\b`)

// clockTime is a time of day, which a footer stamp must hold.
var clockTime = lazyRegexp(`\d{1,2}:\d{2}`)

// footerStamp reads a line that is a date with a time of day and nothing
// else, not ending a sentence.
func footerStamp(line string) (time.Time, string, bool) {
	s := strings.TrimSpace(line)
	if strings.HasSuffix(s, ".") || !clockTime().MatchString(s) || !hasYear(s) || moreFieldsThan(s, 8) {
		return time.Time{}, "", false
	}
	for _, re := range dateRes() {
		loc := re.FindStringIndex(s)
		if loc == nil || strings.Trim(s[:loc[0]]+s[loc[1]:], trimDateLine) != "" {
			continue
		}
		cand := strings.TrimSpace(s[loc[0]:loc[1]])
		if !clockTime().MatchString(cand) {
			continue
		}
		if t, ok := ParseDate(cand); ok {
			return t, cand, true
		}
	}
	return time.Time{}, "", false
}

// bylineStart opens a byline in the languages of the month names.
var bylineStart = lazyRegexp(`(?i)^\s*(?:by|von|par|por|di|door)\s+\p{Lu}`)

// datelinePlace is what stands before the date in a dateline: a place in
// capitals or with capitals ("LONDON,", "Rio de Janeiro,"), at most five
// words; after the date come an agency in brackets and a dash.
var (
	datelinePlace = lazyRegexp(`^\s*\p{Lu}[\p{L}.'’-]*(?:\s+[\p{L}.'’-]+){0,4},?\s*$`)
	datelineRest  = lazyRegexp(`^\s*(?:\([^()]{1,40}\)\s*)?[-–—]`)
)

// datelineDate reads the date of a dateline at the start of line.
func datelineDate(line string) (time.Time, string, bool) {
	head := line
	if len(head) > 160 {
		head = head[:160]
	}
	for _, re := range dateRes() {
		loc := re.FindStringIndex(head)
		if loc == nil || loc[0] == 0 || !datelinePlace().MatchString(head[:loc[0]]) || !datelineRest().MatchString(line[loc[1]:]) {
			continue
		}
		cand := strings.TrimSpace(head[loc[0]:loc[1]])
		if t, ok := ParseDate(cand); ok {
			return t, cand, true
		}
	}
	return time.Time{}, "", false
}

// headAndFoot returns the first headLines non-empty lines of text and the
// last footLines after them, each saying whether it carries on the line
// above. It keeps no more than those lines, however long the text.
func headAndFoot(text string) (head, foot []textLine) {
	prev, blank, n := "", true, 0
	for line := range strings.SplitSeq(text, "\n") {
		if strings.TrimSpace(line) == "" {
			blank = true
			continue
		}
		n++
		l := textLine{s: line, continues: !blank && n > 2 && !endsSentence(prev) && moreFieldsThan(prev, 4)}
		if len(head) < headLines {
			head = append(head, l)
		} else {
			if len(foot) == footLines {
				copy(foot, foot[1:])
				foot = foot[:footLines-1]
			}
			foot = append(foot, l)
		}
		prev, blank = line, false
	}
	return head, foot
}

// endsSentence says whether a line ends as a sentence or a heading does
// not: with a full stop, a question or exclamation mark, a colon or a
// closing quote or bracket.
func endsSentence(line string) bool {
	s := strings.TrimRight(line, " \t\r")
	if s == "" {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(`.!?:;"”’»)]`, r)
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
