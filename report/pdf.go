package report

import (
	"fmt"
	"github.com/storydiff/storydiff/core"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/go-fonts/dejavu/dejavusans"
	"github.com/go-fonts/dejavu/dejavusansbold"
	"github.com/go-fonts/dejavu/dejavusansmono"
	"github.com/go-fonts/dejavu/dejavusansoblique"
	"github.com/go-pdf/fpdf"

	"github.com/storydiff/storydiff/align"
	"github.com/storydiff/storydiff/diffing"
)

// The PDF report is drawn with fpdf and the DejaVu fonts embedded (as
// subsets), so Latin with accents, Greek and Cyrillic render on any reader.
// Changes are told apart without colour, as in the HTML report: insertions
// underlined, deletions struck through, moves labelled [moved to #n] and
// [moved from #n] in bold; colour only helps.

const (
	pdfSans = "DejaVuSans"
	pdfMono = "DejaVuMono"
	lineH   = 4.8 // mm, for 10 pt text
)

type pdfWriter struct{ f *fpdf.Fpdf }

func writePDF(w io.Writer, kind Kind, model any) (err error) {
	// fpdf panics on some input it cannot encode; clean keeps such text out,
	// and should another case slip through, the report fails with an error
	// rather than taking the program (or a window's whole session) down.
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("report: the PDF writer failed on this report's text: %v", r)
		}
	}()
	var prov Provenance
	switch v := model.(type) {
	case *Pair:
		prov = v.Provenance
	case *Story:
		prov = v.Provenance
	case *Duplicates:
		prov = v.Provenance
	case *Archive:
		prov = v.Provenance
	}
	f := fpdf.New("P", "mm", "A4", "")
	f.AddUTF8FontFromBytes(pdfSans, "", dejavusans.TTF)
	f.AddUTF8FontFromBytes(pdfSans, "B", dejavusansbold.TTF)
	f.AddUTF8FontFromBytes(pdfSans, "I", dejavusansoblique.TTF)
	f.AddUTF8FontFromBytes(pdfMono, "", dejavusansmono.TTF)
	// Reproducible bytes: fixed dates, sorted catalogue.
	f.SetCreationDate(prov.Created)
	f.SetModificationDate(prov.Created)
	f.SetCatalogSort(true)
	f.SetTitle(clean(title(kind, model)), true)
	f.SetCreator(clean(prov.Tool+" "+prov.Version), true)
	f.SetProducer("StoryDiff", true)
	f.SetMargins(15, 15, 15)
	f.SetAutoPageBreak(true, 18)
	f.AliasNbPages("{nb}")
	f.SetFooterFunc(func() {
		f.SetY(-13)
		f.SetFont(pdfSans, "", 8)
		f.SetTextColor(80, 80, 80)
		f.CellFormat(0, 5, fmt.Sprintf("StoryDiff %s report · page %d of {nb}", kind, f.PageNo()), "", 0, "C", false, 0, "")
	})
	f.AddPage()
	p := &pdfWriter{f: f}
	p.heading(1, title(kind, model))
	p.text(fmt.Sprintf("StoryDiff %s report, made %s.", kind, fmtTime(prov.Created)))
	switch v := model.(type) {
	case *Pair:
		p.heading(2, "Articles")
		p.article("A: ", v.A)
		p.article("B: ", v.B)
		if v.Alignment != nil && v.Alignment.Mode == align.ModeAligned {
			p.heading(2, "Changes from A to B, sentence by sentence")
			p.alignedTable(v)
			p.heading(3, "Word diff of the whole texts, in figures")
			p.stats(v.Diff)
		} else {
			p.heading(2, "Changes from A to B")
			p.diff(v.Diff)
			if v.Alignment != nil {
				p.heading(2, "Side by side")
				p.alignedTable(v)
			}
		}
		p.passages(v.Diff.Passages)
	case *Story:
		p.story(v)
	case *Duplicates:
		p.duplicates(v)
	case *Archive:
		p.archive(v)
	}
	p.provenance(prov)
	if err := f.Error(); err != nil {
		return fmt.Errorf("report: pdf: %w", err)
	}
	return f.Output(w)
}

