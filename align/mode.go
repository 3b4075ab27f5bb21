package align

import "github.com/storydiff/storydiff/detect"

// Mode says how a pair is best compared: ModeDiff for near-duplicates (the
// same text with edits, by the archive's own test: word 4-shingle Jaccard
// at least 0.5, or one at least 80% inside the other at comparable length),
// where the plain word diff says the most; ModeAligned for everything else
// (other outlets, rewrites, translations), where a word diff strikes every
// line and only aligned sentences show what the two share.
func Mode(a, b string) string {
	return modeOf(features(a), features(b))
}

func features(text string) *detect.Features {
	return detect.ComputeFeatures(detect.Input{Text: text}, detect.DefaultParams())
}

// modeOf is Mode from the two texts' features.
func modeOf(fa, fb *detect.Features) string {
	p := detect.DefaultParams()
	j, c := detect.Similarity(fa, fb)
	if j >= p.NearJaccard {
		return ModeDiff
	}
	la, lb := len(fa.Shingles), len(fb.Shingles)
	if la > 0 && lb > 0 && c >= p.NearContainment && float64(min(la, lb)) >= p.MinSizeRatio*float64(max(la, lb)) {
		return ModeDiff
	}
	return ModeAligned
}
