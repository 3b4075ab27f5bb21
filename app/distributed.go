package app

import (
	"time"

	"github.com/storydiff/storydiff/core"
	"github.com/storydiff/storydiff/detect"
	"github.com/storydiff/storydiff/events"
	"github.com/storydiff/storydiff/evidence"
	"github.com/storydiff/storydiff/ingest"
	"github.com/storydiff/storydiff/store"
)

// What storydiff-pipeline computes one article, one candidate list or one
// clustering at a time, exported so that it runs the very code an import
// and its analysis run here, and one article gets the same bytes either way.

// Bounds of event linking, for a pipeline that links articles as a whole-archive
// analysis does (linkBlocks).
const (
	LinkKeyCap        = keyCap
	LinkMaxCandidates = maxCandidates
	LinkMax           = maxLinks
)

// PrepareDocument is what an import stores beside a document read from a
// file of size bytes modified at mod: hashes, word count, blocks.
func PrepareDocument(d core.Document, size int64, mod time.Time) store.NewArticle {
	return prepare(d, ingest.Entry{Path: d.Path, Size: size, ModTime: mod})
}

// LineGroup is the folder or outlet whose recurring lines count as chrome,
// for an article of outlet first found at path.
func LineGroup(outlet, path string) string {
	return lineGroup(store.AnalysisInput{Outlet: outlet, Path: path})
}

// AnalyseArticle is analysis's work on one article: features, sketch and
// its keys, blocks, repeats, and the evidence profile, with lines the
// archive's recurring line counts.
func AnalyseArticle(in store.AnalysisInput, lang string, lines *detect.LineCounts) (store.ArticleAnalysis, store.ProfileRow) {
	return analyseOne(in, detect.DefaultParams(), lines, true), profileRow(in, lang)
}

// TopLinkCandidates returns the articles x is scored against: those sharing
// the most rare profile keys (counts), then its duplicate and story
// partners.
func TopLinkCandidates(counts map[int64]int, x int64, partners []int64) []int64 {
	return topCandidates(counts, x, partners, maxCandidates)
}

// DiscountProfile weighs p by the archive's census as a whole-archive
// linking does (evidence.Census): n is how many articles have a profile,
// counts[k] how many of them hold k among their rare keys (a key left out
// is held by none). Apply it once to each profile scored, px and every
// candidate, before ScoreLinks; below the size at which a census weighs
// anything it does nothing.
func DiscountProfile(p *evidence.Profile, n int, counts map[uint64]int) {
	p.Discount(evidence.Census{Articles: n, Holding: func(k uint64) int { return counts[k] }})
}

// ScoreLinks scores x against its candidates and keeps its strongest links.
func ScoreLinks(x int64, px *evidence.Profile, cands []int64, profs map[int64]*evidence.Profile) []store.Link {
	return scoreLinks(x, px, cands, profs)
}

// TrimLinks keeps each pair once and at most LinkMax links per article, the
// strongest, as a whole-archive linking does.
func TrimLinks(links []store.Link) []store.Link { return trimLinks(links) }

// EstimateDates estimates the dates of the undated articles among timings
// (every article's evidence.Profile.Timing) through the trimmed links, and
// weighs the links by them, as a whole-archive analysis does before it
// clusters.
func EstimateDates(timings map[int64]evidence.Timing, links []store.Link) []store.Link {
	estimateDates(timings, links)
	return weighLinks(links, timings)
}

// BuildEvents clusters articles (ids with their dates) from their links
// as a first analysis does, without corrections (a new archive has none).
func BuildEvents(arts []events.Article, links []store.Link) events.Result {
	return events.Build(eventConfig, arts, toEventLinks(links), nil)
}
