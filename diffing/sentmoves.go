package diffing

// sentenceMoves is where sentence-level moves found after the word diff
// would be added; for now moves are found between paragraphs only.
func (e *engine) sentenceMoves(ops []iop) []iop { return ops }
