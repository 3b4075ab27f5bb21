package report

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The aligned rows of a pair and a story's collation are drawn as tables
// whose cells wrap their marked text: fpdf's MultiCell wraps one style
// only, so cells are laid out here, word by word, and drawn line by line,
// a row continuing on the next page when it does not fit.

const (
	tableSize = 8.5 // pt
	tableLine = 3.9 // mm per line at tableSize
	cellPadX  = 1.2 // mm
	cellPadY  = 0.8 // mm
	pageFoot  = 18  // mm kept free at the bottom, as SetAutoPageBreak
)

// Extra kinds of run for table cells, besides equal, delete and insert.
const (
	markBold = "bold" // headings and row labels
	markGap  = "gap"  // the dash of a gap
)

type rgb [3]int

var (
	fillHead   = &rgb{230, 230, 230}
	fillGap    = &rgb{238, 238, 238}
	fillOnlyA  = &rgb{251, 236, 236}
	fillOnlyB  = &rgb{235, 246, 235}
	fillSingle = &rgb{255, 244, 210}
	fillMoved  = &rgb{221, 232, 251}
)

// pcell is one cell of a PDF table: its runs and background.
type pcell struct {
	marks []mark
	fill  *rgb
	right bool // numbers: right-aligned
}

// piece is a run placed on one line of a cell, x from the cell's text edge.
type piece struct {
	x    float64
	text string
	kind string
	mnr  bool
	omit bool // an omitted passage's count: red, not struck
}

func plainCell(s string) pcell { return pcell{marks: []mark{{Kind: "equal", Text: s}}} }

func numCell(s string) pcell { return pcell{marks: []mark{{Kind: "equal", Text: s}}, right: true} }

func gapCell() pcell { return pcell{marks: []mark{{Kind: markGap, Text: "—"}}, fill: fillGap} }

// layout breaks a cell's runs into lines of at most width mm: at spaces,
// at line breaks, and inside a word only when the word alone is wider.
func (p *pdfWriter) layout(ms []mark, width float64) [][]piece {
	p.f.SetFont(pdfSans, "", tableSize)
	lines := [][]piece{nil}
	x := 0.0
	omit := false
	add := func(text, kind string, minor bool, w float64) {
		n := len(lines) - 1
		if k := len(lines[n]) - 1; k >= 0 && lines[n][k].kind == kind && lines[n][k].mnr == minor && lines[n][k].omit == omit {
			lines[n][k].text += text
		} else {
			if k >= 0 && changed(kind) && changed(lines[n][k].kind) && !strings.HasSuffix(lines[n][k].text, " ") {
				x += 0.8 // a deletion and an insertion that touch are kept apart
			}
			lines[n] = append(lines[n], piece{x: x, text: text, kind: kind, mnr: minor, omit: omit})
		}
		x += w
	}
	newline := func() { lines, x = append(lines, nil), 0 }
	for _, m := range ms {
		omit = m.Omitted
		for _, tok := range tokens(clean(m.Text)) {
			switch {
			case tok == "\n":
				newline()
				continue
			case strings.TrimSpace(tok) == "":
				if x == 0 {
					continue // no line starts with a space
				}
				if w := p.f.GetStringWidth(" "); x+w <= width {
					add(" ", m.Kind, m.Minor, w)
				}
				continue
			}
			w := p.f.GetStringWidth(tok)
			if x > 0 && x+w > width {
				newline()
			}
			if w > width { // a word wider than the cell: cut it
				parts := p.cutWord(tok, width)
				for _, part := range parts[:len(parts)-1] {
					add(part, m.Kind, m.Minor, p.f.GetStringWidth(part))
					newline()
				}
				tok = parts[len(parts)-1]
				w = p.f.GetStringWidth(tok)
			}
			add(tok, m.Kind, m.Minor, w)
		}
	}
	for len(lines) > 1 && len(lines[len(lines)-1]) == 0 {
		lines = lines[:len(lines)-1]
	}
	return lines
}

func changed(kind string) bool { return kind == "delete" || kind == "insert" }

// cutWord cuts a word into pieces of at most width mm (each at least one
// rune), measuring each character once: measuring every prefix made a long
// word's layout grow with the square of its length.
func (p *pdfWriter) cutWord(s string, width float64) []string {
	var parts []string
	start, used := 0, 0.0
	for i := 0; i < len(s); {
		_, size := utf8.DecodeRuneInString(s[i:])
		w := p.f.GetStringWidth(s[i : i+size])
		if i > start && used+w > width {
			parts = append(parts, s[start:i])
			start, used = i, 0
		}
		used += w
		i += size
	}
	return append(parts, s[start:])
}

