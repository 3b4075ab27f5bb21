package report

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/storydiff/storydiff/align"
)

// Helpers shared by every format for the aligned rows of a pair and the
// collation of a story, so that each shows the same marks: within a row,
// words of A that B lacks are deleted, words of B that A lacks inserted; a
// sentence with no counterpart stands against a gap, and a row out of
// order is marked moved. In a collation cell, the marks are the
// differences from the row's first version.

// mark is one run of an aligned cell as the reports draw it.
type mark struct {
	Kind  string // "equal", "delete" or "insert"
	Text  string
	Minor bool
	// Omitted marks a deletion of more than omitWords words in a collation
	// cell, shown as "[−N words]": the words stand in the row's first cell.
	Omitted bool
}

// omitWords is the longest deletion a collation cell shows word for word.
// A cell reads as its version's wording; a reworded sentence would
// otherwise repeat, struck through, the first version standing in the
// same row.
const omitWords = 4

// sideMarks gives one side of a pair row: A's side shows its equal and
// deleted words, B's its equal and inserted ones. A side standing against a
// gap is shown plain (the gap says it has no counterpart), and so are minor
// edits when hideMinor is set. Nil for a gap.
func sideMarks(r align.Row, side byte, hideMinor bool) []mark {
	sp, other, drop := r.A, r.B, "insert"
	if side == 'b' {
		sp, other, drop = r.B, r.A, "delete"
	}
	if sp == nil {
		return nil
	}
	if other == nil || len(r.Ops) == 0 {
		return trimMarks([]mark{{Kind: "equal", Text: sp.Text}})
	}
	out := make([]mark, 0, len(r.Ops))
	for _, o := range r.Ops {
		if o.Kind == drop {
			continue
		}
		m := mark{Kind: o.Kind, Text: o.Text, Minor: o.Minor}
		if m.Minor && hideMinor {
			m.Kind, m.Minor = "equal", false
		}
		out = append(out, m)
	}
	return trimMarks(out)
}

// cellMarks gives a collation cell: the version's wording, with the words
// the row's first version had and this one lacks deleted and its own
// inserted. The row's first cell has no ops and reads plain.
func cellMarks(c *align.Cell, hideMinor bool) []mark {
	if c == nil {
		return nil
	}
	if len(c.Ops) == 0 {
		return trimMarks([]mark{{Kind: "equal", Text: c.Text}})
	}
	out := make([]mark, 0, len(c.Ops))
	for _, o := range c.Ops {
		m := mark{Kind: o.Kind, Text: o.Text, Minor: o.Minor}
		if m.Minor && hideMinor {
			if m.Kind == "delete" {
				continue
			}
			m.Kind, m.Minor = "equal", false
		}
		if n := len(strings.Fields(m.Text)); m.Kind == "delete" && n > omitWords {
			lead := m.Text[:len(m.Text)-len(strings.TrimLeftFunc(m.Text, unicode.IsSpace))]
			trail := m.Text[len(strings.TrimRightFunc(m.Text, unicode.IsSpace)):]
			if lead != "" {
				out = append(out, mark{Kind: "equal", Text: lead})
			}
			out = append(out, mark{Kind: "delete", Text: "[−" + strconv.Itoa(n) + " words]", Omitted: true})
			if trail != "" {
				out = append(out, mark{Kind: "equal", Text: trail})
			} else {
				out = append(out, mark{Kind: "equal", Text: " "})
			}
			continue
		}
		out = append(out, m)
	}
	return trimMarks(out)
}

// trimMarks drops the white space before the first word and after the last
// (a row's span carries the blank lines after its sentence), merges
// neighbouring runs of one kind and drops empty runs.
func trimMarks(ms []mark) []mark {
	out := ms[:0]
	for _, m := range ms {
		if m.Text == "" {
			continue
		}
		if n := len(out); n > 0 && out[n-1].Kind == m.Kind && out[n-1].Minor == m.Minor && !out[n-1].Omitted && !m.Omitted {
			out[n-1].Text += m.Text
			continue
		}
		out = append(out, m)
	}
	for len(out) > 0 {
		out[0].Text = strings.TrimLeftFunc(out[0].Text, unicode.IsSpace)
		if out[0].Text != "" {
			break
		}
		out = out[1:]
	}
	for len(out) > 0 {
		n := len(out) - 1
		out[n].Text = strings.TrimRightFunc(out[n].Text, unicode.IsSpace)
		if out[n].Text != "" {
			break
		}
		out = out[:n]
	}
	return out
}

