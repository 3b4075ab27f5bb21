package detect

// StoryParts exposes the parts of the story score to tests and tuning.
func (ix *Index) StoryParts(a, b int64) (whole, lede, shared, fade float64) {
	ea, eb := ix.docs[a], ix.docs[b]
	return ix.cosine(ea.f.Terms, eb.f.Terms), ix.cosine(ea.f.Lede, eb.f.Lede),
		sharedShare(ea.sents, eb.sents), ix.dateFade(ea.f.Day, eb.f.Day)
}

// SharedTerms lists the terms two indexed articles share with the product
// of their damped weights, for tuning.
func (ix *Index) SharedTerms(a, b int64, keyOf map[uint64]string) map[string]float64 {
	out := map[string]float64{}
	ta := map[uint64]float32{}
	for _, t := range ix.docs[a].f.Terms {
		ta[t.Hash] = t.Weight
	}
	for _, t := range ix.docs[b].f.Terms {
		if w, ok := ta[t.Hash]; ok {
			d := ix.archiveDamp(t.Hash)
			out[keyOf[t.Hash]] = float64(w) * float64(t.Weight) * d * d
		}
	}
	return out
}

func KeyHash(k string) uint64 { return hashString(k) }

// CrossParts are the lede-against-whole cosines, for tuning.
func (ix *Index) CrossParts(a, b int64) (ledeWhole, wholeLede float64) {
	ea, eb := ix.docs[a], ix.docs[b]
	return ix.cosine(ea.f.Lede, eb.f.Terms), ix.cosine(ea.f.Terms, eb.f.Lede)
}
