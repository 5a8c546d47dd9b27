package text_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/corpuslint/corpuslint/rules/text"
)

// Hash64 is a fixed function: states hashed on one machine merge with those of
// another, so its values must never change without a new state version.
func TestHash64Fixed(t *testing.T) {
	for _, c := range []struct {
		s    string
		seed uint64
		want uint64
	}{
		{"", 't', 0xa39192b2f0bdc441},
		{"a", 't', 0xec8b044cd90e5e7b},
		{"abcdefgh", 't', 0xa00e08c5b7085a54},
		{"abcdefghi", 't', 0x9082e336754dd0bd},
		{"The council approved the budget.", 't', 0x9af1dc41534704b5},
	} {
		if got := text.Hash64(c.s, c.seed); got != c.want {
			t.Errorf("Hash64(%q, %d) = %#x, want %#x", c.s, c.seed, got, c.want)
		}
	}
}

// Different texts, and the same text with another seed, hash apart: every
// one-byte change of a 1,000-byte text, every length of a run of the same
// byte, and trailing zero bytes (which a plain word loop would not see).
func TestHash64Spreads(t *testing.T) {
	seen := map[uint64]string{}
	add := func(s string) {
		h := text.Hash64(s, 't')
		if o, ok := seen[h]; ok && o != s {
			t.Fatalf("collision: %q and %q", o, s)
		}
		seen[h] = s
	}
	base := []byte(strings.Repeat("The council approved the new budget. ", 30)[:1000])
	add(string(base))
	for i := range base {
		b := append([]byte(nil), base...)
		b[i] ^= 1
		add(string(b))
	}
	for n := 0; n < 100; n++ {
		add(strings.Repeat("a", n))
		add("x" + strings.Repeat("\x00", n))
	}
	if text.Hash64("abc", 1) == text.Hash64("abc", 2) {
		t.Error("the seed does not change the hash")
	}
}

func BenchmarkHash64(b *testing.B) {
	s := strings.Repeat("The council approved the new budget on Tuesday. ", 20000)
	b.SetBytes(int64(len(s)))
	var h uint64
	for b.Loop() {
		h ^= text.Hash64(s, 't')
	}
	_ = fmt.Sprint(h)
}
