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
	// them.
	IgnoreSymlinks bool
	// FollowLinks follows symbolic links that lead outside the folders and
	// files given to Walk. Without it such a link is reported as skipped: a
	// corpus unpacked from elsewhere can hold "shadow.txt -> /etc/shadow",
	// and what is imported ends up in reports that are shared. Links that
	// stay inside the roots are always followed, because researchers link
	// corpora into one folder. Even with it, nothing under /proc, /sys or
	// /dev is read: those hold the system's state, never articles.
	FollowLinks bool
	// Parse says how to read records' fields and dates.
	Parse ParseOptions
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

// ParseOptions tell the parser what a collection's records do not say for
// themselves. The zero value reads the usual field names and date layouts.
type ParseOptions struct {
	// Fields names, for a role (see FieldRoles), the field that holds it in
	// JSON, JSONL, CSV and TSV records, in place of the usual names: with
	// {"date": "pubdate"} only "pubdate" gives the date, and a field named
	// "date" is ignored. Build it with ParseFieldMapping.
	Fields map[string]string
	// DateLayout reads date fields and front matter dates written in a
	// layout the built-in ones miss. Build it with ParseDateLayout.
	DateLayout *DateLayout
}
