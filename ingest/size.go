package ingest

import "fmt"

// humanSize writes a byte count the way the size-limit message needs it:
// "312 MB", "1.5 MB", "900 bytes". MB are MiB, as in the default limit.
func humanSize(n int64) string {
	const mb = 1 << 20
	const kb = 1 << 10
	switch {
	case n >= 10*mb:
		return fmt.Sprintf("%d MB", n/mb)
	case n >= mb:
		return trimZero(fmt.Sprintf("%.1f", float64(n)/mb)) + " MB"
	case n >= kb:
		return fmt.Sprintf("%d KB", n/kb)
	}
	return fmt.Sprintf("%d bytes", n)
}

func trimZero(s string) string {
	if len(s) > 2 && s[len(s)-2:] == ".0" {
		return s[:len(s)-2]
	}
	return s
}

func tooBig(size, max int64) error {
	return invalidf("file is %s, over the %s limit (--max-size)", humanSize(size), humanSize(max))
}