func (p *pdfWriter) heading(level int, s string) {
	size := map[int]float64{1: 16, 2: 13, 3: 11}[level]
	if level > 1 {
		p.f.Ln(2)
	}
	p.f.SetFont(pdfSans, "B", size)
	p.f.SetTextColor(0, 0, 0)
	// The outline lets a reader jump between a long story's diffs.
	p.f.Bookmark(clean(s), level-1, -1)
	p.f.MultiCell(0, size*0.5, clean(s), "", "L", false)
	p.f.Ln(1)
}

func (p *pdfWriter) text(s string) {
	p.f.SetFont(pdfSans, "", 10)
	p.f.SetTextColor(0, 0, 0)
	p.f.MultiCell(0, lineH, clean(s), "", "L", false)
}

// field writes a bold label and its value; mono values (hashes, paths) wrap
// anywhere.
func (p *pdfWriter) field(label, value string, mono bool) {
	p.f.SetTextColor(0, 0, 0)
	p.f.SetFont(pdfSans, "B", 9)
	p.f.Write(lineH, clean(label)+": ")
	if value == "-" {
		// A lone hyphen at a line's end reads as a hyphenation to text
		// extractors, which then join the next line on.
		value = "—"
	}
	if mono {
		p.f.SetFont(pdfMono, "", 8)
		p.write(cleanMono(value))
	} else {
		p.f.SetFont(pdfSans, "", 9)
		p.write(clean(value))
	}
	p.f.Ln(lineH)
}

func (p *pdfWriter) article(prefix string, a Article) {
	head := prefix + "article " + strconv.FormatInt(a.ID, 10)
	if a.Earliest {
		head += " (earliest version)"
	}
	p.heading(3, head)
	p.field("Title", orDash(a.Title), false)
	p.field("Outlet", orDash(a.Outlet), false)
	if a.Byline != "" {
		p.field("Byline", a.Byline, false)
	}
	if a.URL != "" {
		p.field("URL", a.URL, true)
	}
	p.field("Published", fmtPublished(a.Published), false)
	p.field("Language", orDash(a.Language), false)
	p.field("Words", strconv.Itoa(a.Words), false)
	p.field("SHA-256", a.SHA256, true)
	p.field("Imported", fmtTime(a.ImportedAt), false)
	for _, path := range filePaths(a) {
		p.field("File", path, true)
	}
}

func (p *pdfWriter) diff(d Diff) {
	p.stats(d)
	p.legend()
	p.f.Ln(1)
	for _, s := range segments(d.Result.Ops, d.HideMinor) {
		p.segment(s)
	}
	p.f.SetFont(pdfSans, "", 10)
	p.f.SetTextColor(0, 0, 0)
	p.f.Ln(lineH + 1)
}

func (p *pdfWriter) stats(d Diff) {
	st := d.Result.Stats
	p.text(fmt.Sprintf("Similarity %s; changed words %s; words in A %d, in B %d; %d inserted, %d deleted, %d moved (%d moves); "+
		"%d paragraphs changed; %d minor edits; %d shared passages.", fmtRatio(d.Similarity), fmtPercent(st.ChangedShare), st.WordsA, st.WordsB,
		st.WordsInserted, st.WordsDeleted, st.WordsMoved, st.Moves, st.ParagraphsChanged, st.MinorEdits, len(d.Passages)))
	if d.Result.Degraded {
		p.text("Coarser than asked: " + d.Result.Reason)
	}
	if d.HideMinor {
		p.text("Minor edits are shown as the later text reads.")
	}
}

func (p *pdfWriter) legend() {
	plain := func(s string) {
		p.f.SetFont(pdfSans, "", 9)
		p.f.SetTextColor(0, 0, 0)
		p.f.Write(lineH, s)
	}
	plain("Marks: ")
	p.segment(seg{kind: diffing.Insert, text: "inserted"})
	plain(", ")
	p.segment(seg{kind: diffing.Delete, text: "deleted"})
	plain(", ")
	p.segment(seg{role: diffing.MoveFrom, text: "[moved to #n] "})
	p.segment(seg{kind: diffing.Move, role: diffing.MoveFrom, text: "old place"})
	plain(", ")
	p.segment(seg{role: diffing.MoveTo, text: "[moved from #n] "})
	p.segment(seg{kind: diffing.Move, role: diffing.MoveTo, text: "new place"})
	plain("; grey: minor edit.")
	p.f.Ln(lineH)
}

