package report

import (
	"fmt"
	"github.com/storydiff/storydiff/core"
	"io"
	"strconv"
	"strings"

	"github.com/storydiff/storydiff/align"
	"github.com/storydiff/storydiff/diffing/render"
)

// The Markdown report reads as plain text and renders on GitHub and GitLab.
// Article text never becomes markup: titles and notes are escaped, and diffs
// and passages sit in code fences longer than any backtick run inside them,
// with changes marked [-deleted-] {+inserted+} and labelled moves. The
// aligned rows and the collation are tables whose cells are escaped text,
// with ~~deleted~~ and **inserted** words marked around the escaped words.

type mdWriter struct {
	w   io.Writer
	err error
}

func (m *mdWriter) printf(format string, args ...any) {
	if m.err == nil {
		_, m.err = fmt.Fprintf(m.w, format, args...)
	}
}

func writeMarkdown(w io.Writer, kind Kind, model any) error {
	m := &mdWriter{w: w}
	m.printf("# %s\n\n", mdText(title(kind, model)))
	switch v := model.(type) {
	case *Pair:
		m.printf("StoryDiff pair report, made %s.\n\n## Articles\n\n", fmtTime(v.Provenance.Created))
		m.article("A", v.A)
		m.article("B", v.B)
		if v.Alignment != nil && v.Alignment.Mode == align.ModeAligned {
			m.printf("## Changes from A to B, sentence by sentence\n\n")
			m.alignment(v)
			m.printf("### Word diff of the whole texts, in figures\n\n")
			m.stats(v.Diff)
		} else {
			m.printf("## Changes from A to B\n\n")
			m.diff(v.Diff)
			if v.Alignment != nil {
				m.printf("## Side by side\n\n")
				m.alignment(v)
			}
		}
		m.passages(v.Diff.Passages)
		m.provenance(v.Provenance)
	case *Story:
		m.story(v)
	case *Duplicates:
		m.duplicates(v)
	case *Archive:
		m.archive(v)
	}
	return m.err
}

func (m *mdWriter) article(label string, a Article) {
	if label == "" {
		label = "Article " + strconv.FormatInt(a.ID, 10)
	} else {
		label += ": article " + strconv.FormatInt(a.ID, 10)
	}
	if a.Earliest {
		label += " (earliest version)"
	}
	m.printf("### %s\n\n", label)
	m.printf("- Title: %s\n- Outlet: %s\n", mdText(orDash(a.Title)), mdText(orDash(a.Outlet)))
	if a.Byline != "" {
		m.printf("- Byline: %s\n", mdText(a.Byline))
	}
	if a.URL != "" {
		m.printf("- URL: %s\n", mdCode(a.URL))
	}
	m.printf("- Published: %s\n- Language: %s\n- Words: %d\n- SHA-256: %s\n- Imported: %s\n- Files:\n",
		fmtPublished(a.Published), mdText(orDash(a.Language)), a.Words, mdCode(a.SHA256), fmtTime(a.ImportedAt))
	for _, p := range filePaths(a) {
		m.printf("  - %s\n", mdCode(p))
	}
	m.printf("\n")
}

func (m *mdWriter) diff(d Diff) {
	m.stats(d)
	m.printf("Marks: `[-deleted-]`, `{+inserted+}`, `[-moved to #n: old place-]`, `{+moved from #n: new place+}`.\n\n")
	m.fence(render.Text(d.Result, render.Options{HideMinor: d.HideMinor}))
}

func (m *mdWriter) stats(d Diff) {
	st := d.Result.Stats
	m.printf("| Similarity | Changed words | Words in A | Words in B | Inserted | Deleted | Moved | Moves | Paragraphs changed | Minor edits | Shared passages |\n")
	m.printf("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	m.printf("| %s | %s | %d | %d | %d | %d | %d | %d | %d | %d | %d |\n\n", fmtRatio(d.Similarity), fmtPercent(st.ChangedShare), st.WordsA, st.WordsB,
		st.WordsInserted, st.WordsDeleted, st.WordsMoved, st.Moves, st.ParagraphsChanged, st.MinorEdits, len(d.Passages))
	if d.Result.Degraded {
		m.printf("Coarser than asked: %s\n\n", mdText(d.Result.Reason))
	}
	if d.HideMinor {
		m.printf("Minor edits are shown as the later text reads.\n\n")
	}
}

