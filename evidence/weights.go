package evidence

// DefaultWeights were fitted by `go run ./bench/eval -only semeval` (see
// EVAL.md): logistic regression, by full-batch gradient descent with an L2
// penalty of 1e-3, on the features of 855 German and Spanish SemEval-2022
// Task 8 pairs rated by people (target 1 for `overall` ≤ 1.5, 0 for ≥ 2.5,
// linear between) and of 61 English articles each with its machine
// translation (target 1) and two other articles' translations (target 0).
// Held-out figures from 5-fold cross-validation are reported there. The
// time evidence is not among them: the corpus has no dates (see
// timeEvidence).
var DefaultWeights = Weights{
	Bias: -1.846,
	W: [NumFeatures]float64{
		FName:        0.269,
		FNameDiff:    -1.178,
		FNumber:      0.618,
		FNumberDiff:  -0.139,
		FDate:        0.220,
		FQuote:       1.236,
		FPlace:       0.352,
		FTerm:        3.308,
		FTitle:       3.432,
		FLede:        1.538,
		FPassage:     -0.467,
		FCrossLang:   0.771,
		FCrossName:   0.855,
		FCrossNumber: 0.523,
	},
}
