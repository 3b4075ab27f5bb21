// Package report writes comparison reports (a pair, a story, the duplicate
// groups, a summary of the archive) as HTML, PDF, Markdown, CSV or JSON.
//
// The app service fills the models defined here; this package only renders
// them, so it never touches the archive. Article text is untrusted: the HTML
// report escapes every piece of it and carries no script, the Markdown report
// puts it in code fences or escapes it, and the PDF report draws it as text.
//
// Every model carries a Provenance. Rendering is deterministic: the same
// model gives the same bytes in every format.
package report

import (
	"strconv"
	"time"

	"github.com/storydiff/storydiff/align"
	"github.com/storydiff/storydiff/core"
	"github.com/storydiff/storydiff/diffing"
)

// SchemaVersion is the version of the JSON report layout described by
// docs/report-schema.json. Bump it whenever a field changes meaning or goes.
const SchemaVersion = "2"

// Kind is what a report is about.
type Kind string

const (
	KindPair       Kind = "pair"
	KindStory      Kind = "story"
	KindDuplicates Kind = "duplicates"
	KindArchive    Kind = "archive"
)

// Setting is one named parameter a result depends on, shown as text.
type Setting struct {
	Group string `json:"group"` // "analysis" or "diff"
	Name  string `json:"name"`
	Value string `json:"value"`
}

// Provenance says what made a report, from which archive and when.
type Provenance struct {
	Tool     string    `json:"tool"`
	Version  string    `json:"version"`
	Archive  string    `json:"archive"`
	Created  time.Time `json:"created"`
	Settings []Setting `json:"settings"`
	// Curation is the researchers' edits, tags and notes on what the
	// report covers; nil when there are none.
	Curation *Curation `json:"curation,omitempty"`
}

// File is one place an article's bytes were found.
type File struct {
	Path   string `json:"path"`
	Record int    `json:"record,omitempty"`
}

// Article is an article's metadata and where it came from, without its text.
type Article struct {
	ID         int64      `json:"id"`
	Title      string     `json:"title"`
	Outlet     string     `json:"outlet"`
	Byline     string     `json:"byline,omitempty"`
	URL        string     `json:"url,omitempty"`
	Published  *time.Time `json:"published"`
	Language   string     `json:"language"`
	Words      int        `json:"words"`
	SHA256     string     `json:"sha256"`
	ImportedAt time.Time  `json:"imported_at"`
	Files      []File     `json:"files"`
	// Earliest marks the first version of a story.
	Earliest bool `json:"earliest,omitempty"`
	// Story is the story the article belongs to, in archive reports.
	Story int64 `json:"story,omitempty"`
}

// ArticleFrom copies what a report shows of a stored article.
func ArticleFrom(a core.Article) Article {
	out := Article{ID: a.ID, Title: a.Title, Outlet: a.Outlet, Byline: a.Byline, URL: a.URL, Published: a.Published,
		Language: a.Language, Words: a.Words, SHA256: a.SHA256, ImportedAt: a.ImportedAt.UTC(), Files: []File{}}
	for _, p := range a.Paths {
		out.Files = append(out.Files, File{Path: p})
	}
	return out
}

// Diff is the word-level comparison of article A with article B.
type Diff struct {
	A int64 `json:"a"`
	B int64 `json:"b"`
	// Similarity is the pair's similarity (app.Service.Similarity: the
	// near-duplicate score), the same number the duplicates listing and the
	// Compare view give; the diff's own figure is Result.Stats.ChangedShare.
	Similarity float64 `json:"similarity"`
	// HideMinor shows minor edits as B's text in the rendered diff (they stay
	// in Result.Ops, marked minor).
	HideMinor bool            `json:"hide_minor"`
	Result    *diffing.Result `json:"result"`
	Passages  []core.Passage  `json:"passages"`
	// Mode is how the two articles compare (align.Mode): "diff" for
	// near-duplicates, "aligned" for related versions, whose word diff a
	// story report gives in figures only, their text standing side by side
	// in the collation. Empty when not known.
	Mode string `json:"mode,omitempty"`
}

// Pair is a report on two articles.
type Pair struct {
	Provenance Provenance `json:"provenance"`
	A          Article    `json:"a"`
	B          Article    `json:"b"`
	Diff       Diff       `json:"diff"`
	// Alignment is the two articles side by side, row by row (align.Compare
	// on their stored texts). Its Mode says how: "aligned" for related
	// versions (sentences that say the same thing on one row, the word diff
	// inside each row), "diff" for near-duplicates (the word diff of Diff,
	// cut into rows where both texts start a line). Nil when not computed.
	Alignment *align.Result `json:"alignment,omitempty"`
}

// StoryPassage is a passage shared by versions of a story, with the version
// it first appeared in (the earliest, in the story's date order).
type StoryPassage struct {
	Text       string  `json:"text"`
	FirstIn    int64   `json:"first_in"`
	AppearsIn  []int64 `json:"appears_in"`
	FirstStart int     `json:"first_start"`
}

// Story is a report on the versions of one story.
type Story struct {
	Provenance Provenance `json:"provenance"`
	ID         int64      `json:"id"`
	Label      string     `json:"label"`
	// Base is "previous" (each version against the one before), "first"
	// or "article" (each against BaseArticle).
	Base        string         `json:"base"`
	BaseArticle int64          `json:"base_article,omitempty"`
	Articles    []Article      `json:"articles"`
	Diffs       []Diff         `json:"diffs"`
	Passages    []StoryPassage `json:"passages"`
	// Corrections are the researchers' corrections naming the event or
	// one of its articles, oldest first.
	Corrections []core.Correction `json:"corrections"`
	// Collation lines up the versions' sentences (align.CollateStory): its
	// Versions are the articles in date order, and each row holds one cell
	// per version (nil where the version does not carry it), each cell's
	// word diff from the row's first wording, and the article that carried
	// the row first. Nil when not computed.
	Collation *align.Story `json:"collation,omitempty"`
}

