package detect

import (
	"fmt"
	"strings"
	"testing"
)

// Features prepared once and verified against many others give what
// VerifyWithCensus gives pair by pair, and verifying does not change them:
// a pipeline shard prepares each article once and reuses it.
func TestVerifyPreparedMatchesVerifyWithCensus(t *testing.T) {
	p := DefaultParams()
	base := "The Harbour Authority said on Monday that the Northgate terminal would close for repairs after the storm. " +
		"Officials at the port expect the work to take six weeks and cost 4.2 million pounds. " +
		"Shipping lines were told to use the Eastmoor quay until the terminal reopens, the authority said."
	texts := []string{
		base,
		strings.Replace(base, "six weeks", "seven weeks", 1),
		"Northgate terminal shut after storm\n\nThe Harbour Authority will close the Northgate terminal for six weeks of repairs costing 4.2 million pounds, it said on Monday.",
		"The city council approved a new budget for schools on Tuesday, raising spending on teachers by three percent.",
		base + " Eastmoor quay handled a record tonnage last year.",
	}
	fs := make([]*Features, len(texts))
	census := NewCensus()
	for i, tx := range texts {
		fs[i] = ComputeFeatures(Input{Text: tx}, p)
		census.Add(fs[i])
	}
	for i := 0; i < 40; i++ { // a census large enough to damp common terms
		f := ComputeFeatures(Input{Text: fmt.Sprintf("Filler report %d on the harbour and the council said on Monday.", i)}, p)
		census.Add(f)
	}
	prepared := make([]Prepared, len(fs))
	for i, f := range fs {
		prepared[i] = census.Prepare(p, f)
	}
	found := 0
	for round := 0; round < 2; round++ { // the second round reuses what the first verified
		for a := range fs {
			for b := a + 1; b < len(fs); b++ {
				want, wok := VerifyWithCensus(p, census, int64(a+1), int64(b+1), fs[a], fs[b])
				got, gok := VerifyPrepared(p, int64(a+1), int64(b+1), prepared[a], prepared[b])
				if want != got || wok != gok {
					t.Errorf("round %d, pair %d:%d: prepared %+v %v, pair by pair %+v %v", round, a, b, got, gok, want, wok)
				}
				if wok {
					found++
				}
			}
		}
	}
	if found == 0 {
		t.Fatal("no pair verified: the comparison proves nothing")
	}
}
