// Package reuse finds passages two texts share when one was written from the
// other with light rewording: words inserted, dropped, replaced or moved
// about, as wire copy is when an outlet rewrites it or a translation is
// edited. It is text alignment as the PAN plagiarism-detection systems do
// it, in three steps:
//
//   - seed: places where both texts hold the same word 4-gram, or the same
//     two content words (stop words left out, words stemmed) within a few
//     words of each other in any order;
//   - extend: seeds lying within a gap of each other in both texts are
//     merged into one candidate passage, whatever their order inside it;
//   - filter: a candidate survives when it is long enough and dense enough
//     (enough of its content words occur on the other side, and enough of
//     those are rare in the two texts); a loose one is split again with a
//     smaller gap before it is given up, and a short one is first widened
//     over nearby matching words too common to seed.
//
// A passage found is then trimmed to the best word alignment of its two
// copies, so that it does not reach over the edge of what was copied, and a
// weak passage lying mostly inside a much stronger one is dropped as its
// echo. These steps follow the PAN text-alignment systems (sorted word
// n-grams as seeds after Torrejón and Ramos; clustering seeds by gap and
// re-clustering what fails the filter after Sanchez-Perez et al. 2014) and
// passim (Smith-Waterman for a passage's ends); bench/eval measures the
// result with PAN's plagdet on generated pairs and on the Clough & Stevenson
// corpus.
//
// Comparison ignores case, punctuation, quote styles, diacritics and the
// spelling variants textnorm.VariantKey merges. It reads nothing and writes
// nothing: it is a pure function of its two texts.
package reuse
