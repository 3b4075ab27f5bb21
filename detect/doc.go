// Package detect finds what a news archive repeats: exact and near
// duplicates, passages repeated inside one article, passages shared by two
// articles, and the articles that are versions of one story.
//
// It is pure and deterministic: no SQL, no files, no clocks. The app keeps
// its results. The work is split so that it can run incrementally:
//
//   - ComputeFeatures reads one article alone and returns Features, which
//     MarshalBinary turns into a blob the app stores with the Params hash
//     that made it (a changed Params means the features must be recomputed).
//   - An Index holds the features of the whole archive in memory; Add and
//     Remove keep it current, Compare(id) returns the verified near-duplicate
//     and story pairs of one article, Pairs returns them all.
//   - Groups and Stories cluster pairs, obeying the researcher's judgements.
//
// Offsets are runes of the article's text, as in package textnorm.
package detect
