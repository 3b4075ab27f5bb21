// Package align pairs the sentences of two versions of a news text, and of
// a story's many versions: which sentence of one says what which sentence
// of the other says, even reworded, reordered, split, merged or translated.
// A word diff of two outlets' reports of one event strikes every line
// (seeds 003 and 004 share no paragraph and score 0% similar); aligned
// sentences show what they share.
//
// # Calling it
//
//	mode := align.Mode(a, b)                         // "diff" for near-duplicates, else "aligned"
//	rows := align.Pair(a, b, align.Options{})        // side-by-side rows, word diff inside each
//	res := align.Compare(idA, idB, a, b, opts)       // the same with ids, as the CLI and API serialise it
//	story := align.CollateStory(id, versions, opts)  // rows of aligned sentences across N versions
//	al := align.Align(a, b, opts)                    // the sentence links themselves
//	lin := align.Trace(texts, opts)                  // where each sentence first appeared
//
// Offsets are Unicode code points of the texts, End exclusive, as
// everywhere in StoryDiff. Everything is deterministic: the same texts and
// options give the same rows, so reports built on them are reproducible.
//
// # Rows of a pair
//
// Every code point of both texts is in exactly one row: the white space
// after a sentence belongs to its row, any before the first sentence to the
// first. A sentence with no counterpart stands against a nil side; a row
// whose A side stands elsewhere in A is Moved. Ops are the word diff of the
// row's two sides (package diffing, without moves), so they rebuild both.
//
// Mode uses the archive's own near-duplicate test (detect: word 4-shingle
// Jaccard at least 0.5, or 80% containment at comparable length). For a
// near-duplicate, Pair gives the plain word diff of the whole texts, cut
// into rows wherever both texts are at a line start, as Meld lines up its
// panes; a moved paragraph's two ends are rows of their own, marked Moved.
//
// # How sentences are aligned
//
// Sentences come from textnorm.Sentences. Each becomes a bag of word keys
// (textnorm.Words: folded, spelling variants of names merged; Cyrillic and
// Greek transliterated, Russian and Ukrainian month names mapped, so that
// a translation aligns by names, numbers and dates). A word weighs its
// rarity across the sentences of both texts times its rarity in everyday
// English (detect.Rarity): two articles alone cannot tell that "stressed"
// says more than "that". Two groups of sentences are as similar as the
// weighted Dice coefficient of their bags, with each shared word triple
// closing 5% of the remaining distance to 1 (up to four): the seeds' 000
// and 001 share "for the first time since February 18" in sentences that
// otherwise differ, and without the phrases that pair fell under the
// threshold.
//
//  1. Anchors: sentences equal once normalised and unique in each text,
//     and mutual best matches at least MoveScore similar. The chain of
//     them in the same order in both with the most matching words stays in
//     place; exact anchors on it cut the texts into stretches, and exact
//     anchors off it of at least MinMoveWords words are moved sentences.
//  2. In each stretch a dynamic programme, as in Gale and Church's and
//     later sentence aligners, chooses beads of 1-1, 1-2, 2-1, 1-3, 3-1 or
//     2-2 sentences, or leaves a sentence unpaired, maximising the summed
//     similarity above MinScore; each sentence beyond one on a side costs
//     0.05, so a bead groups sentences only when the group is clearly the
//     better match. Similarities are computed only for pairs sharing a word
//     found in at most a fifth of the sentences (and never more than 40),
//     and groups only next to such a pair and when a bound says they could
//     win, so long texts cost about their candidate pairs, not every pair.
//  3. Sentences still unpaired on both sides are paired out of order, most
//     similar first, at MoveScore or more: moved and perhaps reworded.
//
// A stretch larger than MaxCells is aligned within a band around its
// diagonal, and the Alignment says it was Degraded.
//
// # Thresholds, and why
//
// MinScore 0.3 and MoveScore 0.5 (Align) were chosen on generated versions
// of the seed articles and of generated articles with known links (30% of
// sentences reworded, up to 80% of their words, plus splits, merges,
// deletions, replacements, moves and insertions; quality_test.go): F1 over
// linked sentence pairs is 0.991 on the seeds and 0.994 on generated
// articles; MinScore 0.25 to 0.35 score within 0.002, 0.15 loses precision
// (0.975) and 0.5 recall (0.943). Pair and Collate compare articles that
// are not near-duplicates at 0.25 and 0.3 (RelatedMinScore,
// RelatedMoveScore): other outlets share fewer words per fact, and on
// seeds 003 and 004 these pair the sentences on Pat Ryder and on the last
// call before Belousov while leaving apart sentences sharing only a name.
//
// # Collation
//
// Collate aligns each version with the one before (thresholds by Mode) and
// joins sentences linked across versions, directly or through versions in
// between, into rows; rows follow the versions' reading order (a row first
// seen in a later version goes after the row of the sentence before it
// there). Each cell carries the word diff from the row's first wording, and
// each row the first article that carried it and how many versions do.
package align
