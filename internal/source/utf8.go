package source

import (
	"math/bits"
	"unicode/utf8"
)

// firstInvalidUTF8 returns the offset of the first invalid UTF-8 sequence in b, or
// -1 when b is valid. utf8.Valid drops to a byte-at-a-time loop for good after the
// first non-ASCII byte, which on European text (an accent every few words) is most
// of the input; this returns to the eight-byte ASCII stride after every rune. It
// takes strings too, so a whole-file text is checked without a []byte copy.
func firstInvalidUTF8[T string | []byte](b T) int {
	for i := 0; i < len(b); {
		if i+8 <= len(b) {
			m := load64(b[i:i+8]) & msb
			if m == 0 {
				i += 8
				continue
			}
			i += bits.TrailingZeros64(m) >> 3
		}
		c := b[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		// The ranges are RFC 3629's: no overlong forms, no surrogates, nothing
		// above U+10FFFF.
		lo, hi, size := byte(0x80), byte(0xbf), 0
		switch {
		case c < 0xc2:
			return i
		case c < 0xe0:
			size = 2
		case c < 0xf0:
			size = 3
			switch c {
			case 0xe0:
				lo = 0xa0
			case 0xed:
				hi = 0x9f
			}
		case c < 0xf5:
			size = 4
			switch c {
			case 0xf0:
				lo = 0x90
			case 0xf4:
				hi = 0x8f
			}
		default:
			return i
		}
		if i+size > len(b) || b[i+1] < lo || b[i+1] > hi {
			return i
		}
		for j := i + 2; j < i+size; j++ {
			if b[j]&0xc0 != 0x80 {
				return i
			}
		}
		i += size
	}
	return -1
}

// load64 reads eight bytes little-endian; the compiler turns it into one load.
func load64[T string | []byte](s T) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}
