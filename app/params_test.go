package app_test

import (
	"testing"

	"github.com/storydiff/storydiff/app"
	"github.com/storydiff/storydiff/core"
)

func TestParseCount(t *testing.T) {
	tests := []struct {
		in   string
		want int
		ok   bool
	}{
		{"", 0, true}, // absent: the list's default
		{"0", 0, true},
		{"25", 25, true},
		{"-1", 0, false},
		{"ten", 0, false},
		{"2.5", 0, false},
	}
	for _, tt := range tests {
		got, err := app.ParseCount("limit", tt.in)
		if tt.ok && (err != nil || got != tt.want) {
			t.Errorf("ParseCount(%q) = %d, %v; want %d", tt.in, got, err, tt.want)
		}
		if !tt.ok && core.ErrorCode(err) != core.EINVALID {
			t.Errorf("ParseCount(%q) = %d, %v; want an invalid-argument error", tt.in, got, err)
		}
	}
}

func TestParseFlag(t *testing.T) {
	for in, want := range map[string]bool{"": false, "0": false, "false": false, "FALSE": false, "1": true, "true": true} {
		if got, err := app.ParseFlag("desc", in); err != nil || got != want {
			t.Errorf("ParseFlag(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	if _, err := app.ParseFlag("desc", "maybe"); core.ErrorCode(err) != core.EINVALID {
		t.Errorf("ParseFlag(maybe): got %v, want an invalid-argument error", err)
	}
}

func TestParseSimilarity(t *testing.T) {
	if got, err := app.ParseSimilarity("min", ""); err != nil || got >= 0 {
		t.Errorf("absent: got %v, %v; want a negative value, the default threshold", got, err)
	}
	if got, err := app.ParseSimilarity("min", "0.8"); err != nil || got != 0.8 {
		t.Errorf("0.8: got %v, %v", got, err)
	}
	for _, bad := range []string{"2", "-0.5", "high"} {
		if _, err := app.ParseSimilarity("min", bad); core.ErrorCode(err) != core.EINVALID {
			t.Errorf("%q: got %v, want an invalid-argument error", bad, err)
		}
	}
}
