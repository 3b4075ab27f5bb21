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
// They are fitted without the archive's census (see Census) weighing the
// profiles (SEMEVAL_NOCENSUS=1), as they were before it; EVAL.md's
// "package defaults" rows score them with it, the held-out rows refit with
// it. A refit with the census moves seed 003 (the 2024 call, undated) into
// the undated 2022 calls' event.
// The rule that the event words two items of one template share count as
// not found (eventRule.frame) came after them: on the rated pairs it
// changes only the generated template pairs, and a refit with it (bias
// -0.86, title's event words 3.08) joined more template items on a real
// wire archive than these weights do (BENCHMARKS.md), so they are kept.
// Held-out figures from 5-fold cross-validation are reported there. The
// time evidence is not among them: the corpus has no dates (see
// timeEvidence).
var DefaultWeights = Weights{
	Bias: -0.473,
	W: [NumFeatures]float64{
		FName:          0.000,
		FNameDiff:      -0.502,
		FNumber:        0.207,
		FNumberDiff:    0.000,
		FDate:          0.025,
		FQuote:         0.000,
		FPlace:         0.440,
		FTerm:          0.000,
		FTitle:         0.556,
		FLede:          0.000,
		FPassage:       0.000,
		FCrossLang:     -2.217,
		FCrossName:     5.045,
		FCrossNumber:   2.909,
		FTemplate:      -4.607,
		FHeadNameDiff:  -0.146,
		FGram:          0.291,
		FTermCosine:    0.000,
		FNameCount:     0.635,
		FGramJaccard:   0.000,
		FLeadNameCount: 1.536,
		FKeyMissing:    -0.686,
		FDateDiff:      -0.714,
		FWeekday:       0.127,
		FTitleRareDiff: -1.814,
		FEvent:         2.451,
	},
}
