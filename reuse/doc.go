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
//     (enough of its content words occur on the other side); a loose one is
//     split again with a smaller gap before it is given up.
//
// Comparison ignores case, punctuation, quote styles, diacritics and the
// spelling variants textnorm.VariantKey merges. It reads nothing and writes
// nothing: it is a pure function of its two texts.
package reuse
