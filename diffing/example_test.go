package diffing_test

import (
	"fmt"

	"github.com/storydiff/storydiff/diffing"
	"github.com/storydiff/storydiff/diffing/render"
)

func ExampleDiff() {
	a := "Zelensky said the goverment would reply on Monday."
	b := "Zelenskyy said the government would reply on Tuesday."
	r := diffing.Diff(a, b, diffing.Options{})
	fmt.Println(render.Text(r, render.Options{}))
	for _, o := range r.Ops {
		if o.Op != diffing.Equal {
			fmt.Printf("%s %q a=%v b=%v minor=%q\n", o.Op, o.Text, o.A, o.B, o.Why)
		}
	}
	fmt.Printf("changed words %.2f, %d minor edit(s)\n", r.Stats.ChangedShare, r.Stats.MinorEdits)
	// Output:
	// Zelensky{+y+} said the gover{+n+}ment would reply on [-Monday-]{+Tuesday+}.
	// delete "Zelensky" a={0 8} b={0 0} minor="variant"
	// insert "Zelenskyy" a={8 8} b={0 9} minor="variant"
	// delete "goverment" a={18 27} b={19 19} minor=""
	// insert "government" a={27 27} b={19 29} minor=""
	// delete "Monday" a={43 49} b={45 45} minor=""
	// insert "Tuesday" a={49 49} b={45 52} minor=""
	// changed words 0.38, 1 minor edit(s)
}

func ExampleDiffChain() {
	versions := []string{
		"Austin spoke with Shoigu.",
		"Austin spoke with Shoigu on Friday.",
		"Austin spoke with Belousov on Friday.",
	}
	for k, r := range diffing.DiffChain(versions, diffing.Options{}) {
		fmt.Printf("v%d -> v%d: %s\n", k+1, k+2, render.Text(r, render.Options{}))
	}
	// Output:
	// v1 -> v2: Austin spoke with Shoigu{+ on Friday+}.
	// v2 -> v3: Austin spoke with [-Shoigu-]{+Belousov+} on Friday.
}
