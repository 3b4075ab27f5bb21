package store_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/storydiff/storydiff/store"
)

// TestOpenNewArchiveFromManyProcessesAtOnce starts several processes that
// open the same new archive at the same moment. Each must find the archive
// migrated exactly once: a migration applied twice fails on its CREATE
// TABLE, and the process that ran it second reports the error.
func TestOpenNewArchiveFromManyProcessesAtOnce(t *testing.T) {
	if os.Getenv("STORYDIFF_OPEN_CHILD") != "" {
		t.Skip("run by the parent test")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "archive.db")
	start := filepath.Join(dir, "go")
	const children = 6
	var wg sync.WaitGroup
	outs := make([][]byte, children)
	errs := make([]error, children)
	for i := range children {
		cmd := exec.Command(os.Args[0], "-test.run=^TestOpenChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), "STORYDIFF_OPEN_CHILD="+path, "STORYDIFF_OPEN_START="+start)
		wg.Add(1)
		go func() {
			defer wg.Done()
			outs[i], errs[i] = cmd.CombinedOutput()
		}()
	}
	// Let every child reach its wait for the start file, then release them
	// together so that their opens overlap.
	time.Sleep(500 * time.Millisecond)
	if err := os.WriteFile(start, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	wg.Wait()
	for i := range children {
		if errs[i] != nil {
			t.Errorf("process %d: %v\n%s", i, errs[i], outs[i])
		}
	}
	db, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if problems, err := db.Check(context.Background()); err != nil || len(problems) > 0 {
		t.Fatalf("check after concurrent opens: %v %v", problems, err)
	}
}

// TestOpenChild is one process of the test above.
func TestOpenChild(t *testing.T) {
	path := os.Getenv("STORYDIFF_OPEN_CHILD")
	if path == "" {
		t.Skip("run by TestOpenNewArchiveFromManyProcessesAtOnce")
	}
	deadline := time.Now().Add(30 * time.Second)
	for {
		if _, err := os.Stat(os.Getenv("STORYDIFF_OPEN_START")); err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("no start signal")
		}
		time.Sleep(time.Millisecond)
	}
	db, err := store.Open(context.Background(), path)
	if err != nil {
		fmt.Fprintln(os.Stderr, "open:", err)
		t.Fatal(err)
	}
	db.Close()
}
