package reuse

// maxLCSCells bounds the work of inOrder; beyond it (two copies of about
// two thousand words each) the words matched in any order stand in.
const maxLCSCells = 1 << 22

// inOrder is the length of the longest common subsequence of the two runs'
// stems, in one row of memory.
func inOrder(xa, xb []word) int {
	if len(xa)*len(xb) > maxLCSCells {
		n, _ := commonStems(xa, xb, false)
		return n
	}
	row := make([]int32, len(xb)+1)
	for _, a := range xa {
		var diag int32 // row[j-1] of the previous row
		for j, b := range xb {
			up := row[j+1]
			switch {
			case a.stem == b.stem:
				row[j+1] = diag + 1
			case row[j] > up:
				row[j+1] = row[j]
			}
			diag = up
		}
	}
	return int(row[len(xb)])
}