// segment draws one run: style for the distinction, colour as a help.
func (p *pdfWriter) segment(s seg) {
	style := ""
	r, g, b := 0, 0, 0
	switch {
	case s.kind == "":
		style = "B"
		r, g, b = 20, 50, 140
	case s.kind == diffing.Insert:
		style = "U"
		r, g, b = 0, 110, 0
	case s.kind == diffing.Delete:
		style = "S"
		r, g, b = 170, 0, 0
	case s.kind == diffing.Move && s.role == diffing.MoveFrom:
		style = "S"
		r, g, b = 20, 50, 140
	case s.kind == diffing.Move:
		style = "U"
		r, g, b = 20, 50, 140
	}
	if s.minor {
		r, g, b = 130, 130, 130
	}
	p.f.SetFont(pdfSans, style, 10)
	p.f.SetTextColor(r, g, b)
	p.write(clean(s.text))
}

// write flows text as fpdf's Write does, in pieces. fpdf's Write converts
// its whole string to runes once per character, so its cost grows with the
// square of the length: a paragraph-long run written at once took most of
// a story report's time, and a 100 KB word took 40 s. So text is handed
// over in pieces of about chunkRunes code points, each ending after a
// space or line break, and a word too wide for a whole line is broken at
// the line's width here (breakWord). Writes continue where the last one
// stopped, so the pieces wrap as the whole would.
func (p *pdfWriter) write(s string) {
	const chunkRunes = 120
	pageW, _ := p.f.GetPageSize()
	left, _, right, _ := p.f.GetMargins()
	line := pageW - left - right - 2*p.f.GetCellMargin()
	start, n := 0, 0 // the text not yet written, and its length in runes
	flush := func(end int) {
		if end > start {
			p.f.Write(lineH, s[start:end])
		}
		start, n = end, 0
	}
	at := 0
	for _, tok := range tokens(s) {
		end := at + len(tok)
		switch {
		case tok == "\n" || strings.TrimSpace(tok) == "":
			n += utf8.RuneCountInString(tok)
			if n >= chunkRunes {
				flush(end)
			}
		case len(tok) > 16 && p.f.GetStringWidth(tok) > line:
			flush(at)
			p.breakWord(tok)
			start = end
		default:
			n += utf8.RuneCountInString(tok)
		}
		at = end
	}
	flush(len(s))
}

// breakWord writes a word wider than a line: as much as fits on the current
// line, then a line at a time. Widths are counted in the font's units as
// fpdf's Write counts them, so each piece fits and Write does not wrap it
// again; each character is measured once.
func (p *pdfWriter) breakWord(word string) {
	f := p.f
	pageW, _ := f.GetPageSize()
	left, _, right, _ := f.GetMargins()
	_, fontSize := f.GetFontSize()
	room := func() float64 { return (pageW - right - f.GetX() - 2*f.GetCellMargin()) * 1000 / fontSize }
	start, used, avail := 0, 0, room()
	for i, r := range word {
		w := f.GetStringSymbolWidth(string(r))
		if float64(used+w) > avail && (i > start || f.GetX() > left) {
			if i > start {
				f.Write(lineH, word[start:i])
			}
			f.Ln(lineH)
			start, used, avail = i, 0, room()
		}
		used += w
	}
	if start < len(word) {
		f.Write(lineH, word[start:])
	}
}

func (p *pdfWriter) passages(ps []core.Passage) {
	if len(ps) == 0 {
		p.text("The two articles share no passage.")
		return
	}
	p.heading(3, "Shared passages")
	for _, x := range ps {
		p.field("Where", fmt.Sprintf("A %d-%d, B %d-%d, score %s", x.A.Start, x.A.End, x.B.Start, x.B.End, fmtRatio(x.Score)), false)
		p.quote(x.Text)
	}
}

func (p *pdfWriter) quote(s string) {
	p.f.SetFont(pdfSans, "I", 9)
	p.f.SetTextColor(40, 40, 40)
	left, _, _, _ := p.f.GetMargins()
	p.f.SetLeftMargin(left + 6)
	p.f.SetX(left + 6)
	p.f.MultiCell(0, lineH, clean(s), "", "L", false)
	p.f.SetLeftMargin(left)
	p.f.Ln(1)
}

