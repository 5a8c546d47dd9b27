package minhash

import (
	"bytes"
	"math"
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"
)

// refSign is Sign as it was, keeping every word hash of t.
func refSign(s *Signer, t string, sig []byte) bool {
	var ws []uint64
	EachWord(t, func(h uint64) { ws = append(ws, h) })
	n := s.c.NGrams
	if len(ws) < n {
		return false
	}
	mins := make([]uint64, len(s.mins))
	for i := range mins {
		mins[i] = math.MaxUint64
	}
	for i := 0; i+n <= len(ws); i++ {
		x := uint64(fnvOffset)
		for _, w := range ws[i : i+n] {
			x = Mix64(x ^ w)
		}
		for j := range mins {
			mins[j] = min(mins[j], s.a[j]*x+s.b[j])
		}
	}
	for j, m := range mins {
		sig[j] = byte(Mix64(m))
	}
	return true
}

// TestSignStreams: Sign keeps only the last n words, and signs as keeping
// them all did, for every shingle size; it allocates nothing for a longer
// text than the one before (the word hashes took 8 bytes a word).
func TestSignStreams(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 6))
	vocab := strings.Fields("a b c d e the of cat sat on mat dog ran far")
	for _, n := range []int{1, 2, 5, 9} {
		c := Defaults
		c.NGrams = n
		s := NewSigner(c)
		got, want := make([]byte, c.K()), make([]byte, c.K())
		for range 200 {
			var b strings.Builder
			for range r.IntN(40) {
				b.WriteString(vocab[r.IntN(len(vocab))])
				k := r.IntN(3)
				b.WriteString(" ,."[k : k+1])
			}
			txt := b.String()
			ok1, ok2 := s.Sign(txt, got), refSign(s, txt, want)
			if ok1 != ok2 || ok1 && !bytes.Equal(got, want) {
				t.Fatalf("n=%d %q: Sign %v %x, want %v %x", n, txt, ok1, got, ok2, want)
			}
		}
	}
	s := NewSigner(Defaults)
	sig := make([]byte, Defaults.K())
	s.Sign("one two three four five six", sig)
	long := strings.Repeat("the cat sat on the mat and the dog ran far ", 10000)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	s.Sign(long, sig)
	runtime.ReadMemStats(&after)
	if n := after.TotalAlloc - before.TotalAlloc; n > 64<<10 {
		t.Errorf("Sign allocated %d bytes for a text of 110,000 words", n)
	}
}

func BenchmarkSign(b *testing.B) {
	s := NewSigner(Defaults)
	sig := make([]byte, Defaults.K())
	txt := strings.Repeat("the cat sat on the mat and the dog ran far ", 2000)
	b.SetBytes(int64(len(txt)))
	for range b.N {
		s.Sign(txt, sig)
	}
}