// tokens splits text into words, runs of spaces, and line breaks.
func tokens(s string) []string {
	var out []string
	start := 0
	kind := func(r rune) int {
		switch {
		case r == '\n':
			return 2
		case unicode.IsSpace(r):
			return 1
		}
		return 0
	}
	prev := -1
	for i, r := range s {
		k := kind(r)
		if i > start && (k != prev || k == 2) {
			out = append(out, s[start:i])
			start = i
		}
		prev = k
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}

// table draws a header and rows with the given column widths (mm).
func (p *pdfWriter) table(widths []float64, head []pcell, rows [][]pcell) {
	f := p.f
	f.SetAutoPageBreak(false, 0)
	defer f.SetAutoPageBreak(true, pageFoot)
	for i := range head {
		head[i].fill = fillHead
	}
	p.tableRow(widths, head, nil)
	for _, r := range rows {
		p.tableRow(widths, r, head)
	}
	f.SetTextColor(0, 0, 0)
	f.SetFont(pdfSans, "", 10)
	f.Ln(2)
}

// tableRow draws one row; head is repeated at the top of a new page (nil
// for the header itself).
func (p *pdfWriter) tableRow(widths []float64, cells []pcell, head []pcell) {
	f := p.f
	left, top, _, _ := f.GetMargins()
	_, pageH := f.GetPageSize()
	bottom := pageH - pageFoot
	laid := make([][][]piece, len(cells))
	n := 1
	for i, c := range cells {
		laid[i] = p.layout(c.marks, widths[i]-2*cellPadX)
		n = max(n, len(laid[i]))
	}
	total := 0.0
	for _, w := range widths {
		total += w
	}
	height := float64(n)*tableLine + 2*cellPadY
	y := f.GetY()
	// A row that fits on a page starts on a new one rather than split.
	if y+height > bottom && height < bottom-top-20 {
		p.newTablePage(widths, head)
		y = f.GetY()
	}
	segTop := y
	f.SetDrawColor(170, 170, 170)
	f.SetLineWidth(0.2)
	closeSeg := func(yEnd float64) {
		x := left
		for _, w := range widths {
			f.Line(x, segTop, x, yEnd)
			x += w
		}
		f.Line(x, segTop, x, yEnd)
		f.Line(left, segTop, left+total, segTop)
		f.Line(left, yEnd, left+total, yEnd)
	}
	fillBand := func(y0, h float64) {
		x := left
		for i, c := range cells {
			if c.fill != nil {
				f.SetFillColor(c.fill[0], c.fill[1], c.fill[2])
				f.Rect(x, y0, widths[i], h, "F")
			}
			x += widths[i]
		}
	}
	fillBand(y, cellPadY)
	y += cellPadY
	for line := 0; line < n; line++ {
		if y+tableLine > bottom {
			fillBand(y, bottom-y)
			closeSeg(y)
			p.newTablePage(widths, head)
			y = f.GetY()
			segTop = y
		}
		fillBand(y, tableLine)
		x := left
		for i, c := range cells {
			if line < len(laid[i]) {
				p.drawLine(laid[i][line], x, y, widths[i], c.right)
			}
			x += widths[i]
		}
		y += tableLine
	}
	fillBand(y, cellPadY)
	y += cellPadY
	closeSeg(y)
	f.SetXY(left, y)
}

func (p *pdfWriter) newTablePage(widths []float64, head []pcell) {
	p.f.AddPage()
	if head != nil {
		p.tableRow(widths, head, nil)
	}
}

// drawLine draws one line of a cell whose left edge is at x.
func (p *pdfWriter) drawLine(ps []piece, x, y, width float64, right bool) {
	f := p.f
	shift := cellPadX
	if right && len(ps) > 0 {
		last := ps[len(ps)-1]
		f.SetFont(pdfSans, "", tableSize)
		shift = width - cellPadX - last.x - f.GetStringWidth(last.text)
	}
	for _, pc := range ps {
		style := ""
		r, g, b := 0, 0, 0
		switch pc.kind {
		case "delete":
			style, r, g, b = "S", 170, 0, 0
		case "insert":
			style, r, g, b = "U", 0, 110, 0
		case markBold:
			style, r, g, b = "B", 20, 50, 140
		case markGap:
			r, g, b = 120, 120, 120
		}
		if pc.mnr {
			r, g, b = 130, 130, 130
		}
		if pc.omit {
			style = ""
		}
		text := pc.text
		if style == "S" || style == "U" {
			// Marks end at the last word, not on a space after it.
			text = strings.TrimRight(text, " ")
		}
		f.SetFont(pdfSans, style, tableSize)
		f.SetTextColor(r, g, b)
		w := f.GetStringWidth(text)
		f.SetXY(x+shift+pc.x, y)
		f.CellFormat(w, tableLine, text, "", 0, "L", false, 0, "")
	}
}

// alignedTable draws a pair's rows: #, A, B, score.
func (p *pdfWriter) alignedTable(m *Pair) {
	res := m.Alignment
	p.text(modeText(res.Mode) + " " + summarise(res).String())
	p.alignLegend(true)
	side := func(label string, a Article) pcell {
		s := fmt.Sprintf("%s: article %d", label, a.ID)
		if strings.TrimSpace(a.Outlet) != "" {
			s += ", " + a.Outlet
		}
		return plainCell(s)
	}
	head := []pcell{numCell("#"), side("A", m.A), side("B", m.B), plainCell("Score")}
	for i := range head {
		head[i].marks[0].Kind = markBold
	}
	rows := make([][]pcell, 0, len(res.Rows))
	for i, r := range res.Rows {
		if blank(r) {
			continue
		}
		side := func(s byte) pcell {
			ms := sideMarks(r, s, m.Diff.HideMinor)
			if ms == nil {
				return gapCell()
			}
			c := pcell{marks: ms}
			switch {
			case r.A == nil:
				c.fill = fillOnlyB
			case r.B == nil:
				c.fill = fillOnlyA
			}
			return c
		}
		score := pcell{}
		if r.A != nil && r.B != nil {
			score.marks = append(score.marks, mark{Kind: "equal", Text: fmtRatio(r.Score) + "\n"})
		}
		if note := rowNote(r); note != "" {
			score.marks = append(score.marks, mark{Kind: markBold, Text: note})
		}
		if r.Moved {
			score.fill = fillMoved
		}
		rows = append(rows, []pcell{numCell(strconv.Itoa(i + 1)), side('a'), side('b'), score})
	}
	p.table([]float64{9, 76, 76, 19}, head, rows)
}

// collationTable draws a story's collation: one column per version, then
// the version that carried the row first. Up to three versions fit the
// portrait page, up to six a landscape one; more are listed row by row.
func (p *pdfWriter) collationTable(s *Story) {
	st := s.Collation
	p.heading(2, "Collation: the versions sentence by sentence")
	p.text(collationSummary(st) + " Each row holds the sentences of the versions that say the same thing; each cell " +
		"shows its version's wording with the differences from the row's first version marked.")
	p.alignLegend(false)
	cols := collationColumns(s)
	hide := storyHideMinor(s)
	if len(cols) > 6 {
		p.collationList(s, cols, hide)
		return
	}
	text := 180.0 - 9 - 15
	landscape := len(cols) > 3
	if landscape {
		p.f.AddPageFormat("L", p.f.GetPageSizeStr("A4"))
		text = 267.0 - 9 - 15
	}
	widths := []float64{9}
	head := []pcell{numCell("#")}
	for _, c := range cols {
		widths = append(widths, text/float64(len(cols)))
		head = append(head, pcell{marks: []mark{{Kind: markBold, Text: c.Published + "\n"},
			{Kind: "equal", Text: c.label()}}})
	}
	widths = append(widths, 15)
	head = append(head, pcell{marks: []mark{{Kind: markBold, Text: "First in"}}})
	head[0].marks[0].Kind = markBold
	rows := make([][]pcell, len(st.Rows))
	for i, r := range st.Rows {
		row := []pcell{numCell(strconv.Itoa(i + 1))}
		for _, c := range r.Cells {
			if c == nil {
				row = append(row, gapCell())
				continue
			}
			pc := pcell{marks: cellMarks(c, hide)}
			if r.Count == 1 {
				pc.fill = fillSingle
			}
			row = append(row, pc)
		}
		first := []mark{{Kind: "equal", Text: strconv.FormatInt(r.First, 10)}}
		if r.Count == 1 {
			first = append(first, mark{Kind: markBold, Text: "\nonly"})
		}
		rows[i] = append(row, pcell{marks: first})
	}
	p.table(widths, head, rows)
	if landscape {
		p.f.AddPageFormat("P", p.f.GetPageSizeStr("A4"))
	}
}

// collationList gives a collation too wide for a page as one block per
// row: each version's wording on a line of its own.
func (p *pdfWriter) collationList(s *Story, cols []collationColumn, hide bool) {
	for i, r := range s.Collation.Rows {
		head := fmt.Sprintf("Row %d: first in article %d", i+1, r.First)
		if r.Count == 1 {
			head += ", found in this version only"
		}
		rows := [][]pcell{}
		for v, c := range r.Cells {
			if c == nil {
				continue
			}
			label := pcell{marks: []mark{{Kind: "equal", Text: cols[v].Published + "\n" + cols[v].label()}}}
			cell := pcell{marks: cellMarks(c, hide)}
			if r.Count == 1 {
				cell.fill = fillSingle
			}
			rows = append(rows, []pcell{label, cell})
		}
		p.table([]float64{40, 140}, []pcell{{marks: []mark{{Kind: markBold, Text: head}}}, {marks: nil}}, rows)
	}
}

// alignLegend explains the marks of an aligned table.
func (p *pdfWriter) alignLegend(pair bool) {
	plain := func(s string) {
		p.f.SetFont(pdfSans, "", 9)
		p.f.SetTextColor(0, 0, 0)
		p.f.Write(lineH, s)
	}
	plain("Marks: ")
	if pair {
		p.segment(seg{kind: "delete", text: "deleted"})
		plain(" from A, ")
		p.segment(seg{kind: "insert", text: "inserted"})
		plain(" in B; — a gap (no counterpart; the other side is tinted); moved: out of the order of the others; grey: minor edit.")
	} else {
		p.segment(seg{kind: "delete", text: "deleted"})
		plain(" and ")
		p.segment(seg{kind: "insert", text: "inserted"})
		plain(" against the row's first version; [−N words]: a longer passage of the first version this one lacks; — a gap; " +
			"tinted, \"only\": found in one version only; grey: minor edit.")
	}
	p.f.Ln(lineH + 1)
}