// alignment writes a pair's rows as a table: A, B, the row's score and
// what kind of row it is; a gap is a dash.
func (m *mdWriter) alignment(p *Pair) {
	m.printf("%s %s\n\n", modeText(p.Alignment.Mode), summarise(p.Alignment))
	m.printf("Marks: ~~deleted from A~~, **inserted in B**; a dash is a gap (no counterpart).\n\n")
	m.printf("| # | A: article %d | B: article %d | Score |\n|---:|---|---|---|\n", p.A.ID, p.B.ID)
	for i, r := range p.Alignment.Rows {
		if blank(r) {
			continue
		}
		score := ""
		if r.A != nil && r.B != nil {
			score = fmtRatio(r.Score)
		}
		if n := rowNote(r); n != "" {
			score = strings.TrimSpace(score + " " + n)
		}
		m.printf("| %d | %s | %s | %s |\n", i+1, mdMarks(sideMarks(r, 'a', p.Diff.HideMinor)),
			mdMarks(sideMarks(r, 'b', p.Diff.HideMinor)), score)
	}
	m.printf("\n")
}

// collation writes a story's collation as a table: one column per version
// in date order, then the version that carried the row first.
func (m *mdWriter) collation(s *Story) {
	m.printf("## Collation: the versions sentence by sentence\n\n%s\n\n", collationSummary(s.Collation))
	m.printf("Marks: in each cell, ~~deleted~~ and **inserted** against the row's first version, \\[−N words\\] for a " +
		"longer passage of the first version this one lacks; a dash is a gap; rows found in one version only say so in " +
		"the last column.\n\n")
	cols := collationColumns(s)
	m.printf("| #")
	for _, c := range cols {
		m.printf(" | %s, %s", c.Published, mdText(strings.ReplaceAll(c.label(), "\n", ", ")))
	}
	m.printf(" | First in |\n|---:")
	for range cols {
		m.printf("|---")
	}
	m.printf("|---|\n")
	hide := storyHideMinor(s)
	for i, r := range s.Collation.Rows {
		m.printf("| %d", i+1)
		for _, c := range r.Cells {
			m.printf(" | %s", mdMarks(cellMarks(c, hide)))
		}
		first := strconv.FormatInt(r.First, 10)
		if r.Count == 1 {
			first += " (only)"
		}
		m.printf(" | %s |\n", first)
	}
	m.printf("\n")
}

// mdMarks writes a cell's runs for a table: text escaped as mdText does
// (line breaks become <br>), deletions in ~~ ~~ and insertions in ** **,
// with the white space around a run kept outside its markers so that they
// take effect; a gap is a dash.
func mdMarks(ms []mark) string {
	if len(ms) == 0 {
		return "—"
	}
	var b strings.Builder
	for _, x := range ms {
		delim := ""
		switch {
		case x.Omitted:
			// Struck, the count would read as a number that went.
			b.WriteString(mdCell(x.Text))
			continue
		}
		switch x.Kind {
		case "delete":
			delim = "~~"
		case "insert":
			delim = "**"
		}
		core := strings.TrimSpace(x.Text)
		if delim == "" || core == "" {
			b.WriteString(mdCell(x.Text))
			continue
		}
		lead := x.Text[:len(x.Text)-len(strings.TrimLeft(x.Text, " \t\r\n"))]
		trail := x.Text[len(strings.TrimRight(x.Text, " \t\r\n")):]
		b.WriteString(mdCell(lead) + delim + mdCell(core) + delim + mdCell(trail))
	}
	return b.String()
}

// mdCell escapes text for a table cell: as mdText, but a line break is a
// <br>, which keeps the cell on one line of the table.
func mdCell(s string) string {
	lines := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	for i, l := range lines {
		lines[i] = mdText(l)
	}
	return strings.Join(lines, "<br>")
}

func (m *mdWriter) passages(ps []core.Passage) {
	if len(ps) == 0 {
		m.printf("The two articles share no passage.\n\n")
		return
	}
	m.printf("### Shared passages\n\n")
	for _, p := range ps {
		m.printf("A %d-%d, B %d-%d, score %s:\n\n", p.A.Start, p.A.End, p.B.Start, p.B.End, fmtRatio(p.Score))
		m.fence(p.Text)
	}
}

