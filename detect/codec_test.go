package detect_test

import (
	"reflect"
	"testing"

	"github.com/storydiff/storydiff/detect"
)

func TestFeaturesRoundTrip(t *testing.T) {
	ss := loadSeeds(t)
	for _, s := range ss {
		t.Run(s.name, func(t *testing.T) {
			f := detect.ComputeFeatures(detect.Input{Text: s.text, Published: s.published}, detect.DefaultParams())
			b, err := f.MarshalBinary()
			if err != nil {
				t.Fatal(err)
			}
			var g detect.Features
			if err := g.UnmarshalBinary(b); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(f, &g) {
				t.Errorf("round trip changed the features:\n got %+v\nwant %+v", g, *f)
			}
			if err := g.UnmarshalBinary(b[:len(b)-1]); err == nil {
				t.Error("a truncated blob was accepted")
			}
		})
	}
}

func TestParamsHash(t *testing.T) {
	base := detect.DefaultParams()
	tests := []struct {
		name   string
		change func(*detect.Params)
		same   bool
	}{
		{"shingle size", func(p *detect.Params) { p.Shingle++ }, false},
		{"signature length", func(p *detect.Params) { p.Hashes *= 2 }, false},
		{"seed", func(p *detect.Params) { p.Seed++ }, false},
		{"near threshold only", func(p *detect.Params) { p.NearJaccard = 0.9 }, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := base
			tt.change(&p)
			if got := p.Hash() == base.Hash(); got != tt.same {
				t.Errorf("hash unchanged = %v, want %v", got, tt.same)
			}
		})
	}
}

func FuzzUnmarshalFeatures(f *testing.F) {
	g := detect.ComputeFeatures(detect.Input{Text: "Austin called Shoigu on Friday. The call lasted an hour."}, detect.DefaultParams())
	b, _ := g.MarshalBinary()
	f.Add(b)
	f.Add([]byte{1})
	f.Fuzz(func(t *testing.T, data []byte) {
		var x detect.Features
		if err := x.UnmarshalBinary(data); err != nil {
			return
		}
		again, err := x.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		var y detect.Features
		if err := y.UnmarshalBinary(again); err != nil {
			t.Fatalf("re-encoded blob refused: %v", err)
		}
	})
}
