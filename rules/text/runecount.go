package text

import (
	"math/bits"
	"unicode/utf8"
)

// RuneCount is utf8.RuneCountInString: the code points of s, each invalid
// byte counting as one. Runs of ASCII, most of most text, are counted 8
// bytes at a time, where the standard function looks at every byte (it was
// a tenth of gopher-repetition's time, which measures lengths in
// characters).
func RuneCount(s string) int {
	n := 0
	for i := 0; i < len(s); {
		if i+8 <= len(s) {
			t := s[i : i+8]
			w := uint64(t[0]) | uint64(t[1])<<8 | uint64(t[2])<<16 | uint64(t[3])<<24 |
				uint64(t[4])<<32 | uint64(t[5])<<40 | uint64(t[6])<<48 | uint64(t[7])<<56
			if hi := w & 0x8080808080808080; hi == 0 {
				n += 8
				i += 8
				continue
			} else {
				// The ASCII bytes before the first other one.
				k := bits.TrailingZeros64(hi) / 8
				n += k
				i += k
			}
		}
		if s[i] < utf8.RuneSelf {
			n++
			i++
			continue
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		n++
		i += size
	}
	return n
}
