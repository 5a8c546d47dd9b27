package jsonenc

import (
	"encoding/json"
	"math/rand/v2"
	"testing"
)

// plain8 says whether eight bytes need no escape exactly as the byte loop does.
func TestPlain8(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	special := []byte{0, 0x1f, 0x20, '"', '\\', 0x7f, 0x80, 0xc3, 0xe2, 0xff, '!', '#', '[', ']'}
	var b [8]byte
	for n := 0; n < 200000; n++ {
		want := true
		for i := range b {
			if r.IntN(4) == 0 {
				b[i] = special[r.IntN(len(special))]
			} else {
				b[i] = byte(r.IntN(256))
			}
			if c := b[i]; c < 0x20 || c == '"' || c == '\\' || c >= 0x80 {
				want = false
			}
		}
		if got := plain8(string(b[:])); got != want {
			t.Fatalf("plain8(%q) = %v, want %v", b, got, want)
		}
	}
}

// AppendString writes JSON that decodes to the string (valid UTF-8 in, same out).
func TestAppendStringRoundTrip(t *testing.T) {
	for _, s := range []string{"", "plain ascii text", `quote " and \ slash`, "tab\tnew\nline\r", "\x00\x1f",
		"é – — “quotes”", "line\u2028sep\u2029", "a long plain run of more than eight bytes, then \" at the end"} {
		var back string
		if err := json.Unmarshal(AppendString(nil, s), &back); err != nil || back != s {
			t.Errorf("%q: decoded %q, %v", s, back, err)
		}
	}
}
