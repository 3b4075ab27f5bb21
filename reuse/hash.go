package reuse

// Hashes only need to be stable within one call; FNV-1a with a splitmix
// finaliser is fast and spreads FNV's weak low bits.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hashString(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return mix(h)
}

func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// hashPair keys two stems regardless of their order.
func hashPair(x, y uint64) uint64 {
	if x > y {
		x, y = y, x
	}
	return mix(x*0x9e3779b97f4a7c15 ^ mix(y))
}
