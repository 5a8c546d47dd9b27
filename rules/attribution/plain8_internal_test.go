package attribution

import (
	"math/rand/v2"
	"testing"

	"github.com/corpuslint/corpuslint/rules/text"
)

// TestPlain8 holds the word-at-a-time test of plain bytes equal to a byte loop.
func TestPlain8(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	pick := []byte{0, 0x0A, '"', '&', 0x21, 0x7f, 0x80, 0xC2, 0xE2, 0xFF}
	for iter := 0; iter < 200000; iter++ {
		var b [8]byte
		for k := range b {
			if r.IntN(2) == 0 {
				b[k] = pick[r.IntN(len(pick))]
			} else {
				b[k] = byte(r.IntN(256))
			}
		}
		plain := true
		for _, c := range b {
			plain = plain && c < 0x80 && c != '"'
		}
		if got := plain8(text.Load8(string(b[:]), 0)); got != plain {
			t.Fatalf("% x: plain8 %v, want %v", b, got, plain)
		}
	}
}
