package language

import (
	"sync"
	"errors"
	"unicode"

	"github.com/markusmobius/go-dateparser/internal/regexp"
	"github.com/markusmobius/go-dateparser/internal/strutil"
	"golang.org/x/text/unicode/rangetable"
)

var (
	ErrNotFound           = errors.New("locale not found")
	ErrUnknownLocales     = errors.New("unknown locale(s)")
	ErrUnknownLanguages   = errors.New("unknown language(s)")
	ErrConflictingLocales = errors.New("locales should not have same language and different region")
)

const (
	splitSeparator = `|#=#=#|`
)

var (
	rxSpaces     = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\s{2,}`) })
	rxKeepToken1 = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^.*[^\W_].*$`) })
	rxKeepToken2 = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^.*[^\P{L}\d_].*$`) })
	rxNumeral    = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(\d+)`) })
	rxTokenDigit = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`[\d\.:\-/]+`) })

	disallowedKnownWordRunes func() *unicode.RangeTable = sync.OnceValue(func() *unicode.RangeTable { return rangetable.Merge(
		unicode.Letter,
		unicode.Mark,
		unicode.Number,
	) })

	rxSentenceSplitters = sync.OnceValue(func() map[int]*regexp.Regexp { return map[int]*regexp.Regexp{
		// The most common splitter, used in European, Tagalog, Hebrew, Georgian, Indonesian, Vietnamese
		1: regexp.MustCompile(`([^\s.]*)[\.!?;…\r\n]+(?:\s|$)*`),
		// Splitter for Spanish
		2: regexp.MustCompile(`([^\s.]*)[\.!?;…\r\n]+(\s*[¡¿]*|$)|[¡¿]+`),
		// Splitter for Hindi and Bangla
		3: regexp.MustCompile(`([^\s.]*)[|!?;\r\n]+(?:\s|$)+`),
		// Splitter for Japanese and Chinese
		4: regexp.MustCompile(`([^\s.]*)[。…‥\.!?？！;\r\n]+(?:\s|$)+`),
		// Splitter for Thai
		5: regexp.MustCompile(`([^\s.]*)[\r\n]+`),
		// Splitter for Arabic and Farsi
		6: regexp.MustCompile(`([^\s.]*)[\r\n؟!\.…]+(?:\s|$)+`),
	} })

	dashes             = strutil.NewDict("-", "——", "—", "～")
	alwaysKeptTokens   = strutil.NewDict("+", ":", ".", " ", "-", "/")
	freshnessWords     = strutil.NewDict("day", "week", "month", "year", "hour", "minute", "second")
	langWithDigitAbbrs = strutil.NewDict("fi", "cs", "hu", "de", "da")
	commonCharset      = rangetable.New([]rune(`0123456789()\-/.,:' `)...)
)
