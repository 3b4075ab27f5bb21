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
// They were fitted before the archive's census (see Census) weighed the
// profiles; EVAL.md's "package defaults" rows score them with it, the
// held-out rows refit with it. A refit with the census moves seed 003 (the
// 2024 call, undated) into the undated 2022 calls' event, so these stay.
// Held-out figures from 5-fold cross-validation are reported there. The
// time evidence is not among them: the corpus has no dates (see
// timeEvidence).
var DefaultWeights = Weights{
	Bias: -0.307,
	W: [NumFeatures]float64{
		FName:          0.000,
		FNameDiff:      -0.670,
		FNumber:        0.409,
		FNumberDiff:    -0.061,
		FDate:          0.131,
		FQuote:         0.000,
		FPlace:         0.413,
		FTerm:          0.000,
		FTitle:         1.688,
		FLede:          0.000,
		FPassage:       0.000,
		FCrossLang:     -2.080,
		FCrossName:     4.143,
		FCrossNumber:   2.712,
		FTemplate:      -3.553,
		FHeadNameDiff:  -0.028,
		FGram:          0.777,
		FTermCosine:    0.000,
		FNameCount:     0.740,
		FGramJaccard:   0.000,
		FLeadNameCount: 1.495,
		FKeyMissing:    -0.444,
		FDateDiff:      -0.614,
		FWeekday:       0.030,
		FTitleRareDiff: -2.057,
	},
}
