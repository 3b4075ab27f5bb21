package evidence

// Quick returns Score's two probabilities without building the
// explanation: a caller scoring many candidate pairs to keep the strongest
// needs only these, and the evidence texts cost about three quarters of a
// Score (BenchmarkQuick). Nor does it compute the features that weigh
// nothing in DefaultWeights and feed no other feature.
func Quick(a, b *Profile) (event, thread float64) {
	w := DefaultWeights
	x := features(a, b, nil, w, true)
	logit := w.Bias
	for i, v := range x {
		logit += w.W[i] * v
	}
	if t, _, ok := timeOf(a, b); ok {
		logit += t
	}
	if f, _, ok := frameEvidence(a, b); ok {
		logit += f
	}
	return sigmoid(logit), sigmoid(ThreadLogit(w, x))
}