func (m *mdWriter) story(s *Story) {
	m.printf("StoryDiff story report, made %s.\n\n## Versions in date order\n\n", fmtTime(s.Provenance.Created))
	m.printf("| # | Article | Published | Outlet | Title |\n|---:|---:|---|---|---|\n")
	for i, a := range s.Articles {
		pub := fmtPublished(a.Published)
		if a.Earliest {
			pub = "**" + pub + " (earliest)**"
		}
		m.printf("| %d | %d | %s | %s | %s |\n", i+1, a.ID, pub, mdText(orDash(a.Outlet)), mdText(orDash(a.Title)))
	}
	m.printf("\n")
	if s.Collation != nil {
		m.collation(s)
	}
	m.printf("## Shared passages and where each first appeared\n\n")
	if len(s.Passages) == 0 {
		m.printf("The versions share no passage.\n\n")
	}
	for _, p := range s.Passages {
		m.printf("First in article %d; appears in %s:\n\n", p.FirstIn, ids(p.AppearsIn))
		m.fence(p.Text)
	}
	m.printf("## Changes, each version against %s\n\n", s.Against())
	for _, d := range s.Diffs {
		m.printf("### Article %d → article %d\n\n", d.A, d.B)
		if s.InCollation(d) {
			m.stats(d)
			m.printf("%s\n\n", inCollationNote)
			continue
		}
		m.diff(d)
	}
	m.corrections(s.Corrections)
	m.printf("## Versions\n\n")
	for _, a := range s.Articles {
		m.article("", a)
	}
	m.provenance(s.Provenance)
}

func (m *mdWriter) duplicates(d *Duplicates) {
	m.printf("StoryDiff duplicates report, made %s.\n\nNear-duplicate threshold: similarity at least %s. %d groups.\n\n",
		fmtTime(d.Provenance.Created), fmtRatio(d.MinSimilarity), len(d.Groups))
	if len(d.Groups) == 0 {
		m.printf("No duplicates.\n\n")
	}
	for i, g := range d.Groups {
		m.printf("## Group %d: %s duplicates, similarity %s\n\n", i+1, g.Kind, fmtRatio(g.Similarity))
		if line := g.ReviewLine(); line != "" {
			m.printf("%s\n\n", line)
		}
		if g.Keep != 0 {
			m.printf("Kept: article %d, chosen by the researcher.\n\n", g.Keep)
		}
		for _, a := range g.Members {
			m.article("", a)
		}
		if len(g.Pairs) > 0 {
			m.printf("| A | B | Found as | Similarity | Jaccard | Containment |\n|---:|---:|---|---:|---:|---:|\n")
			for _, p := range g.Pairs {
				m.printf("| %d | %d | %s | %s | %s | %s |\n", p.A, p.B, mdText(p.Kind), fmtRatio(p.Score), fmtRatio(p.Jaccard), fmtRatio(p.Containment))
			}
			m.printf("\n")
		}
	}
	m.printf("## Judgements\n\n")
	if len(d.Judgements) == 0 {
		m.printf("No judgements recorded.\n\n")
	} else {
		m.printf("| A | B | Relation | Verdict | Note | When |\n|---:|---:|---|---|---|---|\n")
		for _, j := range d.Judgements {
			verdict := "rejected"
			if j.Same {
				verdict = "confirmed"
			}
			m.printf("| %d | %d | %s | %s | %s | %s |\n", j.A, j.B, mdText(j.Relation), verdict, mdText(j.Note), fmtTime(j.Created))
		}
		m.printf("\n")
	}
	m.provenance(d.Provenance)
}

