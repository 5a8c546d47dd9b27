package source

import (
	"testing"
	"unicode/utf8"
)

func TestFirstInvalidUTF8(t *testing.T) {
	cases := []string{
		"", "ascii only, longer than eight bytes", "é", "€", "😀", "\U0010ffff", "\ud7ff", "\ue000",
		"abcdefgé", "abcdefghé", "\xff", "a\x80", "\xc0\xaf", "\xc1\xbf", "\xc2", "\xe0\x80\x80",
		"\xe0\xa0", "\xed\xa0\x80", "\xed\x9f\xbf", "\xf0\x80\x80\x80", "\xf4\x90\x80\x80",
		"\xf5\x80\x80\x80", "\xf0\x9f\x98", "12345678\xf0\x9f\x98\x80x\xe2\x82",
		"café naïve “quoted” 東京 \xe2\x28\xa1",
	}
	for _, s := range cases {
		checkFirstInvalid(t, s)
	}
}

func checkFirstInvalid(t *testing.T, s string) {
	t.Helper()
	want := -1
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			want = i
			break
		}
		i += size
	}
	if got := firstInvalidUTF8([]byte(s)); got != want {
		t.Errorf("firstInvalidUTF8(%q) = %d, want %d", s, got, want)
	}
	if got := firstInvalidUTF8(s); got != want {
		t.Errorf("firstInvalidUTF8(%q) = %d, want %d", s, got, want)
	}
}

func FuzzFirstInvalidUTF8(f *testing.F) {
	f.Add("café \xff")
	f.Fuzz(checkFirstInvalid)
}
