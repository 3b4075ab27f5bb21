package reuse_test

import (
	"fmt"

	"github.com/storydiff/storydiff/reuse"
)

func ExampleFind() {
	wire := `Pentagon spokesman Pat Ryder said Austin "stressed the importance of maintaining lines of communication amid Russia's ongoing war against Ukraine."`
	rewrite := `Austin emphasized the importance of maintaining lines of communication amid the ongoing war against Ukraine, according to a readout from Pat Ryder.`
	for _, p := range reuse.Find(wire, rewrite, reuse.Options{}) {
		fmt.Printf("%q\n%q\nexact %v, score %.2f\n", p.AText, p.BText, p.Exact, p.Score)
	}
	// Output:
	// "Austin \"stressed the importance of maintaining lines of communication amid Russia's ongoing war against Ukraine"
	// "Austin emphasized the importance of maintaining lines of communication amid the ongoing war against Ukraine"
	// exact false, score 0.87
}
