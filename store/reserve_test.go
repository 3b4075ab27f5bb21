package store_test

import (
	"os"
	"path/filepath"
	"testing"
)

func TestHoldReserveKeepsRoomUntilReleased(t *testing.T) {
	db := MustOpenDB(t)
	dir := filepath.Dir(db.Path)
	reserves := func() []string {
		m, err := filepath.Glob(filepath.Join(dir, ".archive.db-reserve-*"))
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	// A reserve left by a killed import is removed by the next.
	if err := os.WriteFile(filepath.Join(dir, ".archive.db-reserve-killed"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	release := db.HoldReserve()
	held := reserves()
	if len(held) != 1 {
		t.Fatalf("reserves beside the archive: %v, want one", held)
	}
	fi, err := os.Stat(held[0])
	if err != nil {
		t.Fatal(err)
	}
	// Blocks on disk, not a sparse file: only those are freed for the record.
	if fi.Size() < 64<<10 {
		t.Errorf("reserve holds %d bytes, want 64 KB", fi.Size())
	}
	release()
	release()
	if left := reserves(); len(left) != 0 {
		t.Errorf("reserves left after release: %v", left)
	}
}
