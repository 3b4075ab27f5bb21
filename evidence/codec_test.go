package evidence

import (
	"reflect"
	"testing"
)

func TestProfileRoundTrip(t *testing.T) {
	for i, p := range seedProfiles(t, true) {
		b, err := p.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		var q Profile
		if err := q.UnmarshalBinary(b); err != nil {
			t.Fatalf("seed %d: %v", i, err)
		}
		if !reflect.DeepEqual(p, &q) {
			t.Errorf("seed %d: profile changed in a round trip", i)
		}
		// Small enough to store beside every article.
		if len(b) > 16<<10 {
			t.Errorf("seed %d: %d bytes", i, len(b))
		}
		if err := q.UnmarshalBinary(b[:len(b)-1]); err == nil {
			t.Errorf("seed %d: a truncated blob was read", i)
		}
	}
}

// FuzzUnmarshal: any bytes are refused or read without a panic, and what is
// read writes back to the same bytes.
func FuzzUnmarshal(f *testing.F) {
	for _, p := range seedProfiles(f, true)[:2] {
		b, _ := p.MarshalBinary()
		f.Add(b)
	}
	f.Add([]byte{codecVersion})
	f.Fuzz(func(t *testing.T, data []byte) {
		var p Profile
		if err := p.UnmarshalBinary(data); err != nil {
			return
		}
		b, err := p.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		var q Profile
		if err := q.UnmarshalBinary(b); err != nil || !reflect.DeepEqual(p, q) {
			t.Fatalf("a read profile does not survive a round trip: %v", err)
		}
	})
}