// blank reports whether a pair row holds only white space on both sides
// (the blank lines between paragraphs of near-duplicates): the rendered
// tables leave it out, keeping the numbers of the others.
func blank(r align.Row) bool {
	for _, sp := range []*align.Span{r.A, r.B} {
		if sp != nil && strings.TrimSpace(sp.Text) != "" {
			return false
		}
	}
	return true
}

// rowNote says what kind of row a pair row is, for the score column.
func rowNote(r align.Row) string {
	var notes []string
	switch {
	case r.A == nil:
		notes = append(notes, "only in B")
	case r.B == nil:
		notes = append(notes, "only in A")
	}
	if r.Moved {
		notes = append(notes, "moved")
	}
	return strings.Join(notes, ", ")
}

// alignSummary counts a pair's rows: aligned, identical, only in A, only
// in B, moved.
type alignSummary struct {
	Rows, Paired, Same, OnlyA, OnlyB, Moved int
}

func summarise(res *align.Result) alignSummary {
	var s alignSummary
	if res == nil {
		return s
	}
	for _, r := range res.Rows {
		s.Rows++
		switch {
		case r.A == nil:
			s.OnlyB++
		case r.B == nil:
			s.OnlyA++
		default:
			s.Paired++
			if len(r.Ops) == 1 && r.Ops[0].Kind == "equal" {
				s.Same++
			}
		}
		if r.Moved {
			s.Moved++
		}
	}
	return s
}

// String is the summary as one sentence.
func (s alignSummary) String() string {
	return strconv.Itoa(s.Rows) + " rows: " + strconv.Itoa(s.Paired) + " aligned (" + strconv.Itoa(s.Same) +
		" identical), " + strconv.Itoa(s.OnlyA) + " only in A, " + strconv.Itoa(s.OnlyB) + " only in B, " +
		strconv.Itoa(s.Moved) + " moved."
}

// modeText explains a pair's mode to a reader.
func modeText(mode string) string {
	if mode == align.ModeDiff {
		return "The articles are near-duplicates: the rows are the word diff of the whole texts, cut where both start a line."
	}
	return "The articles are related versions: each row holds the sentences of A and of B that say the same thing, " +
		"with the word diff inside the row; a sentence with no counterpart stands against a gap."
}

// collationColumn names a story's version in the collation's heading.
type collationColumn struct {
	ID        int64
	Published string
	Outlet    string
}

// label is the outlet, when known, and the article, on two lines.
func (c collationColumn) label() string {
	id := "article " + strconv.FormatInt(c.ID, 10)
	if c.Outlet == "-" {
		return id
	}
	return c.Outlet + "\n" + id
}

func collationColumns(s *Story) []collationColumn {
	if s.Collation == nil {
		return nil
	}
	out := make([]collationColumn, len(s.Collation.Versions))
	for i, id := range s.Collation.Versions {
		a, _ := articleByID(s.Articles, id)
		out[i] = collationColumn{ID: id, Published: fmtPublished(a.Published), Outlet: orDash(a.Outlet)}
	}
	return out
}

// collationSummary counts a story's collation rows and those in one
// version only.
func collationSummary(st *align.Story) string {
	if st == nil {
		return ""
	}
	single := 0
	for _, r := range st.Rows {
		if r.Count == 1 {
			single++
		}
	}
	return strconv.Itoa(len(st.Rows)) + " rows of aligned sentences across " + strconv.Itoa(len(st.Versions)) +
		" versions; " + strconv.Itoa(single) + " found in one version only."
}

// storyHideMinor says whether the story's diffs hide minor edits, which its
// collation then does too.
func storyHideMinor(s *Story) bool { return len(s.Diffs) > 0 && s.Diffs[0].HideMinor }

// inCollationNote stands for the word diff of related versions in a story
// report.
const inCollationNote = "Related versions: the collation above shows their sentences side by side, which a word diff of the whole texts cannot."
