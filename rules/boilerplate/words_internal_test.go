package boilerplate

import (
	"bytes"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// lowerHash is appendLower, hashBytes and a step of normHash in one pass.
func TestBoilerplateLowerHash(t *testing.T) {
	check := func(word string) {
		t.Helper()
		low, hw, pk, nh, ascii := lowerHash([]byte("x"), word, 12345)
		want := appendLower([]byte("x"), word)
		if string(low) != string(want) {
			t.Fatalf("lowerHash(%q) lowers to %q, want %q", word, low[1:], want[1:])
		}
		if h := hashBytes(want[1:]); hw != h {
			t.Fatalf("lowerHash(%q): word hash %x, want %x", word, hw, h)
		}
		if p := pack(want[1:]); pk != p {
			t.Fatalf("lowerHash(%q): packed %x, want %x", word, pk, p)
		}
		// With room past the word, holding other bytes.
		roomy := bytes.Repeat([]byte{0xff}, 64)[:1]
		if _, _, pk2, _, _ := lowerHash(roomy, word, 12345); pk2 != pk {
			t.Fatalf("lowerHash(%q) with room: packed %x, want %x", word, pk2, pk)
		}
		// normHash of a line of one word, chained on from 12345.
		lw := [][2]int32{{1, int32(len(want))}}
		if h := normHashFrom(12345, want, lw); nh != h {
			t.Fatalf("lowerHash(%q): line hash %x, want %x", word, nh, h)
		}
		wantASCII := true
		for i := 0; i < len(word); i++ {
			wantASCII = wantASCII && word[i] < utf8.RuneSelf
		}
		if ascii != wantASCII {
			t.Fatalf("lowerHash(%q): ascii %v", word, ascii)
		}
	}
	for _, w := range []string{"a", "Z", "2019", "3rd", "İstanbul", "\u212a", "ÄÖÜ", "\xff", "日本語", "Don't", "U.S", "é"} {
		check(w)
	}
	alphabet := []string{"a", "B", "z", "0", "9", "'", "-", ".", "é", "É", "ß", "İ", "\u212a", "\u0301", "\xff", "Σ", "日", "Ⱥ"}
	r := rand.New(rand.NewPCG(3, 4))
	for iter := 0; iter < 20000; iter++ {
		var b strings.Builder
		for n := 1 + r.IntN(12); n > 0; n-- {
			b.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		check(b.String())
	}
	// No rune but an ASCII digit lower-cases to a string starting with one, so
	// lowerHash may fold numbers by the word's first byte.
	for c := rune(utf8.RuneSelf); c <= unicode.MaxRune; c++ {
		if l := unicode.ToLower(c); l >= '0' && l <= '9' {
			t.Fatalf("%U lower-cases to a digit", c)
		}
	}
}

// normHashFrom is the plain definition of the line hash lowerHash chains on,
// over the words lw of low (lower case), started from h.
func normHashFrom(h uint64, low []byte, lw [][2]int32) uint64 {
	for _, s := range lw {
		w := low[s[0]:s[1]]
		if len(w) > 0 && w[0] >= '0' && w[0] <= '9' {
			h = (h ^ '0') * fnvPrime
		} else {
			for _, c := range w {
				h = (h ^ uint64(c)) * fnvPrime
			}
		}
		h = (h ^ ' ') * fnvPrime
	}
	return h
}

// The word table answers as the maps it is built from.
func TestBoilerplateWordTable(t *testing.T) {
	for w, f := range wordInfo {
		i, flags := wordTab.lookup(pack([]byte(w)), []byte(w))
		if i < 0 || flags != f || wordTab.words[i] != w || !reflect.DeepEqual(wordTab.phrases[i], phraseIndex[w]) {
			t.Fatalf("word table entry of %q: %d, flags %d, want flags %d", w, i, flags, f)
		}
	}
	// Words that share a known word's first eight bytes, or all of it but its
	// end, or that are longer than any.
	for _, w := range []string{"", "x", "thex", "th", "cookiez", "日本", strings.Repeat("a", 100),
		"copyrighx", "copyrightt", "copyrigh", "datenschutzerklärunx", "nutzungsbedingungenx"} {
		if i, _ := wordTab.lookup(pack([]byte(w)), []byte(w)); i >= 0 {
			t.Errorf("word table has %q", w)
		}
	}
}

// appendLower appends the lower case of w to b: the plain definition lowerHash
// and the line hashes implement in one pass.
func appendLower(b []byte, w string) []byte {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
			continue
		}
		r, n := utf8.DecodeRuneInString(w[i:])
		b = utf8.AppendRune(b, unicode.ToLower(r))
		i += n - 1
	}
	return b
}
