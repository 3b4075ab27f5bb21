// Package align pairs the sentences of two versions of a news text: which
// sentence of the new version says what which sentence of the old one said,
// and how it changed on the way. It answers the questions a word diff leaves
// to the reader: was this sentence kept, reworded, split in two, merged with
// its neighbour, moved elsewhere, or is it new?
//
// # Calling it
//
//	r := align.Align(old, new, align.Options{})
//	for _, l := range r.Links {
//		// l.Kind, l.Moved, l.A / l.B (sentence indices), l.SpanA / l.SpanB (runes), l.Score
//	}
//	lin := align.Trace(versionsByDate, align.Options{}) // where each sentence first appeared
//
// Offsets are Unicode code points (runes) of the texts, End exclusive, as
// everywhere in StoryDiff. The result is deterministic: the same texts and
// options give the same links, so reports built on it are reproducible.
//
// # How it works
//
// Sentences come from textnorm.Sentences. Each becomes a bag of word keys
// (textnorm.Words: folded, with spelling variants of names merged), weighed
// by how rare the word is across the sentences of both texts, so that a
// shared name or number counts for more than a shared "the". Two groups of
// sentences are as similar as the weighted Dice coefficient of their bags.
//
//  1. Anchors: sentences whose normalised text occurs exactly once in each
//     version. Of those, the chain in the same order in both that holds the
//     most words stays in place; a long anchor off the chain is a moved
//     sentence.
//  2. Between consecutive anchors, a dynamic programme (as in Gale and
//     Church's and later sentence aligners) chooses beads of one to three
//     sentences on each side, 1-1, 1-2, 2-1, 1-3, 3-1 or 2-2, or leaves a
//     sentence unpaired, maximising the summed similarity above
//     Options.MinScore. Merging costs a little more than pairing one to one,
//     so a bead groups sentences only when the group is clearly the better
//     match.
//  3. Sentences left unpaired on both sides are paired out of order when
//     they are similar enough (Options.MoveScore): a sentence moved and
//     perhaps reworded.
//
// The work between two anchors is bounded (Options.MaxCells); beyond the
// bound the programme keeps to a band around the diagonal and the result
// says it was Degraded.
package align
