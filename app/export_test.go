package app

import "github.com/storydiff/storydiff/store"

// StoreOf lets the package's external tests inspect the archive directly
// (stored pairs, integrity), which no command needs.
func StoreOf(s *Service) *store.DB { return s.db }
