package app_test

import (
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
)

// Full disks and read-only archives are tested on real file systems: a mock
// would not show what SQLite does when a write or its -wal file meets ENOSPC
// or EROFS. Each test re-runs its helper inside a new user and mount
// namespace, where the helper may mount a small tmpfs; nothing is mounted
// outside that namespace. (The same helpers live in store's and cli's tests.)
const nsHelperEnv = "STORYDIFF_NS_HELPER"

// runInNamespace runs the test function helper in a child test binary under
// unshare, and fails with the child's output if the child fails.
func runInNamespace(t *testing.T, helper string) {
	t.Helper()
	if os.Getenv(nsHelperEnv) != "" {
		t.Skip("already inside a namespace helper")
	}
	if out, err := exec.Command("unshare", "--user", "--map-root-user", "--mount", "--", "true").CombinedOutput(); err != nil {
		t.Skipf("cannot make a user and mount namespace here (%v: %s)", err, strings.TrimSpace(string(out)))
	}
	cmd := exec.Command("unshare", "--user", "--map-root-user", "--mount", "--",
		os.Args[0], "-test.run=^"+helper+"$", "-test.v", "-test.count=1")
	cmd.Env = append(os.Environ(), nsHelperEnv+"=1")
	out, err := cmd.CombinedOutput()
	if strings.Contains(string(out), "--- SKIP: "+helper) {
		t.Skipf("%s skipped:\n%s", helper, out)
	}
	if err != nil || !strings.Contains(string(out), "--- PASS: "+helper) {
		t.Fatalf("%s failed (%v):\n%s", helper, err, out)
	}
	t.Logf("%s:\n%s", helper, out)
}

// mountTmpfs mounts a tmpfs of the given size (as mount's size= option) on
// a fresh folder; only inside a helper run by runInNamespace.
func mountTmpfs(t *testing.T, size string) string {
	t.Helper()
	if os.Getenv(nsHelperEnv) == "" {
		t.Skip("run inside a namespace by its parent test")
	}
	dir := t.TempDir()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size="+size); err != nil {
		t.Skipf("cannot mount a tmpfs: %v", err)
	}
	// Registered after TempDir's cleanup, so it runs first.
	t.Cleanup(func() { syscall.Unmount(dir, syscall.MNT_DETACH) })
	return dir
}

// remount changes a mounted tmpfs's options: "ro", or "size=..." to grow it.
func remount(t *testing.T, dir, opts string) {
	t.Helper()
	flags := uintptr(syscall.MS_REMOUNT)
	data := opts
	if opts == "ro" {
		flags |= syscall.MS_RDONLY
		data = ""
	}
	if err := syscall.Mount("", dir, "", flags, data); err != nil {
		t.Fatalf("remount %s %s: %v", dir, opts, err)
	}
}