func (m *mdWriter) archive(a *Archive) {
	t := a.Totals
	m.printf("StoryDiff archive report, made %s.\n\n## Totals\n\n| Figure | Value |\n|---|---:|\n", fmtTime(a.Provenance.Created))
	m.printf("| Articles | %d |\n| Undated | %d |\n| Exact duplicate groups | %d |\n| Near-duplicate groups | %d |\n"+
		"| Duplicate copies | %d |\n| Duplicate rate | %s |\n| Stories | %d |\n| Outlets | %d |\n| Languages | %d |\n| Published | %s |\n\n",
		t.Articles, t.Undated, t.ExactGroups, t.NearGroups, t.Duplicates, fmtPercent(t.DuplicateRate), t.Stories,
		t.Outlets, t.Languages, a.DateRange())
	if note := a.SummaryNote(); note != "" {
		m.printf("%s\n\n", mdText(note))
	}
	for _, c := range []struct {
		name   string
		counts []Count
	}{{"By outlet", a.ByOutlet}, {"By language", a.ByLanguage}, {"By month published", a.ByMonth}} {
		m.printf("## %s\n\n", c.name)
		if len(c.counts) == 0 {
			m.printf("None.\n\n")
			continue
		}
		m.printf("| Value | Articles |\n|---|---:|\n")
		for _, n := range c.counts {
			m.printf("| %s | %d |\n", mdText(n.Value), n.Count)
		}
		m.printf("\n")
	}
	m.printf("## %s\n\n", a.GroupsHeading())
	if len(a.Groups) == 0 {
		m.printf("No duplicate groups.\n\n")
	} else {
		m.printf("| Group | Kind | Similarity | Members | First member |\n|---:|---|---:|---:|---|\n")
		for i, g := range a.Groups {
			m.printf("| %d | %s | %s | %d | %s |\n", i+1, mdText(g.Kind), fmtRatio(g.Similarity), len(g.Members), mdText(firstMember(g)))
		}
		m.printf("\n")
	}
	m.printf("## %s\n\n", a.StoriesHeading())
	if len(a.Stories) == 0 {
		m.printf("No stories.\n\n")
	} else {
		m.printf("| Story | Versions | Earliest | Label |\n|---:|---:|---:|---|\n")
		for _, s := range a.Stories {
			m.printf("| %d | %d | %d | %s |\n", s.ID, s.Versions, s.Earliest, mdText(s.Label))
		}
		m.printf("\n")
	}
	m.corrections(a.Corrections)
	if a.Full {
		m.printf("## Articles\n\n")
		for _, ar := range a.Articles {
			m.article("", ar)
		}
	}
	m.provenance(a.Provenance)
}

func (m *mdWriter) provenance(p Provenance) {
	m.printf("## Provenance\n\n- Tool: %s %s\n- Archive: %s\n- Created: %s\n\n", mdText(p.Tool), mdText(p.Version), mdCode(p.Archive), fmtTime(p.Created))
	m.printf("| Group | Setting | Value |\n|---|---|---|\n")
	for _, s := range p.Settings {
		m.printf("| %s | %s | %s |\n", mdText(s.Group), mdText(s.Name), mdText(s.Value))
	}
	m.printf("\n")
	m.curation(p.Curation)
}

// curation lists the researchers' edits, tags and notes: every piece of it
// escaped, notes in code fences, as typed text never becomes markup.
func (m *mdWriter) curation(c *Curation) {
	if c.Empty() {
		return
	}
	m.printf("### Curation: researchers' edits, tags and notes\n\n")
	for _, a := range c.Articles {
		m.printf("- Article %d: %s\n", a.ID, mdText(orDash(a.Title)))
		for _, e := range a.Edits {
			m.printf("  - Edited %s\n", mdText(e.EditLine()))
		}
		if len(a.Tags) > 0 {
			m.printf("  - Tags: %s\n", mdText(strings.Join(a.Tags, ", ")))
		}
		if a.Note != nil {
			m.printf("  - Note (changed %s):\n\n", a.Note.When())
			m.fence(a.Note.Text)
		}
	}
	for _, e := range c.Events {
		m.printf("- Event %d: %s\n", e.ID, mdText(orDash(e.Label)))
		if len(e.Tags) > 0 {
			m.printf("  - Tags: %s\n", mdText(strings.Join(e.Tags, ", ")))
		}
		if e.Note != nil {
			m.printf("  - Note (changed %s):\n\n", e.Note.When())
			m.fence(e.Note.Text)
		}
	}
	m.printf("\n")
}

// fence writes s as a code block whose fence is longer than any run of
// backticks in s, so that no article text can close it.
func (m *mdWriter) fence(s string) {
	longest, run := 0, 0
	for _, r := range s {
		if r == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	f := strings.Repeat("`", max(3, longest+1))
	if !strings.HasSuffix(s, "\n") {
		s += "\n"
	}
	m.printf("%stext\n%s%s\n\n", f, s, f)
}

// mdText escapes inline text: one line, every character that could start
// markup (emphasis, links, HTML, tables, code) backslash-escaped.
func mdText(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n' || r == '\r' || r == '\t':
			b.WriteByte(' ')
		case r < 0x20 || r == 0x7f:
			b.WriteRune(0xFFFD)
		case strings.ContainsRune("\\`*_[]<>|~!&#{}", r):
			b.WriteByte('\\')
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// mdCode writes s as a code span (hashes, paths; used outside tables) with a
// delimiter longer than any backtick run inside.
func mdCode(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return 0xFFFD
		}
		return r
	}, s)
	delim := "`"
	for strings.Contains(s, delim) {
		delim += "`"
	}
	if len(delim) > 1 || strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		return delim + " " + s + " " + delim
	}
	return delim + s + delim
}
