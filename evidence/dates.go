package evidence

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
)

// months maps folded, transliterated month names and abbreviations of
// English, German, French, Italian, Spanish, Portuguese, Dutch and Russian
// (nominative and genitive) to their number.
var months = map[string]int{}

func init() {
	names := [12]string{
		"january jan januar janner janvier gennaio enero janeiro januari yanvar yanvarya",
		"february feb februar fevrier febbraio febrero fevereiro februari fevral fevralya",
		"march mar marz maerz mars marzo marco maart mart marta",
		"april apr avril aprile abril aprel aprelya",
		"may mai maggio mayo maio mei maya",
		"june jun juni juin giugno junio junho iyun iyunya",
		"july jul juli juillet luglio julio julho iyul iyulya",
		"august aug aout agosto augustus avgust avgusta",
		"september sep sept septembre settembre septiembre setiembre setembro sentyabr sentyabrya",
		"october oct oktober octobre ottobre octubre outubro oktyabr oktyabrya",
		"november nov novembre noviembre novembro noyabr noyabrya",
		"december dec dezember decembre dicembre diciembre dezembro dekabr dekabrya",
	}
	for m, line := range names {
		for _, w := range splitFields(line) {
			months[w] = m + 1
		}
	}
}

// weekdays maps the weekday names of the same languages to 1 (Monday) ..
// 7: they are capitalised in many languages without being names, and two
// reports that give the same day of the week to what happened agree.
var weekdays = map[string]int{}

func init() {
	for i, w := range splitFields("monday tuesday wednesday thursday friday saturday sunday montag dienstag mittwoch donnerstag freitag samstag sonntag lunes martes miercoles jueves viernes sabado domingo lundi mardi mercredi jeudi vendredi samedi dimanche lunedi martedi mercoledi giovedi venerdi sabato domenica") {
		weekdays[w] = i%7 + 1
	}
}

// isCalendarWord: a month or weekday name, capitalised but not a name.
func isCalendarWord(folded string) bool { return weekdays[folded] > 0 || months[folded] > 0 }

func splitFields(s string) []string {
	var out []string
	start := -1
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == ' ' {
			if start >= 0 {
				out = append(out, s[start:i])
			}
			start = -1
		} else if start < 0 {
			start = i
		}
	}
	return out
}

// reNumericDate finds ISO dates (2024-07-27) and Chinese or Japanese ones
// (7月27日).
var reNumericDate = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})\b|(\d{1,2})月(\d{1,2})日`)
})

// dateMention is a date written in the text. Its key is month and day when
// the day is given (so "February 18" matches "18. Februar 2022"), else year
// and month.
type dateMention struct {
	key, text string
	// day is the date in days since 1970-01-01 plus one when the mention
	// gives day, month and year, else 0.
	day    int32
	hasDay bool
	// weekday marks a day of the week alone (Tuesday, el martes).
	weekday bool
	// from and to are the first and last token of a written-out date, -1
	// for a numeric one.
	from, to int
	// monthDay is month<<5 | day for a day given without its year
	// ("February 18", 7月27日), else 0: news style gives the year only for
	// days of other years (see Profile.Yearless).
	monthDay uint16
}

func findDates(text string, toks []token) []dateMention {
	var out []dateMention
	// Token positions count runes: the text is turned into runes only for
	// an article that names a date, most name none.
	var rs []rune
	runes := func() []rune {
		if rs == nil {
			rs = []rune(text)
		}
		return rs
	}
	for i, t := range toks {
		if wd := weekdays[t.folded]; wd > 0 && !t.num {
			out = append(out, dateMention{key: fmt.Sprintf("weekday-%d", wd), text: string(runes()[t.pos:t.end]), weekday: true, from: -1, to: -1})
			continue
		}
		m, ok := months[t.folded]
		if !ok || t.num || (len(t.folded) <= 3 && !t.capital) {
			continue
		}
		day, year := 0, 0
		from, to := i, i
		if i+1 < len(toks) && toks[i+1].num {
			if d := atoi(toks[i+1].key); d >= 1 && d <= 31 {
				day, to = d, i+1
			}
		}
		if day == 0 {
			// 18 February, 18. Februar, 18 de febrero
			for back := 1; back <= 2 && i-back >= 0; back++ {
				p := toks[i-back]
				if p.num {
					if d := atoi(p.key); d >= 1 && d <= 31 {
						day, from = d, i-back
					}
					break
				}
				if p.folded != "de" {
					break
				}
			}
		}
		if to+1 < len(toks) && toks[to+1].num {
			if y := atoi(toks[to+1].key); y >= 1900 && y <= 2100 {
				year, to = y, to+1
			}
		}
		if day == 0 && year == 0 {
			continue
		}
		key := fmt.Sprintf("%02d-%02d", m, day)
		if day == 0 {
			key = fmt.Sprintf("%d-%02d", year, m)
		}
		var md uint16
		if day != 0 && year == 0 {
			md = uint16(m<<5 | day)
		}
		out = append(out, dateMention{key, string(runes()[toks[from].pos:toks[to].end]), fullDay(year, m, day), day != 0, false, from, to, md})
	}
	if !mayHoldNumericDate(text) {
		return out
	}
	for _, m := range reNumericDate().FindAllStringSubmatch(text, -1) {
		if m[1] != "" {
			mo, d := atoi(m[2]), atoi(m[3])
			if mo >= 1 && mo <= 12 && d >= 1 && d <= 31 {
				out = append(out, dateMention{fmt.Sprintf("%02d-%02d", mo, d), m[0], fullDay(atoi(m[1]), mo, d), true, false, -1, -1, 0})
			}
			continue
		}
		mo, d := atoi(m[4]), atoi(m[5])
		if mo >= 1 && mo <= 12 && d >= 1 && d <= 31 {
			out = append(out, dateMention{fmt.Sprintf("%02d-%02d", mo, d), m[0], 0, true, false, -1, -1, uint16(mo<<5 | d)})
		}
	}
	return out
}

// mayHoldNumericDate reports whether reNumericDate could match in text: it
// needs a hyphen between two digits or 月. Running the expression over every
// article took a tenth of the time of making its profile; most articles have
// neither.
func mayHoldNumericDate(text string) bool {
	for i := 1; i+1 < len(text); i++ {
		j := strings.IndexByte(text[i:len(text)-1], '-')
		if j < 0 {
			break
		}
		i += j
		if isDigit(text[i-1]) && isDigit(text[i+1]) {
			return true
		}
	}
	return strings.Contains(text, "月")
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// fullDay is a date as days since 1970-01-01 plus one, 0 unless year,
// month and day are all given and the year is a plausible one for news.
func fullDay(year, month, day int) int32 {
	if year < 1900 || year > 2100 || month < 1 || day < 1 {
		return 0
	}
	return int32(time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC).Unix()/86400) + 1
}

func atoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return -1
	}
	return n
}
