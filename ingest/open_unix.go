//go:build unix

package ingest

import (
	"os"
	"syscall"
)

// openFlags open a file for reading without waiting: a named pipe swapped in
// for a file after it was listed would otherwise block the open until a
// writer came, past any cancel. On a regular file O_NONBLOCK changes nothing.
const openFlags = os.O_RDONLY | syscall.O_NONBLOCK
