package evidence

// DefaultWeights were fitted by `go run ./bench/eval -only semeval` (see
// EVAL.md): logistic regression, by Newton's method with an L2 penalty of 1e-3, on the features of 855 German and Spanish SemEval-2022
// Task 8 pairs rated by people (target 1 for `overall` ≤ 1.5, 0 for ≥ 2.5,
// linear between), of 61 English articles each with its machine
// translation (target 1) and two other articles' translations (target 0),
// and of 60 generated pairs of different items from one template (target
// 0; the rated pairs hold too few of them to teach that names and numbers
// that differ count against a pair).
// Held-out figures from 5-fold cross-validation are reported there. The
// time evidence is not among them: the corpus has no dates (see
// timeEvidence).
var DefaultWeights = Weights{
	Bias: -1.662,
	W: [NumFeatures]float64{
		FName:         1.878,
		FNameDiff:     -1.006,
		FNumber:       0.871,
		FNumberDiff:   -0.306,
		FDate:         0.467,
		FQuote:        -0.160,
		FPlace:        0.585,
		FTerm:         0.894,
		FTitle:        3.365,
		FLede:         -0.674,
		FPassage:      -0.018,
		FCrossLang:    0.573,
		FCrossName:    0.579,
		FCrossNumber:  0.252,
		FTemplate:     -1.377,
		FHeadNameDiff: 0.116,
	},
}
