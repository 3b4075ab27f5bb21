package detect_test

import (
	"reflect"
	"testing"

	"github.com/storydiff/storydiff/detect"
)

func TestSketchRoundTrip(t *testing.T) {
	p := detect.DefaultParams()
	tests := []struct {
		name, text string
		wantBands  bool
	}{
		{"article", wire, true},
		{"no words", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := detect.SketchOf(detect.ComputeFeatures(detect.Input{Text: tt.text}, p), p)
			if got := len(s.Bands) == p.Bands; got != tt.wantBands {
				t.Errorf("%d band keys, want them: %v", len(s.Bands), tt.wantBands)
			}
			if tt.wantBands && len(s.Top) != p.StoryTerms {
				t.Errorf("%d story terms, want %d", len(s.Top), p.StoryTerms)
			}
			b, err := s.MarshalBinary()
			if err != nil {
				t.Fatal(err)
			}
			var back detect.Sketch
			if err := back.UnmarshalBinary(b); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(back, s) {
				t.Errorf("decoded %+v, want %+v", back, s)
			}
			if err := back.UnmarshalBinary(b[:len(b)-1]); err == nil {
				t.Error("a truncated blob was accepted")
			}
		})
	}
}

func FuzzUnmarshalSketch(f *testing.F) {
	p := detect.DefaultParams()
	b, _ := detect.SketchOf(detect.ComputeFeatures(detect.Input{Text: wire}, p), p).MarshalBinary()
	f.Add(b)
	f.Add([]byte{1, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		var s detect.Sketch
		if err := s.UnmarshalBinary(data); err != nil {
			return
		}
		again, err := s.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		var u detect.Sketch
		if err := u.UnmarshalBinary(again); err != nil || !reflect.DeepEqual(u, s) {
			t.Fatalf("re-encoded sketch: %v, %+v != %+v", err, u, s)
		}
	})
}
