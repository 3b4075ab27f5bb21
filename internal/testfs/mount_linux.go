package testfs

import (
	"syscall"
	"testing"
)

// MountTmpfs mounts a tmpfs of the given size (mount's size= option) on a
// fresh folder; only inside a helper run by RunInNamespace.
func MountTmpfs(t testing.TB, size string) string {
	t.Helper()
	if !InHelper() {
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

// Remount changes a mounted tmpfs's options: "ro", or "size=..." to grow it.
func Remount(t testing.TB, dir, opts string) {
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
