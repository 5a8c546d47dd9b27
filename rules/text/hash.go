package text

// Hash64 returns a 64-bit hash of s that is the same on every machine and every
// run (corpus states are merged across machines, so a seeded runtime hash will
// not do). It reads s eight bytes at a time, each word folded in with a
// multiply and the splitmix64 finaliser, so hashing a whole document costs about
// a tenth of byte-at-a-time FNV-1a. It is no cryptographic hash.
func Hash64(s string, seed uint64) uint64 {
	h := seed ^ (uint64(len(s)) * 0x9e3779b97f4a7c15)
	for len(s) >= 8 {
		w := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
			uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
		h = Mix64((h ^ w) * 0xff51afd7ed558ccd)
		s = s[8:]
	}
	var w uint64
	for i := len(s) - 1; i >= 0; i-- {
		w = w<<8 | uint64(s[i])
	}
	return Mix64((h ^ w ^ uint64(len(s))<<59) * 0xc4ceb9fe1a85ec53)
}

// Mix64 is splitmix64's finaliser: a bijection that spreads every input bit
// over the whole output. (rules/text/minhash's Mix64 is this one.)
func Mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}
