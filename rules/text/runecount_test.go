package text_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/rules/text"
)

func TestRuneCount(t *testing.T) {
	for _, s := range []string{"", "a", "abcdefgh", "abcdefghi", "é", "aé", "abcdefgé", "abcdefgéabcdefgh",
		"\xe2\x80", "\xe2\x80abcdefgh", "abcdefg\xff", "\xf0\x9f\x98", "\xf0\x9f\x98\x80" + strings.Repeat("x", 20),
		strings.Repeat("日本語", 5), "\xed\xa0\x80abc"} {
		if got, want := text.RuneCount(s), utf8.RuneCountInString(s); got != want {
			t.Errorf("RuneCount(%q) = %d, want %d", s, got, want)
		}
	}
}

func FuzzRuneCount(f *testing.F) {
	f.Add("abcdefgé\xe2\x80abcdefgh\xff")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := text.RuneCount(s), utf8.RuneCountInString(s); got != want {
			t.Errorf("RuneCount(%q) = %d, want %d", s, got, want)
		}
	})
}

func BenchmarkRuneCount(b *testing.B) {
	s := strings.Repeat("The council met on Tuesday, and the mayor said “yes” to the café. ", 1000)
	b.SetBytes(int64(len(s)))
	b.Run("RuneCount", func(b *testing.B) {
		b.SetBytes(int64(len(s)))
		for i := 0; i < b.N; i++ {
			text.RuneCount(s)
		}
	})
	b.Run("utf8", func(b *testing.B) {
		b.SetBytes(int64(len(s)))
		for i := 0; i < b.N; i++ {
			utf8.RuneCountInString(s)
		}
	})
	a := strings.Repeat("The council met on Tuesday, and the mayor said yes. ", 1000)
	b.Run("RuneCount-ASCII", func(b *testing.B) {
		b.SetBytes(int64(len(a)))
		for i := 0; i < b.N; i++ {
			text.RuneCount(a)
		}
	})
	b.Run("utf8-ASCII", func(b *testing.B) {
		b.SetBytes(int64(len(a)))
		for i := 0; i < b.N; i++ {
			utf8.RuneCountInString(a)
		}
	})
}
