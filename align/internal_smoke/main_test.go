package smoke
import ("fmt";"os";"testing";"github.com/storydiff/storydiff/align")
func TestSmoke(t *testing.T){
 a,_ := os.ReadFile(os.Getenv("A")); b,_ := os.ReadFile(os.Getenv("B"))
 fmt.Println("mode", align.Mode(string(a),string(b)))
 for _, r := range align.Pair(string(a),string(b),align.Options{Mode: align.ModeAligned, MinScore: 0.25, MoveScore: 0.3}) {
   if r.A==nil || r.B==nil { continue }
   fmt.Printf("%.2f moved=%v\n  A %q\n  B %q\n", r.Score, r.Moved, r.A.Text, r.B.Text)
 }
}
