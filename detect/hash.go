package detect

import (
	"encoding/binary"

	"github.com/storydiff/storydiff/textnorm"
)

// Hashes only need to be stable across runs and machines (they are stored),
// and fast; they are not cryptographic.

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// The stored hashes are textnorm's, so that every package keys text alike.
var (
	hashString = textnorm.Hash
	hashBytes  = textnorm.HashBytes
	mix        = textnorm.Mix
)

func hashUint64s(vs []uint64) uint64 {
	var b [8]byte
	h := uint64(fnvOffset)
	for _, v := range vs {
		binary.LittleEndian.PutUint64(b[:], v)
		for _, c := range b {
			h ^= uint64(c)
			h *= fnvPrime
		}
	}
	return mix(h)
}
