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
// # Related versions
//
// Pair and Collate compare versions that are not near-duplicates (other
// outlets, rewrites, translations) with four more rules, as one story's
// reports share its names in nearly every sentence:
//
//   - Evidence: a link needs the two sides to share a word that is not a
//     stop word and is written in lower case in both (a verb, a noun, a
//     number), or whose first five letters match such a word of the other
//     side (a light stem: "spoke" and "spoken", "maintain" and
//     "maintaining"), or names from two places of the sentence that are
//     not the story's topic (a name in more than a tenth of the
//     sentences, as Ukraine is in a story on the war, says nothing). A
//     name with its title is one place: "Ukrainian President Volodymyr
//     Zelenskyy said on the social network X" no longer pairs with "...
//     Volodymyr Zelensky plans to develop an action plan" (0.36 similar).
//   - Neighbours: a sentence left unpaired next to a linked one in its
//     paragraph joins the link when it shares two words that are not stop
//     words with the other side and the whole stays RelatedMinScore
//     similar: 003 tells the last call in two sentences ("Austin last
//     spoke ... on March 15, 2023. At that time, Sergei Shoigu was still
//     Russian Defense Minister."), 004 in one.
//   - Headlines and captions: a line of its own not ending as a sentence
//     does counts for 0.7 of its similarity against a body sentence and is
//     never grouped, so that 003's photo caption ("Lloyd Austin makes a
//     phone call at his desk", 0.38) gives 004's lede to the body sentence
//     that reports the call ("has spoken to his Russian counterpart").
//   - Moves are linked from RelatedMoveScore, as evidence now guards them.
//   - Windows: a sentence still unpaired is linked to two or three unpaired
//     sentences of one paragraph of the other text, read as one, when they
//     share with it a name found in few sentences and a lower-case word
//     rare in everyday English (or its stem) that no one of them shares
//     alone, hold no numbers that differ from its own, and are at least
//     0.15 similar (window.go); the link is marked moved when out of order.
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
// RelatedMoveScore, both 0.25): other outlets share fewer words per fact.
// On seeds 003 and 004 they pair the sentences on Pat Ryder and on the last
// call (March 15, 2023) and the lede, and leave apart those sharing only a
// name and a title. Belousov's statement on "the increasing danger of an escalation"
// shares one word with 004's "an escalation of tensions" (0.18 similar):
// thresholds low enough to link it, with or without a shared phrase,
// linked about fifteen unrelated pairs across the seeds. The window rule
// links it to 004's three sentences from "Belousov had warned" to "an
// escalation of tensions" (0.17), the one link it adds across the ten
// seed pairs; those passing its rule on evidence and failing its score
// reach 0.10.
//
// # Collation
//
// Collate aligns each version with the one before (thresholds by Mode) and
// joins sentences linked across versions, directly or through versions in
// between, into rows; rows follow the versions' reading order (a row first
// seen in a later version goes after the row of the sentence before it
// there). A row spans at most four sentences of any version: over many
// versions, merges followed by different splits would otherwise chain
// whole articles into one row (cells of 11,000 characters in a chain of 50
// rewrites). Each cell carries the word diff from the row's first wording
// (computed once per distinct wording), and each row the first article
// that carried it and how many versions do.
package align
