package ingest

// SetBeforeOpen makes f run just before a file is opened, so that a test can
// swap the file for something else at the worst moment. It returns the
// function that puts the default back.
func SetBeforeOpen(f func(path string)) (restore func()) {
	old := beforeOpen
	beforeOpen = f
	return func() { beforeOpen = old }
}
