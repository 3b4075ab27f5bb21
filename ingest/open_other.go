//go:build !unix

package ingest

import "os"

// openFlags open a file for reading; where there are no named pipes in the
// file system, there is nothing to wait for.
const openFlags = os.O_RDONLY
