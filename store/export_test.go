package store

// SetNarrowFilter sets how many articles a search filter may keep to be
// applied as a set of ids, until the returned function restores it.
func SetNarrowFilter(n int) (restore func()) {
	old := narrowFilter
	narrowFilter = n
	return func() { narrowFilter = old }
}
