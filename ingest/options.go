package ingest

// DefaultMaxSize is the largest file read when Options.MaxSize is zero. News
// articles are kilobytes; a 50 MiB file is a dump or a mistake, and reading it
// whole would cost memory for nothing.
const DefaultMaxSize int64 = 50 << 20

// Options tune Walk and Read. The zero value is ready to use.
type Options struct {
	// MaxSize is the largest file, in bytes, that is read. Zero means
	// DefaultMaxSize; a negative value means no limit.
	MaxSize int64
	// IgnoreSymlinks reports symbolic links as skipped instead of following
	// them. Links are followed by default because researchers often link
	// corpora into one folder.
	IgnoreSymlinks bool
}

func (o Options) maxSize() int64 {
	switch {
	case o.MaxSize == 0:
		return DefaultMaxSize
	case o.MaxSize < 0:
		return 1<<63 - 1
	}
	return o.MaxSize
}
