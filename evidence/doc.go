// Package evidence says how likely two news articles are to report the same
// event, and why.
//
// A Profile is read once per article (NewProfile) from its title, text,
// language and publication date: its names, numbers, dates, quoted words,
// places, rare terms, title and lede words and word-run hashes, in forms that
// survive rewriting, translation and another script (names are transliterated
// to Latin letters and reduced to a variant key; Chinese and Japanese are cut
// into character bigrams; Arabic letter variants are unified). Profiles are
// small and can be stored (MarshalBinary, UnmarshalBinary).
//
// Score compares two profiles in microseconds and returns an Explanation: a
// probability that they report one event, a weaker "same running topic"
// verdict, and every piece of evidence with the text it rests on in both
// articles and its contribution to the log-odds. Shared rare names and numbers
// count for the pair; names and numbers that differ count against it, so that
// items made from one template (dividend notices, market reports, results)
// stay apart.
//
// An undated article's date can be estimated (EstimateIn) from the days its
// text gives without a year, read in the year of an anchor day the caller
// chooses; the time evidence then weighs the estimate as it weighs a date.
//
// The package is pure: no SQL, no files but its embedded word lists.
package evidence