func (p *pdfWriter) story(s *Story) {
	p.heading(2, "Versions in date order")
	for i, a := range s.Articles {
		line := fmt.Sprintf("%d. Article %d, %s", i+1, a.ID, fmtPublished(a.Published))
		if a.Earliest {
			line += " (earliest)"
		}
		p.field(line, orDash(a.Outlet)+" · "+orDash(a.Title), false)
	}
	if s.Collation != nil {
		p.collationTable(s)
	}
	p.heading(2, "Shared passages and where each first appeared")
	if len(s.Passages) == 0 {
		p.text("The versions share no passage.")
	}
	for _, x := range s.Passages {
		p.field("First in", fmt.Sprintf("article %d; appears in %s", x.FirstIn, ids(x.AppearsIn)), false)
		p.quote(x.Text)
	}
	p.heading(2, "Changes, each version against "+s.Against())
	for _, d := range s.Diffs {
		p.heading(3, fmt.Sprintf("Article %d → article %d", d.A, d.B))
		if s.InCollation(d) {
			p.stats(d)
			p.text(inCollationNote)
			continue
		}
		p.diff(d)
	}
	p.corrections(s.Corrections)
	p.heading(2, "Versions")
	for _, a := range s.Articles {
		p.article("", a)
	}
}

func (p *pdfWriter) duplicates(d *Duplicates) {
	p.text(fmt.Sprintf("Near-duplicate threshold: similarity at least %s. %d groups.", fmtRatio(d.MinSimilarity), len(d.Groups)))
	if len(d.Groups) == 0 {
		p.text("No duplicates.")
	}
	for i, g := range d.Groups {
		p.heading(2, fmt.Sprintf("Group %d: %s duplicates, similarity %s", i+1, g.Kind, fmtRatio(g.Similarity)))
		if line := g.ReviewLine(); line != "" {
			p.text(line)
		}
		if g.Keep != 0 {
			p.text(fmt.Sprintf("Kept: article %d, chosen by the researcher.", g.Keep))
		}
		for _, a := range g.Members {
			p.article("", a)
		}
		for _, x := range g.Pairs {
			p.field(fmt.Sprintf("Pair %d and %d", x.A, x.B), fmt.Sprintf("found as %s; similarity %s, Jaccard %s, containment %s",
				x.Kind, fmtRatio(x.Score), fmtRatio(x.Jaccard), fmtRatio(x.Containment)), false)
		}
	}
	p.heading(2, "Judgements")
	if len(d.Judgements) == 0 {
		p.text("No judgements recorded.")
	}
	for _, j := range d.Judgements {
		verdict := "rejected"
		if j.Same {
			verdict = "confirmed"
		}
		p.field(fmt.Sprintf("%d and %d, %s", j.A, j.B, j.Relation), verdict+" on "+fmtTime(j.Created)+"; "+orDash(j.Note), false)
	}
}

func (p *pdfWriter) archive(a *Archive) {
	t := a.Totals
	p.heading(2, "Totals")
	for _, kv := range [][2]string{{"Articles", strconv.Itoa(t.Articles)}, {"Undated", strconv.Itoa(t.Undated)},
		{"Exact duplicate groups", strconv.Itoa(t.ExactGroups)}, {"Near-duplicate groups", strconv.Itoa(t.NearGroups)},
		{"Duplicate copies", strconv.Itoa(t.Duplicates)}, {"Duplicate rate", fmtPercent(t.DuplicateRate)},
		{"Stories", strconv.Itoa(t.Stories)}, {"Outlets", strconv.Itoa(t.Outlets)}, {"Languages", strconv.Itoa(t.Languages)},
		{"Published", a.DateRange()}} {
		p.field(kv[0], kv[1], false)
	}
	if note := a.SummaryNote(); note != "" {
		p.text(note)
	}
	for _, c := range []struct {
		name   string
		counts []Count
	}{{"By outlet", a.ByOutlet}, {"By language", a.ByLanguage}, {"By month published", a.ByMonth}} {
		p.heading(2, c.name)
		if len(c.counts) == 0 {
			p.text("None.")
		}
		if c.name == "By month published" {
			p.monthChart(c.counts)
		}
		for _, n := range c.counts {
			p.field(n.Value, strconv.Itoa(n.Count), false)
		}
	}
	p.heading(2, a.GroupsHeading())
	if len(a.Groups) == 0 {
		p.text("No duplicate groups.")
	}
	for i, g := range a.Groups {
		p.field(fmt.Sprintf("Group %d", i+1), fmt.Sprintf("%s, similarity %s, %d members, first %s", g.Kind,
			fmtRatio(g.Similarity), len(g.Members), firstMember(g)), false)
	}
	p.heading(2, a.StoriesHeading())
	if len(a.Stories) == 0 {
		p.text("No stories.")
	}
	for _, s := range a.Stories {
		p.field(fmt.Sprintf("Story %d", s.ID), fmt.Sprintf("%d versions, earliest article %d: %s", s.Versions, s.Earliest, s.Label), false)
	}
	p.corrections(a.Corrections)
	if a.Full {
		p.heading(2, "Articles")
		for _, ar := range a.Articles {
			p.compactArticle(ar)
		}
	}
}

