package text

import (
	"math/rand/v2"
	"testing"
)

// asciiWordRunRef is asciiWordRun a byte at a time.
func asciiWordRunRef(t string, i, end int) int {
	start := i
	for i < end && asciiWord[t[i]] {
		i++
	}
	return i - start
}

// TestASCIIWordRunMatchesBytes holds the eight-byte test equal to the byte
// loop on strings of every byte class the test's edges care about.
func TestASCIIWordRunMatchesBytes(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	pick := []byte{'a', 'z', 'A', 'Z', '0', '9', '@', '[', '`', '{', '/', ':', 0x7f, 0x80, 0xC1, 0xDA, 0xE2, 0xFA, 0xFF,
		0x00, 0x01, 0x10, 0x19, 0x1A, 0x20, '\'', '-', '.', 'm', 'M', '5'}
	for iter := 0; iter < 100000; iter++ {
		b := make([]byte, r.IntN(24))
		for k := range b {
			if r.IntN(3) == 0 {
				b[k] = byte(r.IntN(256))
			} else {
				b[k] = pick[r.IntN(len(pick))]
			}
		}
		s := string(b)
		i := 0
		if len(s) > 0 {
			i = r.IntN(len(s) + 1)
		}
		end := i + r.IntN(len(s)-i+1)
		if got, want := asciiWordRun(s, i, end), asciiWordRunRef(s, i, end); got != want {
			t.Fatalf("asciiWordRun(%q, %d, %d) = %d, want %d", s, i, end, got, want)
		}
	}
}

func FuzzASCIIWordRun(f *testing.F) {
	f.Add("abcdefghijkl mnop", 0)
	f.Add("Zz09@[`{\x80é", 1)
	f.Fuzz(func(t *testing.T, s string, i int) {
		if i < 0 || i > len(s) {
			return
		}
		if got, want := asciiWordRun(s, i, len(s)), asciiWordRunRef(s, i, len(s)); got != want {
			t.Fatalf("asciiWordRun(%q, %d) = %d, want %d", s, i, got, want)
		}
	})
}
