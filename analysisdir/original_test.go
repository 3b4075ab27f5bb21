package analysisdir

import (
	"encoding/json"
	"testing"

	"github.com/storydiff/storydiff/core"
)

// A text file's bytes are its text: they travel once (the JSON carries no
// original) and come back whole; other bytes travel as they are.
func TestOriginalOmittedWhenItIsTheText(t *testing.T) {
	for _, c := range []struct {
		name     string
		doc      core.Document
		omitted  bool
		original string
	}{
		{"text file", core.Document{Text: "Title\n\nBody.", Original: []byte("Title\n\nBody.")}, true, "Title\n\nBody."},
		{"empty file", core.Document{Text: "", Original: []byte{}}, true, ""},
		{"page", core.Document{Text: "Body.", Original: []byte("<p>Body.</p>")}, false, "<p>Body.</p>"},
	} {
		a := Article{Doc: c.doc}
		a.OmitOriginal()
		if got := a.Doc.Original == nil; got != c.omitted {
			t.Errorf("%s: original omitted %v, want %v", c.name, got, c.omitted)
		}
		b, err := json.Marshal(a)
		if err != nil {
			t.Fatal(err)
		}
		var back Article
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatal(err)
		}
		back.RestoreOriginal()
		if string(back.Doc.Original) != c.original || back.Doc.Original == nil {
			t.Errorf("%s: original read back %q, want %q", c.name, back.Doc.Original, c.original)
		}
	}
}
