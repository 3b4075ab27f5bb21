package reuse

import "github.com/storydiff/storydiff/textnorm"

// Words are keyed with textnorm's hash, as every package keys text.
var (
	hashString = textnorm.Hash
	mix        = textnorm.Mix
)

// gramSeed starts the hash of a word n-gram (FNV's offset basis: any fixed
// value not zero would do).
const gramSeed = 14695981039346656037

// hashPair keys two stems regardless of their order.
func hashPair(x, y uint64) uint64 {
	if x > y {
		x, y = y, x
	}
	return mix(x*0x9e3779b97f4a7c15 ^ mix(y))
}
