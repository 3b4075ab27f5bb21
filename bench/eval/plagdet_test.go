package main

import (
	"math"
	"testing"
)

// The annotations of PAN's own unit tests (pan09 performance measures):
// ann1 and ann4 on pair 1, ann7, ann9 and ann10 on pair 2.
var (
	ann1  = annotation{1, 0, 100, 0, 100}
	ann3  = annotation{1, 100, 100, 100, 100}
	ann4  = annotation{1, 0, 200, 0, 200}
	ann7  = annotation{2, 0, 100, 0, 100}
	ann9  = annotation{2, 50, 100, 50, 100}
	ann10 = annotation{2, 25, 75, 25, 75}
)

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestPlagdetMeasuresAsPAN(t *testing.T) {
	checks := []struct {
		name      string
		got, want float64
	}{
		{"recall none", macroRecall(nil, nil), 1},
		{"recall all", macroRecall([]annotation{ann1}, []annotation{ann1}), 1},
		{"recall half the cases", macroRecall([]annotation{ann1, ann7}, []annotation{ann1}), 0.5},
		{"recall other pair", macroRecall([]annotation{ann1}, []annotation{ann7}), 0},
		{"case recall half", coveredShare(ann7, []annotation{ann9}), 0.5},
		{"case recall three quarters", coveredShare(ann7, []annotation{ann9, ann10}), 0.75},
		{"no overlap with the neighbour", coveredShare(ann1, []annotation{ann3}), 0},
		{"precision of a detection twice the case", macroPrecision([]annotation{ann1}, []annotation{ann4}), 0.5},
		{"precision averaged over detections", macroPrecision([]annotation{ann7}, []annotation{ann9, ann10}), 0.75},
		{"precision with a false detection", macroPrecision([]annotation{ann1}, []annotation{ann3, ann4}), 0.25},
		{"granularity one", granularity([]annotation{ann1}, []annotation{ann4}), 1},
		{"granularity two", granularity([]annotation{ann1}, []annotation{ann1, ann4}), 2},
		{"granularity mean over detected", granularity([]annotation{ann1, ann3}, []annotation{ann1, ann4}), 1.5},
	}
	for _, c := range checks {
		if !near(c.got, c.want) {
			t.Errorf("%s: got %v, want %v", c.name, c.got, c.want)
		}
	}
}

// A hand-worked example: one case of 100+100 characters found in two pieces,
// 60+60 and 30+30 (with 10+10 characters outside the case), plus a false
// detection on a pair with no case.
//
//	recall      = (60+60+30+30)/200 = 0.9
//	precision   = mean(120/120, 60/80, 0) = (1 + 0.75 + 0)/3 = 7/12
//	granularity = 2 detections / 1 case = 2
//	plagdet     = F1(0.9, 7/12) / log2(3)
func TestPlagdetHandWorked(t *testing.T) {
	cases := []annotation{{1, 0, 100, 1000, 100}}
	dets := []annotation{
		{1, 0, 60, 1000, 60},
		{1, 70, 40, 1070, 40},
		{2, 0, 50, 0, 50},
	}
	rec, prec, gran := macroRecall(cases, dets), macroPrecision(cases, dets), granularity(cases, dets)
	if !near(rec, 0.9) || !near(prec, 7.0/12) || !near(gran, 2) {
		t.Fatalf("rec %v prec %v gran %v", rec, prec, gran)
	}
	f1 := 2 * 0.9 * (7.0 / 12) / (0.9 + 7.0/12)
	if got, want := plagdet(rec, prec, gran), f1/math.Log2(3); !near(got, want) {
		t.Errorf("plagdet %v, want %v", got, want)
	}
	if plagdet(1, 1, 1) != 1 {
		t.Error("a perfect detection must score 1")
	}
}
