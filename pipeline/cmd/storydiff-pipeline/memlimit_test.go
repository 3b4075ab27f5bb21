package main

import (
	"os"
	"path/filepath"
	"testing"
)

func TestMemTotalReadsMeminfo(t *testing.T) {
	path := filepath.Join(t.TempDir(), "meminfo")
	text := "MemFree:         1000 kB\nMemTotal:       24683548 kB\n"
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if got, want := memTotal(path), int64(24683548)<<10; got != want {
		t.Fatalf("memTotal = %d, want %d", got, want)
	}
	if got := memTotal(filepath.Join(t.TempDir(), "none")); got != 0 {
		t.Fatalf("memTotal of a missing file = %d, want 0", got)
	}
}

func TestCgroupLimit(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		text string
		want int64
	}{
		{"4294967296\n", 4 << 30},
		{"max\n", 0},
		{"", 0},
	} {
		path := filepath.Join(dir, "memory.max")
		if err := os.WriteFile(path, []byte(c.text), 0o644); err != nil {
			t.Fatal(err)
		}
		if got := cgroupLimit(path); got != c.want {
			t.Errorf("cgroupLimit(%q) = %d, want %d", c.text, got, c.want)
		}
	}
}
