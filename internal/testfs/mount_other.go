//go:build !linux

package testfs

import "testing"

// MountTmpfs skips: mounting a tmpfs in a namespace needs Linux.
func MountTmpfs(t testing.TB, size string) string {
	t.Helper()
	t.Skip("a tmpfs in a user namespace needs Linux")
	return ""
}

// Remount skips, as MountTmpfs does.
func Remount(t testing.TB, dir, opts string) {
	t.Helper()
	t.Skip("a tmpfs in a user namespace needs Linux")
}