// InCollation reports whether the story's collation shows the versions of
// diff d side by side, so that the word diff of their whole texts, which
// for related versions strikes almost every line, is given in figures only.
func (s *Story) InCollation(d Diff) bool {
	return s.Collation != nil && d.Mode == align.ModeAligned
}

// Against says what each version was compared with, for headings.
func (s *Story) Against() string {
	switch s.Base {
	case "first":
		return "the first"
	case "article":
		return "article " + strconv.FormatInt(s.BaseArticle, 10)
	}
	return "the one before"
}

// Judgement is a researcher's verdict on two articles.
type Judgement struct {
	A        int64     `json:"a"`
	B        int64     `json:"b"`
	Relation string    `json:"relation"`
	Same     bool      `json:"same"`
	Note     string    `json:"note"`
	Created  time.Time `json:"created"`
}

// Group is a set of exact or near duplicates.
type Group struct {
	Kind       string    `json:"kind"` // exact or near
	Similarity float64   `json:"similarity"`
	Members    []Article `json:"members"`
	// Keep is the member the researcher chose to keep, 0 if none.
	Keep int64 `json:"keep,omitempty"`
	// Pairs are the verified duplicate pairs inside the group that joined it.
	Pairs []core.Pair `json:"pairs"`
	// Review is the group's place in the researcher's review queue:
	// "reviewed" or "unreviewed"; "" for one article found at several
	// paths (SeveralPaths), which has no copy to choose.
	Review       string `json:"review,omitempty"`
	SeveralPaths bool   `json:"several_paths,omitempty"`
	// Verdict is the researcher's verdict on the group as listed
	// (duplicates or not_duplicates), when reviewed.
	Verdict    string     `json:"verdict,omitempty"`
	ReviewedAt *time.Time `json:"reviewed_at,omitempty"`
}

// ReviewLine says in words where a group stands in the review ("Reviewed:
// duplicates (2026-11-30 10:00 UTC)."); the copy kept has its own line. It
// is "" for a model made without reviews.
func (g Group) ReviewLine() string {
	switch {
	case g.SeveralPaths:
		return "One article found at several paths: no copy to choose."
	case g.Review == "unreviewed":
		return "Not reviewed."
	case g.Review == "reviewed":
		verdict := "duplicates"
		if g.Verdict == core.GroupNotDuplicates {
			verdict = "not duplicates"
		}
		s := "Reviewed: " + verdict
		if g.ReviewedAt != nil {
			s += " (" + fmtTime(*g.ReviewedAt) + ")"
		}
		return s + "."
	}
	return ""
}

// pairWith returns the group's pair of articles a and b, in either order.
func (g Group) pairWith(a, b int64) (core.Pair, bool) {
	if a > b {
		a, b = b, a
	}
	for _, p := range g.Pairs {
		if p.A == a && p.B == b {
			return p, true
		}
	}
	return core.Pair{}, false
}

// Duplicates is a report on every duplicate group.
type Duplicates struct {
	Provenance    Provenance  `json:"provenance"`
	MinSimilarity float64     `json:"min_similarity"`
	Groups        []Group     `json:"groups"`
	Judgements    []Judgement `json:"judgements"`
}

// Count is a value with how many articles have it.
type Count struct {
	Value string `json:"value"`
	Count int    `json:"count"`
}

// StorySummary is one story in the archive summary.
type StorySummary struct {
	ID       int64  `json:"id"`
	Label    string `json:"label"`
	Versions int    `json:"versions"`
	Earliest int64  `json:"earliest"`
}

// TopN is how many outlets, languages, duplicate groups and stories an
// archive summary lists, the largest first.
const TopN = 20

// Archive is a report on the whole archive. The app fills Articles, Groups
// and Stories; Write computes the counts from them and, unless Full, keeps
// only the TopN largest of each list and no article: a summary whose size
// does not grow with the archive.
type Archive struct {
	Provenance Provenance `json:"provenance"`
	// Full lists every article, group, story, outlet and language.
	Full       bool           `json:"full"`
	Totals     ArchiveTotals  `json:"totals"`
	ByOutlet   []Count        `json:"by_outlet"`
	ByLanguage []Count        `json:"by_language"`
	ByMonth    []Count        `json:"by_month"`
	Groups     []Group        `json:"groups"`
	Stories    []StorySummary `json:"stories"`
	Articles   []Article      `json:"articles"`
	// Corrections are every correction of events, oldest first.
	Corrections []core.Correction `json:"corrections"`
}

// ArchiveTotals are the archive's headline figures.
type ArchiveTotals struct {
	Articles    int `json:"articles"`
	Undated     int `json:"undated"`
	ExactGroups int `json:"exact_groups"`
	NearGroups  int `json:"near_groups"`
	// Duplicates counts the articles that are in a group but not its first
	// member: the copies a researcher could set aside.
	Duplicates int `json:"duplicates"`
	// DuplicateRate is Duplicates / Articles.
	DuplicateRate float64 `json:"duplicate_rate"`
	Stories       int     `json:"stories"`
	// Outlets and Languages count the distinct values ("(unknown)" among
	// them), which a summary lists only the TopN of.
	Outlets   int `json:"outlets"`
	Languages int `json:"languages"`
	// FirstPublished and LastPublished bound the dated articles.
	FirstPublished *time.Time `json:"first_published,omitempty"`
	LastPublished  *time.Time `json:"last_published,omitempty"`
}
