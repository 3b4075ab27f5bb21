//go:build unix

package ingest_test

import "syscall"

// mkfifo makes a named pipe, a file that blocks whoever opens it to read.
func mkfifo(path string) error { return syscall.Mkfifo(path, 0o644) }
