package textnorm

// Hashes for keys that are stored or compared across packages: they must be
// stable across runs and machines, and fast; they are not cryptographic.
// FNV-1a with the splitmix64 finaliser, which spreads FNV's weak low bits.

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// Hash returns the 64-bit hash of s.
func Hash(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return Mix(h)
}

// HashBytes returns the 64-bit hash of b; its length is mixed in, so runs of
// zero bytes of different lengths differ.
func HashBytes(b []byte) uint64 {
	h := uint64(fnvOffset)
	for _, c := range b {
		h ^= uint64(c)
		h *= fnvPrime
	}
	return Mix(h ^ uint64(len(b)))
}

// Mix is the splitmix64 finaliser: a bijection of 64-bit values that spreads
// every input bit over the output.
func Mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}
