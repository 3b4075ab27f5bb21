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
	Bias: -2.254,
	W: [NumFeatures]float64{
		FName:          0.080,
		FNameDiff:      -0.841,
		FNumber:        0.526,
		FNumberDiff:    -0.331,
		FDate:          0.195,
		FQuote:         0.000,
		FPlace:         0.476,
		FTerm:          0.000,
		FTitle:         2.925,
		FLede:          0.000,
		FPassage:       0.000,
		FCrossLang:     -0.287,
		FCrossName:     3.279,
		FCrossNumber:   1.223,
		FTemplate:      -3.305,
		FHeadNameDiff:  -0.082,
		FGram:          1.148,
		FTermCosine:    0.131,
		FNameCount:     0.562,
		FGramJaccard:   0.000,
		FLeadNameCount: 2.149,
	},
}
