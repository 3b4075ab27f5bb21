package report

import (
	"strconv"
	"strings"
	"time"
)

// Helpers shared by the text-like formats, so that HTML, Markdown, PDF and
// CSV show the same values the same way.

func fmtTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2006-01-02 15:04:05 UTC")
}

func fmtPublished(t *time.Time) string {
	if t == nil {
		return "undated"
	}
	if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 {
		return t.Format("2006-01-02")
	}
	return t.Format("2006-01-02 15:04 MST")
}

func fmtRatio(f float64) string { return strconv.FormatFloat(f, 'f', 3, 64) }

func fmtPercent(f float64) string { return strconv.FormatFloat(100*f, 'f', 1, 64) + "%" }

func filePaths(a Article) []string {
	out := make([]string, len(a.Files))
	for i, f := range a.Files {
		out[i] = f.Path
		if f.Record > 0 {
			out[i] += "#" + strconv.Itoa(f.Record)
		}
	}
	return out
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "-"
	}
	return s
}

func ids(v []int64) string {
	s := make([]string, len(v))
	for i, id := range v {
		s[i] = strconv.FormatInt(id, 10)
	}
	return strings.Join(s, ", ")
}

// title names a report in its heading.
func title(kind Kind, model any) string {
	switch m := model.(type) {
	case *Pair:
		return "Comparison of articles " + strconv.FormatInt(m.A.ID, 10) + " and " + strconv.FormatInt(m.B.ID, 10)
	case *Story:
		return "Story " + strconv.FormatInt(m.ID, 10) + ": " + m.Label
	case *Duplicates:
		return "Duplicate groups"
	case *Archive:
		return "Archive summary"
	}
	return string(kind)
}

// articleByID finds a story's version.
func articleByID(as []Article, id int64) (Article, bool) {
	for _, a := range as {
		if a.ID == id {
			return a, true
		}
	}
	return Article{}, false
}
