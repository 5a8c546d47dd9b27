package text

import "math/bits"

// asciiWordRun returns how many bytes of t[i:end] from the start are ASCII
// letters and digits (asciiWord). It tests eight bytes at a time: the shared
// word split spends most of its time inside words, and a byte at a time it
// took a table load and a branch per byte.
func asciiWordRun(t string, i, end int) int {
	const (
		ones  = 0x0101010101010101
		highs = 0x8080808080808080
	)
	start := i
	for i+8 <= end {
		s := t[i : i+8]
		x := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
			uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
		// m keeps the low 7 bits of each byte, so that the sums below never
		// carry into the next byte; a byte with its high bit set is no ASCII
		// word byte whatever they say.
		m := x &^ highs
		l := m | 0x20*ones // ASCII letters folded to lower case
		lower := (l + (0x80-'a')*ones) &^ (l + (0x7f-'z')*ones)
		digit := (m + (0x80-'0')*ones) &^ (m + (0x7f-'9')*ones)
		word := (lower | digit) &^ x & highs
		if word == highs {
			i += 8
			continue
		}
		return i - start + bits.TrailingZeros64(^word&highs)/8
	}
	for i < end && asciiWord[t[i]] {
		i++
	}
	return i - start
}
