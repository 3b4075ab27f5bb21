package report

import (
	"strconv"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// MaxFileName bounds a report's file name in bytes: well inside the 255
// bytes of every common file system, with room for the folder in Windows'
// 260-character paths.
const MaxFileName = 140

// maxSlug bounds the title's part of a name: enough to recognise it.
const maxSlug = 60

// Name is what a report's file name says: its kind, the ids it is about
// (a pair's two articles, a story's id), a title (a pair's first article,
// a story's label, an archive's file name) and the day it was made.
type Name struct {
	Kind    Kind
	IDs     []int64
	Title   string
	Created time.Time
	Format  Format
}

// FileName is the name a report is saved under, one scheme for every kind:
// storydiff-KIND[-IDS][-TITLE]-DATE.EXT, such as
// storydiff-pair-12-vs-47-floods-close-valencia-s-port-2026-11-30.html.
// Titles are untrusted: only ASCII letters, digits and single hyphens are
// kept of them, so that the name is safe on Windows, macOS and Linux (no
// separator, reserved or control character, no leading dot, no device
// name since it starts with "storydiff-"); a title with no Latin letters
// or digits leaves the ids alone to name the report.
func FileName(n Name) string {
	parts := []string{"storydiff", slug(string(n.Kind), 20)}
	ids := make([]string, len(n.IDs))
	for i, id := range n.IDs {
		ids[i] = strconv.FormatInt(id, 10)
	}
	if len(ids) > 0 {
		parts = append(parts, strings.Join(ids, "-vs-"))
	}
	if s := slug(n.Title, maxSlug); s != "" {
		parts = append(parts, s)
	}
	if !n.Created.IsZero() {
		parts = append(parts, n.Created.UTC().Format("2006-01-02"))
	}
	return strings.Join(parts, "-") + slug(string(n.Format), 8, '.')
}

// latin spells letters that canonical decomposition leaves whole.
var latin = map[rune]string{
	'æ': "ae", 'Æ': "ae", 'ø': "o", 'Ø': "o", 'ß': "ss", 'œ': "oe", 'Œ': "oe", 'ł': "l", 'Ł': "l",
	'đ': "d", 'Đ': "d", 'þ': "th", 'Þ': "th", 'ð': "d", 'Ð': "d", 'ı': "i",
}

// slug keeps the ASCII letters (lower case, accents taken off) and digits
// of s, with one hyphen for every run of anything else, cut at a hyphen to
// at most max bytes. A prefix, when given, is put before a non-empty slug.
func slug(s string, max int, prefix ...rune) string {
	var b strings.Builder
	gap := false
	for _, r := range norm.NFKD.String(s) {
		var add string
		switch {
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			add = string(unicode.ToLower(r))
		case latin[r] != "":
			add = latin[r]
		case unicode.Is(unicode.Mn, r):
			continue // an accent taken off its letter
		default:
			gap = true
			continue
		}
		if gap && b.Len() > 0 {
			b.WriteByte('-')
		}
		gap = false
		b.WriteString(add)
	}
	out := b.String()
	if len(out) > max {
		cut := strings.LastIndexByte(out[:max+1], '-')
		if cut <= 0 {
			cut = max // one word longer than the bound
		}
		out = strings.TrimRight(out[:cut], "-")
	}
	if out != "" && len(prefix) > 0 {
		out = string(prefix) + out
	}
	return out
}
