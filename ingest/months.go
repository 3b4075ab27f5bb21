package ingest

import (
	"regexp"
	"sort"
	"strings"
	"sync"
)

// localMonths maps month names of the languages most common in European
// news archives (German, French, Italian, Spanish, Portuguese, Dutch) to
// English, which the date parser reads. English names are not listed.
var localMonths = map[string]string{
	"januar": "January", "jänner": "January", "janvier": "January", "gennaio": "January", "enero": "January", "janeiro": "January", "januari": "January",
	"februar": "February", "février": "February", "fevrier": "February", "febbraio": "February", "febrero": "February", "fevereiro": "February", "februari": "February",
	"märz": "March", "maerz": "March", "mars": "March", "marzo": "March", "março": "March", "maart": "March",
	"avril": "April", "aprile": "April", "abril": "April",
	"mai": "May", "maggio": "May", "mayo": "May", "maio": "May", "mei": "May",
	"juni": "June", "juin": "June", "giugno": "June", "junio": "June", "junho": "June",
	"juli": "July", "juillet": "July", "luglio": "July", "julio": "July", "julho": "July",
	"août": "August", "aout": "August", "agosto": "August", "augustus": "August",
	"septembre": "September", "settembre": "September", "septiembre": "September", "setiembre": "September", "setembro": "September",
	"oktober": "October", "octobre": "October", "ottobre": "October", "octubre": "October", "outubro": "October",
	"novembre": "November", "noviembre": "November", "novembro": "November",
	"dezember": "December", "décembre": "December", "decembre": "December", "dicembre": "December", "diciembre": "December", "dezembro": "December",
}

// reLocalMonth matches any of localMonths, longest first so that "maio"
// is not read as "mai".
var reLocalMonth = sync.OnceValue(func() string {
	names := make([]string, 0, len(localMonths))
	for k := range localMonths {
		names = append(names, regexp.QuoteMeta(k))
	}
	sort.Slice(names, func(i, j int) bool {
		if len(names[i]) != len(names[j]) {
			return len(names[i]) > len(names[j])
		}
		return names[i] < names[j]
	})
	return `(?:` + strings.Join(names, "|") + `)`
})

var localMonthWord = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)\b` + reLocalMonth() + `\b`)
})

var englishMonthWord = lazyRegexp(`(?i)\b(?:january|february|march|april|june|july|august|september|sept|october|november|december)\b`)

// shortMonths rewrites month names in s, local or English, as English
// three-letter abbreviations: the date parser reads "3 Mar 2021 14:05" but
// not "3 March 2021 14:05".
func shortMonths(s string) string {
	s = localMonthWord().ReplaceAllStringFunc(s, func(m string) string {
		return localMonths[strings.ToLower(m)][:3]
	})
	return englishMonthWord().ReplaceAllStringFunc(s, func(m string) string {
		return m[:3]
	})
}
