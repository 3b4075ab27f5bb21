package detect

import (
	"bufio"
	_ "embed"
	"fmt"
	"github.com/storydiff/storydiff/core"
	"regexp"
	"regexp/syntax"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/storydiff/storydiff/textnorm"
)

//go:embed boilerplate_patterns.txt
var patternsFile string

// chromePatterns are the compiled site-chrome patterns, read once, on first
// use (not at start: most commands never mark boilerplate). They are tried
// one by one: small anchored patterns fail fast on prose, where one big
// alternation ran ten times slower.
var chromePatterns = sync.OnceValue(func() []chromePattern {
	var out []chromePattern
	for _, re := range mustPatterns(patternsFile) {
		out = append(out, chromePattern{re, wholeLineMaxRunes(re.String())})
	}
	return out
})

// chromePattern is a compiled pattern with the most runes a line it
// matches can hold (-1: no bound). Most lines are prose, longer than any
// bounded pattern can match, and Go's backtracker clears a bitmap the size
// of the line for every pattern it tries: skipping those by length alone
// halves the time an import spends marking lines.
type chromePattern struct {
	re       *regexp.Regexp
	maxRunes int
}

// wholeLineMaxRunes returns the most runes a string matched by expr can
// hold when expr is anchored at both ends (^...$), else -1: an unanchored
// pattern can match inside a longer line.
func wholeLineMaxRunes(expr string) int {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil || re.Op != syntax.OpConcat || len(re.Sub) < 2 {
		return -1
	}
	first, last := re.Sub[0].Op, re.Sub[len(re.Sub)-1].Op
	if first != syntax.OpBeginText || last != syntax.OpEndText {
		return -1
	}
	return maxRunes(re)
}

// maxRunes is the most runes re can match, or -1 when unbounded.
func maxRunes(re *syntax.Regexp) int {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return 0
	case syntax.OpLiteral:
		return len(re.Rune)
	case syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return 1
	case syntax.OpCapture, syntax.OpQuest:
		return maxRunes(re.Sub[0])
	case syntax.OpRepeat:
		n := maxRunes(re.Sub[0])
		if n < 0 || re.Max < 0 {
			return -1
		}
		return n * re.Max
	case syntax.OpConcat:
		sum := 0
		for _, sub := range re.Sub {
			n := maxRunes(sub)
			if n < 0 {
				return -1
			}
			sum += n
		}
		return sum
	case syntax.OpAlternate:
		most := 0
		for _, sub := range re.Sub {
			n := maxRunes(sub)
			if n < 0 {
				return -1
			}
			most = max(most, n)
		}
		return most
	}
	return -1 // star, plus, and anything not listed: no bound
}

func mustPatterns(src string) []*regexp.Regexp {
	ps, err := ParsePatterns(src)
	if err != nil {
		panic(err) // the embedded file is part of the build: a bad pattern is a bug
	}
	return ps
}

// maxChromeLen: site chrome is short; a longer line is prose, and skipping
// it saves most of the matching time.
const maxChromeLen = 300

// ParsePatterns compiles a boilerplate pattern list in the format of the
// embedded boilerplate_patterns.txt.
func ParsePatterns(src string) ([]*regexp.Regexp, error) {
	var out []*regexp.Regexp
	sc := bufio.NewScanner(strings.NewReader(src))
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "# ") || line == "#" {
			continue
		}
		re, err := regexp.Compile(line)
		if err != nil {
			return nil, fmt.Errorf("boilerplate pattern line %d: %w", n, err)
		}
		out = append(out, re)
	}
	return out, sc.Err()
}

// chromeLine reports whether a normalised line matches a site-chrome pattern.
func chromeLine(norm string) bool {
	if len(norm) > maxChromeLen {
		return false
	}
	s := strings.TrimLeft(norm, "•·*>»›→-–|+ ")
	runes := -1 // counted when a bounded pattern first asks
	for _, p := range chromePatterns() {
		if p.maxRunes >= 0 {
			if runes < 0 {
				runes = utf8.RuneCountInString(s)
			}
			if runes > p.maxRunes {
				continue
			}
		}
		if p.re.MatchString(s) {
			return true
		}
	}
	return false
}

// IsChrome reports whether one line of text is site chrome by the embedded
// pattern list alone.
func IsChrome(line string) bool { return chromeLine(textnorm.Normalize(line)) }

// Block kinds.
const (
	KindTitle       = "title"
	KindBody        = "body"
	KindBoilerplate = "boilerplate"
	KindRepeat      = "repeat"
)

// BlockOptions tell MarkBlocks what it cannot see in the text alone.
type BlockOptions struct {
	// Title is the article's title as found by ingest, if any.
	Title string
	// Group is the folder or outlet whose recurring lines count as chrome.
	Group string
	// Lines, if not nil, says which lines recur across the group.
	Lines *LineCounts
}

// MarkBlocks splits text into lines and marks each: boilerplate (a
// site-chrome pattern, or a line recurring across the group), repeat (a
// line already seen earlier in this article), title (the first body line,
// when it matches the title or looks like a headline), or body.
func MarkBlocks(text string, opt BlockOptions) []core.Block {
	spans := textnorm.Lines(text)
	out := make([]core.Block, 0, len(spans))
	seen := make(map[uint64]bool, len(spans))
	title := textnorm.Normalize(opt.Title)
	haveTitle := false
	// Spans count runes; the cursor turns them into byte offsets in one
	// pass instead of converting the text to runes (four bytes each).
	bytePos, runePos := 0, 0
	at := func(r int) int {
		for runePos < r {
			_, w := utf8.DecodeRuneInString(text[bytePos:])
			bytePos, runePos = bytePos+w, runePos+1
		}
		return bytePos
	}
	for _, sp := range spans {
		start := at(sp.Start)
		line := text[start:at(sp.End)]
		var norm string
		var h uint64
		long := len(line) > longLine
		if long {
			// No chrome pattern, title or headline is this long: only the
			// hash is needed, and normalising it whole would copy it twice.
			hs := textnorm.NewHasher()
			_ = textnorm.NormalizeTo(hs, line)
			h = hs.Sum()
		} else {
			norm = textnorm.Normalize(line)
			h = hashString(norm)
		}
		b := core.Block{Span: sp, Kind: KindBody, Hash: fmt.Sprintf("%016x", h)}
		switch {
		case !long && chromeLine(norm) || opt.Lines.IsBoilerplate(opt.Group, h):
			b.Kind = KindBoilerplate
		case seen[h]:
			b.Kind = KindRepeat
		case !haveTitle && !long && (norm == title || (title == "" && looksLikeHeadline(norm))):
			b.Kind = KindTitle
		}
		if b.Kind != KindBoilerplate {
			seen[h] = true
			haveTitle = true // only the first content line can be the title
		}
		out = append(out, b)
	}
	return out
}

// longLine is the length in bytes past which a line is hashed without being
// normalised whole (a one-line 35 MB file is one line).
const longLine = 64 << 10

// looksLikeHeadline: short, and not ending like a sentence.
func looksLikeHeadline(norm string) bool {
	if strings.Count(norm, " ") > 25 {
		return false
	}
	return !strings.HasSuffix(norm, ".") || strings.HasSuffix(norm, "...")
}
