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
	Bias: -1.857,
	W: [NumFeatures]float64{
		FName:         1.912,
		FNameDiff:     -0.967,
		FNumber:       0.938,
		FNumberDiff:   -0.398,
		FDate:         0.393,
		FQuote:        -0.272,
		FPlace:        0.611,
		FTerm:         0.160,
		FTitle:        2.474,
		FLede:         -0.623,
		FPassage:      -0.256,
		FCrossLang:    -0.239,
		FCrossName:    1.833,
		FCrossNumber:  1.092,
		FTemplate:     -1.252,
		FHeadNameDiff: 0.005,
		FGram:         1.848,
	},
}
