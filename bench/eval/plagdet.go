package main

import "math"

// annotation is a plagiarism case or a detection as PAN writes them: a run
// of characters in a suspicious document (t) and one in a source document
// (s) of document pair pair. Offsets and lengths count code points.
type annotation struct {
	pair       int
	tOff, tLen int
	sOff, sLen int
}

// overlaps is PAN's is_overlapping: same document pair, and the two
// annotations share characters in the suspicious and in the source text.
func overlaps(x, y annotation) bool {
	return x.pair == y.pair &&
		y.tOff+y.tLen > x.tOff && y.tOff < x.tOff+x.tLen &&
		y.sOff+y.sLen > x.sOff && y.sOff < x.sOff+x.sLen
}

// coveredShare is PAN's case_recall: the share of x's characters (suspicious
// and source together) covered by the annotations in ys that overlap x.
func coveredShare(x annotation, ys []annotation) float64 {
	t := make([]bool, x.tLen)
	s := make([]bool, x.sLen)
	for _, y := range ys {
		if !overlaps(x, y) {
			continue
		}
		mark(t, y.tOff-x.tOff, y.tLen)
		mark(s, y.sOff-x.sOff, y.sLen)
	}
	n := 0
	for _, b := range t {
		if b {
			n++
		}
	}
	for _, b := range s {
		if b {
			n++
		}
	}
	return float64(n) / float64(x.tLen+x.sLen)
}

func mark(bits []bool, off, n int) {
	for i := max(0, off); i < min(len(bits), off+n); i++ {
		bits[i] = true
	}
}

// macroRecall is the mean share of each case detected (Potthast et al.
// 2010); precision is the same measure with cases and detections swapped.
func macroRecall(cases, dets []annotation) float64 {
	if len(cases) == 0 && len(dets) == 0 {
		return 1
	}
	if len(cases) == 0 || len(dets) == 0 {
		return 0
	}
	sum := 0.0
	for _, c := range cases {
		sum += coveredShare(c, dets)
	}
	return sum / float64(len(cases))
}

func macroPrecision(cases, dets []annotation) float64 { return macroRecall(dets, cases) }

// granularity is the mean number of detections overlapping each detected
// case (1 when every case found is found in one piece).
func granularity(cases, dets []annotation) float64 {
	detected, total := 0, 0
	for _, c := range cases {
		n := 0
		for _, d := range dets {
			if overlaps(c, d) {
				n++
			}
		}
		if n > 0 {
			detected++
			total += n
		}
	}
	if detected == 0 {
		return 1
	}
	return float64(total) / float64(detected)
}

// plagdet is F1 of macro precision and recall divided by log2(1+granularity).
func plagdet(rec, prec, gran float64) float64 {
	if rec+prec == 0 || gran < 1 {
		return 0
	}
	return 2 * rec * prec / (rec + prec) / math.Log2(1+gran)
}
