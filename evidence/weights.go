package evidence

// DefaultWeights were fitted by `go run ./bench/eval -only semeval` (see
// EVAL.md): logistic regression by coordinate descent, each weight kept to
// its sign in FeatureSigns, with an L2 penalty chosen by an inner
// cross-validation, on the features of 855 German and Spanish SemEval-2022
// Task 8 pairs rated by people (target 1 for `overall` ≤ 1.5, 0 for ≥ 3.5,
// linear between, so that one half falls midway between what should and
// what should not be linked), of 61 English articles each with its machine
// translation (target 1) and two other articles' translations (target 0),
// and of 60 generated pairs of different items from one template (target
// 0; the rated pairs hold too few of them to teach that names and numbers
// that differ count against a pair).
// Held-out figures from 5-fold cross-validation are reported there. The
// time evidence is not among them: the corpus has no dates (see
// timeEvidence).
var DefaultWeights = Weights{
	Bias: -0.283,
	W: [NumFeatures]float64{
		FName:          0.000,
		FNameDiff:      -0.707,
		FNumber:        0.425,
		FNumberDiff:    -0.053,
		FDate:          0.123,
		FQuote:         0.000,
		FPlace:         0.413,
		FTerm:          0.000,
		FTitle:         1.677,
		FLede:          0.000,
		FPassage:       0.000,
		FCrossLang:     -2.089,
		FCrossName:     4.137,
		FCrossNumber:   2.699,
		FTemplate:      -3.541,
		FHeadNameDiff:  -0.024,
		FGram:          0.772,
		FTermCosine:    0.000,
		FNameCount:     0.740,
		FGramJaccard:   0.000,
		FLeadNameCount: 1.493,
		FKeyMissing:    -0.441,
		FDateDiff:      -0.618,
		FWeekday:       0.032,
		FTitleRareDiff: -2.059,
	},
}
