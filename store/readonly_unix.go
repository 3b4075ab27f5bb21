//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package store

import "syscall"

// dirWritable asks the kernel, without creating anything, whether files can
// be created in dir: a read-only mount answers EROFS even to root.
func dirWritable(dir string) bool {
	return syscall.Access(dir, 2 /* W_OK */) == nil
}
