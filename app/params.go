package app

import (
	"math"
	"strconv"
	"strings"

	"github.com/storydiff/storydiff/core"
)

// Check refuses a negative offset or limit, whichever transport sent it:
// clamping them quietly would show the user a page they did not ask for.
func (pg Page) Check() error {
	if pg.Offset < 0 {
		return core.Errorf(core.EINVALID, "offset must be a whole number, not %d", pg.Offset)
	}
	if pg.Limit < 0 {
		return core.Errorf(core.EINVALID, "limit must be a whole number, not %d", pg.Limit)
	}
	return nil
}

// ParseCount reads a count or offset typed as text (a query parameter):
// empty is 0, which every list takes as its default (the whole list, or the
// store's default page); anything but a whole number is refused.
func ParseCount(name, s string) (int, error) {
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < 0 {
		return 0, core.Errorf(core.EINVALID, "%s must be a whole number, not %q", name, s)
	}
	return n, nil
}

// ParseFlag reads a yes/no typed as text: empty, 0 and false are no; 1 and
// true are yes.
func ParseFlag(name, s string) (bool, error) {
	switch strings.ToLower(s) {
	case "", "0", "false":
		return false, nil
	case "1", "true":
		return true, nil
	}
	return false, core.Errorf(core.EINVALID, "%s must be true or false, not %q", name, s)
}

// ParseSimilarity reads a similarity threshold typed as text: empty is -1,
// the default threshold. NaN and infinities, which strconv reads as
// numbers, are refused with the rest.
func ParseSimilarity(name, s string) (float64, error) {
	if s == "" {
		return -1, nil
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(f) || f < 0 || f > 1 {
		return 0, core.Errorf(core.EINVALID, "%s must be a similarity between 0 and 1, not %q", name, s)
	}
	return f, nil
}

// CheckThreshold refuses a similarity threshold that is no number (NaN),
// infinite, or above 1, whichever transport sent it. A negative one means
// the default.
func CheckThreshold(name string, f float64) error {
	if math.IsNaN(f) || math.IsInf(f, 0) || f > 1 {
		return core.Errorf(core.EINVALID, "%s must be a similarity between 0 and 1, not %g", name, f)
	}
	return nil
}
