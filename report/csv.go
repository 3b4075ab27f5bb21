package report

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/storydiff/storydiff/align"
)

// The CSV report is one table for R or pandas: RFC 4180 (CRLF line ends,
// quotes doubled), UTF-8 without a byte-order mark, a header row, one row per
// aligned row (pair), per diff and per collation cell (story) or per article
// (duplicates, archive). Each row repeats
// the report's provenance in its last columns, so a row copied elsewhere
// still says where it came from.
//
// A cell a spreadsheet would take for a formula (one starting with =, +, -,
// @, a tab or a carriage return: a title "=HYPERLINK(...)" runs when the
// file is opened) is neutralised by default with a leading apostrophe,
// OWASP's rule for CSV injection, since researchers open these files in
// spreadsheets. The setting csv.formulas=raw (storydiff report --raw-csv)
// keeps every cell as it is, for R and pandas. RFC 4180 has no comment
// line, so the settings column of every row says which was done:
// csv.formulas=neutralised or csv.formulas=raw.

// CSVFormulas is the setting (group "csv") that says how cells that look
// like formulas were written; RawCSV is its value for cells kept as they
// are. Without it, or with any other value, they are neutralised.
const (
	CSVFormulas    = "formulas"
	RawCSV         = "raw"
	neutralisedCSV = "neutralised"
)

// csvMode reads the formula setting of p, and returns p with the setting
// stated, so that the file says what was done.
func csvMode(p Provenance) (raw bool, stated Provenance) {
	for _, st := range p.Settings {
		if st.Group == "csv" && st.Name == CSVFormulas && st.Value == RawCSV {
			return true, p
		}
	}
	settings := make([]Setting, 0, len(p.Settings)+1)
	for _, st := range p.Settings {
		if st.Group != "csv" || st.Name != CSVFormulas {
			settings = append(settings, st)
		}
	}
	p.Settings = append(settings, Setting{Group: "csv", Name: CSVFormulas, Value: neutralisedCSV})
	return false, p
}

// formulaSafe prefixes a cell that a spreadsheet would read as a formula
// with an apostrophe. A plain number ("-0.5") is left as it is: it is
// data, and no formula.
func formulaSafe(cell string) string {
	if cell == "" {
		return cell
	}
	switch cell[0] {
	case '=', '+', '-', '@':
		if _, err := strconv.ParseFloat(cell, 64); err == nil && !strings.ContainsAny(cell, "nN") {
			return cell // a number, not Inf or NaN
		}
		return "'" + cell
	case '\t', '\r':
		return "'" + cell
	}
	return cell
}

var provenanceColumns = []string{"storydiff_version", "archive", "created", "settings"}

func provenanceCells(p Provenance) []string {
	s := make([]string, len(p.Settings))
	for i, st := range p.Settings {
		s[i] = st.Group + "." + st.Name + "=" + st.Value
	}
	return []string{p.Version, p.Archive, p.Created.UTC().Format("2006-01-02T15:04:05Z"), strings.Join(s, "; ")}
}

var pairColumns = []string{"story", "position", "a", "b", "similarity", "changed_share", "words_a", "words_b", "words_inserted",
	"words_deleted", "words_moved", "moves", "paragraphs_changed", "minor_edits", "shared_passages", "degraded",
	"a_title", "b_title", "a_published", "b_published", "a_sha256", "b_sha256", "a_imported_at", "b_imported_at",
	"a_files", "b_files"}

var articleColumns = []string{"group", "group_kind", "group_similarity", "similarity_to_first", "jaccard_to_first",
	"containment_to_first", "story", "article", "title", "outlet", "published", "language", "words", "sha256",
	"imported_at", "files"}

