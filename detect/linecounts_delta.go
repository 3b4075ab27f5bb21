package detect

// Lines returns the hashes of text's countable lines (short, non-empty),
// each once: the lines Add counts. A caller that loads only the counts of
// these lines can judge and count a few new articles without the whole
// archive's counts.
func (lc *LineCounts) Lines(text string) []uint64 { return lc.articleLines(text) }

// Count returns in how many articles of group line hash occurs; hash 0
// gives the group's article count (as Rows stores it).
func (lc *LineCounts) Count(group string, hash uint64) int {
	lc.mu.RLock()
	defer lc.mu.RUnlock()
	gr := lc.groups[group]
	if gr == nil {
		return 0
	}
	if hash == 0 {
		return gr.articles
	}
	return gr.lines[hash]
}
