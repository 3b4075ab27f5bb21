//go:build !unix

package ingest_test

import "errors"

func mkfifo(string) error { return errors.New("named pipes are not files here") }
