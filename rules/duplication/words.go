package duplication

import (
	"unicode"
	"unicode/utf8"
)

// FNV-1a, 64 bits: a hash that is the same on every machine and every run,
// which Go's maphash is not (states cross machines in the Beam pipeline).
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// mix64 is splitmix64's finaliser: a bijection that spreads every input bit
// over the whole output.
func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// eachWord calls fn with a hash of every word of s, in order, after the light
// normalisation both rules share: a word is a run of letters, digits and
// marks, lower-cased; everything else (white space, punctuation, symbols)
// only separates words. So "The cat, sat." and "the  cat sat" have the same
// words. It returns the number of words.
func eachWord(s string, fn func(h uint64)) int {
	n := 0
	h := uint64(fnvOffset)
	in := false
	var buf [utf8.UTFMax]byte
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			default:
				if in {
					fn(h)
					n++
					in = false
					h = fnvOffset
				}
				continue
			}
			in = true
			h = (h ^ uint64(c)) * fnvPrime
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r) {
			if in {
				fn(h)
				n++
				in = false
				h = fnvOffset
			}
			continue
		}
		in = true
		k := utf8.EncodeRune(buf[:], unicode.ToLower(r))
		for _, b := range buf[:k] {
			h = (h ^ uint64(b)) * fnvPrime
		}
	}
	if in {
		fn(h)
		n++
	}
	return n
}

// textHash returns a hash of the normalised words of s, and false when s has
// no word at all.
func textHash(s string) (uint64, bool) {
	h := uint64(fnvOffset)
	n := eachWord(s, func(w uint64) { h = mix64(h ^ w) })
	return h, n > 0
}