func writeCSV(w io.Writer, kind Kind, model any) error {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	var prov Provenance
	var rows [][]string
	var header []string
	switch v := model.(type) {
	case *Pair:
		prov = v.Provenance
		rows = alignedRows(v)
		header = concat(pairColumns, alignColumns)
	case *Story:
		prov = v.Provenance
		for i, d := range v.Diffs {
			a, _ := articleByID(v.Articles, d.A)
			b, _ := articleByID(v.Articles, d.B)
			rows = append(rows, append(pairRow(strconv.FormatInt(v.ID, 10), i+1, d, a, b), make([]string, len(collationColumnNames))...))
		}
		rows = append(rows, collationRows(v)...)
		header = concat(pairColumns, collationColumnNames)
	case *Duplicates:
		prov = v.Provenance
		for i, g := range v.Groups {
			for _, a := range g.Members {
				rows = append(rows, append(articleRow(strconv.Itoa(i+1), g, "", a), reviewCells(g, a)...))
			}
		}
		header = concat(articleColumns, reviewColumns)
	case *Archive:
		prov = v.Provenance
		if v.Full {
			rows, header = archiveRows(v), articleColumns
		} else {
			// A summary's rows are figures, not articles: its curation
			// comes as lines of their own (section "curation").
			rows, header = summaryRows(v), summaryColumns
			prov.Curation = nil
		}
	}
	// The researchers' tags, notes and imported values of each row's
	// articles and event come before the provenance, in a report that has
	// any: a table without them keeps the columns it always had.
	curated := !prov.Curation.Empty()
	if curated {
		header = concat(header, curationColumns)
	}
	if err := cw.Write(concat(header, provenanceColumns)); err != nil {
		return err
	}
	raw, prov := csvMode(prov)
	pc := provenanceCells(prov)
	for _, r := range rows {
		if curated {
			r = append(r, curationCells(prov.Curation, header, r)...)
		}
		r = append(r, pc...)
		if !raw {
			for i := range r {
				r[i] = formulaSafe(r[i])
			}
		}
		if err := cw.Write(r); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// A pair report has one line per aligned row, each repeating the pair's
// columns; the row's own columns follow them. Without an alignment it has
// the one line of the pair, with these columns empty.
var alignColumns = []string{"mode", "row", "a_start", "a_end", "a_text", "b_start", "b_end", "b_text", "score", "moved"}

// A story report has one line per diff (the pair columns filled, these
// empty), then one line per cell of its collation (story, these and the
// provenance filled): the row, the version's article, its span, its text,
// and the article that carried the row first.
var collationColumnNames = []string{"row", "article", "start", "end", "text", "first"}

func concat(lists ...[]string) []string {
	var out []string
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}

func alignedRows(p *Pair) [][]string {
	pr := pairRow("", 0, p.Diff, p.A, p.B)
	if p.Alignment == nil || len(p.Alignment.Rows) == 0 {
		return [][]string{append(pr, make([]string, len(alignColumns))...)}
	}
	out := make([][]string, 0, len(p.Alignment.Rows))
	for i, r := range p.Alignment.Rows {
		line := append(append([]string{}, pr...), p.Alignment.Mode, strconv.Itoa(i+1))
		line = append(line, csvSpan(r.A)...)
		line = append(line, csvSpan(r.B)...)
		score := ""
		if r.A != nil && r.B != nil {
			score = fmtRatio(r.Score)
		}
		out = append(out, append(line, score, strconv.FormatBool(r.Moved)))
	}
	return out
}

// csvSpan is a side's start, end and text (white space collapsed, as in
// every text column); empty for a gap.
func csvSpan(sp *align.Span) []string {
	if sp == nil {
		return []string{"", "", ""}
	}
	return []string{strconv.Itoa(sp.Start), strconv.Itoa(sp.End), csvText(sp.Text)}
}

func collationRows(s *Story) [][]string {
	if s.Collation == nil {
		return nil
	}
	var out [][]string
	story := strconv.FormatInt(s.ID, 10)
	for i, r := range s.Collation.Rows {
		for _, c := range r.Cells {
			if c == nil {
				continue
			}
			line := make([]string, len(pairColumns))
			line[0] = story
			out = append(out, append(line, strconv.Itoa(i+1), i64(c.Article), strconv.Itoa(c.Start), strconv.Itoa(c.End),
				csvText(c.Text), i64(r.First)))
		}
	}
	return out
}

func pairRow(story string, pos int, d Diff, a, b Article) []string {
	st := d.Result.Stats
	p := ""
	if pos > 0 {
		p = strconv.Itoa(pos)
	}
	it := strconv.Itoa
	return []string{story, p, i64(d.A), i64(d.B), fmtRatio(d.Similarity), fmtRatio(st.ChangedShare), it(st.WordsA), it(st.WordsB),
		it(st.WordsInserted), it(st.WordsDeleted), it(st.WordsMoved), it(st.Moves), it(st.ParagraphsChanged),
		it(st.MinorEdits), it(len(d.Passages)), strconv.FormatBool(d.Result.Degraded),
		csvText(a.Title), csvText(b.Title), csvDate(a), csvDate(b), a.SHA256, b.SHA256,
		csvTime(a), csvTime(b), strings.Join(filePaths(a), "; "), strings.Join(filePaths(b), "; ")}
}

// articleRow is one article with its group (number "" for none): the
// group's figures, and the article's pair with the group's first member.
func articleRow(number string, g Group, story string, a Article) []string {
	var kind, sim, score, jac, cont string
	if number != "" {
		kind, sim = g.Kind, fmtRatio(g.Similarity)
		if p, ok := g.pairWith(g.Members[0].ID, a.ID); ok && a.ID != g.Members[0].ID {
			score, jac, cont = fmtRatio(p.Score), fmtRatio(p.Jaccard), fmtRatio(p.Containment)
		}
	}
	return []string{number, kind, sim, score, jac, cont, story, i64(a.ID), csvText(a.Title), csvText(a.Outlet),
		csvDate(a), a.Language, strconv.Itoa(a.Words), a.SHA256, csvTime(a), strings.Join(filePaths(a), "; ")}
}

// archiveRows lists every article once, with its duplicate group and story.
func archiveRows(a *Archive) [][]string {
	groupOf := map[int64]int{}
	for i, g := range a.Groups {
		for _, m := range g.Members {
			groupOf[m.ID] = i + 1
		}
	}
	rows := make([][]string, 0, len(a.Articles))
	for _, ar := range a.Articles {
		story := ""
		if ar.Story != 0 {
			story = i64(ar.Story)
		}
		number, g := "", Group{}
		if n := groupOf[ar.ID]; n > 0 {
			number, g = strconv.Itoa(n), a.Groups[n-1]
		}
		rows = append(rows, articleRow(number, g, story, ar))
	}
	return rows
}

func i64(n int64) string { return strconv.FormatInt(n, 10) }

func csvDate(a Article) string {
	if a.Published == nil {
		return ""
	}
	return a.Published.UTC().Format("2006-01-02T15:04:05Z")
}

func csvTime(a Article) string {
	if a.ImportedAt.IsZero() {
		return ""
	}
	return a.ImportedAt.UTC().Format("2006-01-02T15:04:05Z")
}

// csvText keeps a cell on one line.
func csvText(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// summaryColumns are an archive summary's: one line per figure, in
// sections (totals, outlet, language, month, group, story).
var summaryColumns = []string{"section", "name", "value", "detail"}

// summaryRows lists an archive summary's figures, one per line.
func summaryRows(a *Archive) [][]string {
	t := a.Totals
	var rows [][]string
	add := func(section, name, value, detail string) { rows = append(rows, []string{section, name, value, detail}) }
	date := func(p *time.Time) string {
		if p == nil {
			return ""
		}
		return p.UTC().Format("2006-01-02T15:04:05Z")
	}
	for _, kv := range [][2]string{{"articles", strconv.Itoa(t.Articles)}, {"undated", strconv.Itoa(t.Undated)},
		{"exact_groups", strconv.Itoa(t.ExactGroups)}, {"near_groups", strconv.Itoa(t.NearGroups)},
		{"duplicates", strconv.Itoa(t.Duplicates)}, {"duplicate_rate", fmtRatio(t.DuplicateRate)},
		{"stories", strconv.Itoa(t.Stories)}, {"outlets", strconv.Itoa(t.Outlets)}, {"languages", strconv.Itoa(t.Languages)},
		{"first_published", date(t.FirstPublished)}, {"last_published", date(t.LastPublished)}} {
		add("totals", kv[0], kv[1], "")
	}
	for _, c := range []struct {
		section string
		counts  []Count
	}{{"outlet", a.ByOutlet}, {"language", a.ByLanguage}, {"month", a.ByMonth}} {
		for _, n := range c.counts {
			add(c.section, csvText(n.Value), strconv.Itoa(n.Count), "")
		}
	}
	for i, g := range a.Groups {
		add("group", strconv.Itoa(i+1), strconv.Itoa(len(g.Members)),
			csvText(g.Kind+"; similarity "+fmtRatio(g.Similarity)+"; first "+firstMember(g)))
	}
	for _, st := range a.Stories {
		add("story", i64(st.ID), strconv.Itoa(st.Versions), csvText("earliest "+i64(st.Earliest)+": "+st.Label))
	}
	// The curation, one line for each tag list, note and edit.
	if c := a.Provenance.Curation; !c.Empty() {
		for _, ca := range c.Articles {
			who := "article " + i64(ca.ID)
			if len(ca.Tags) > 0 {
				add("curation", who, "tags", csvText(strings.Join(ca.Tags, ", ")))
			}
			if ca.Note != nil {
				add("curation", who, "note", csvText(ca.Note.Text))
			}
			for _, e := range ca.Edits {
				add("curation", who, "edit", csvText(e.EditLine()))
			}
		}
		for _, ce := range c.Events {
			who := "event " + i64(ce.ID)
			if len(ce.Tags) > 0 {
				add("curation", who, "tags", csvText(strings.Join(ce.Tags, ", ")))
			}
			if ce.Note != nil {
				add("curation", who, "note", csvText(ce.Note.Text))
			}
		}
	}
	return rows
}

// reviewColumns follow a duplicates report's article columns: the group's
// place in the review queue (reviewed, unreviewed, or several_paths for one
// article found at several paths), its verdict and when it was given, and
// whether this row is the copy kept.
var reviewColumns = []string{"review", "verdict", "reviewed_at", "kept"}

func reviewCells(g Group, a Article) []string {
	review := g.Review
	if g.SeveralPaths {
		review = "several_paths"
	}
	at := ""
	if g.ReviewedAt != nil {
		at = g.ReviewedAt.UTC().Format("2006-01-02T15:04:05Z")
	}
	kept := ""
	if g.Keep != 0 {
		kept = strconv.FormatBool(g.Keep == a.ID)
	}
	return []string{review, g.Verdict, at, kept}
}