// compactArticle gives an article in three short lines, for listings of a
// whole archive.
func (p *pdfWriter) compactArticle(a Article) {
	p.f.SetTextColor(0, 0, 0)
	p.f.SetFont(pdfSans, "B", 9)
	p.write(clean(fmt.Sprintf("%d. %s", a.ID, orDash(a.Title))))
	p.f.Ln(lineH)
	p.f.SetFont(pdfSans, "", 8)
	p.write(clean(fmt.Sprintf("%s · %s · %s · %d words · imported %s", fmtPublished(a.Published), orDash(a.Outlet),
		orDash(a.Language), a.Words, fmtTime(a.ImportedAt))))
	p.f.Ln(4)
	p.f.SetFont(pdfMono, "", 7)
	p.write(cleanMono(strings.Join(append([]string{a.SHA256}, filePaths(a)...), "  ")))
	p.f.Ln(5)
}

func (p *pdfWriter) provenance(pr Provenance) {
	p.heading(2, "Provenance")
	p.field("Tool", pr.Tool+" "+pr.Version, false)
	p.field("Archive", pr.Archive, true)
	p.field("Created", fmtTime(pr.Created), false)
	for _, s := range pr.Settings {
		p.field(s.Group+" "+s.Name, s.Value, false)
	}
	p.curation(pr.Curation)
}

// curation lists the researchers' edits (with the values imported), tags
// and notes, drawn as text.
func (p *pdfWriter) curation(c *Curation) {
	if c.Empty() {
		return
	}
	p.heading(3, "Curation: researchers' edits, tags and notes")
	for _, a := range c.Articles {
		p.field("Article "+strconv.FormatInt(a.ID, 10), orDash(a.Title), false)
		for _, e := range a.Edits {
			p.field("  Edited", e.EditLine(), false)
		}
		if len(a.Tags) > 0 {
			p.field("  Tags", strings.Join(a.Tags, ", "), false)
		}
		if a.Note != nil {
			p.field("  Note ("+a.Note.When()+")", a.Note.Text, false)
		}
	}
	for _, e := range c.Events {
		p.field("Event "+strconv.FormatInt(e.ID, 10), orDash(e.Label), false)
		if len(e.Tags) > 0 {
			p.field("  Tags", strings.Join(e.Tags, ", "), false)
		}
		if e.Note != nil {
			p.field("  Note ("+e.Note.When()+")", e.Note.Text, false)
		}
	}
}

// clean makes article text safe for the PDF text operators and the sans
// fonts: tabs become spaces, carriage returns and other control characters
// go, "\n" stays a line break, and a character the fonts lack shows as its
// code point (see drawable).
func clean(s string) string {
	sans, _ := pdfGlyphs()
	return drawable(controls(s), sans)
}

// cleanMono is clean for text set in the mono font (hashes, paths, URLs).
func cleanMono(s string) string {
	_, mono := pdfGlyphs()
	return drawable(controls(s), mono)
}

func controls(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return (r < 0x20 && r != '\n') || r == 0x7f || (r >= 0x80 && r < 0xa0) }) {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t':
			return ' '
		case r == '\n':
			return r
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
			return -1
		}
		return r
	}, s)
}
