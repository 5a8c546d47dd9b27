package text

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// Position on long lines (checkpointed) gives the columns of counting runes from
// the line start, also in invalid UTF-8 and for offsets inside a rune.
func TestPositionLongLines(t *testing.T) {
	alphabet := []string{"a", "é", "€", "𝄞", "\n", "\xff", "\xe2\x82", "\x80", " "}
	r := rand.New(rand.NewPCG(9, 10))
	for iter := 0; iter < 40; iter++ {
		var b strings.Builder
		for b.Len() < 30000 {
			k := r.IntN(len(alphabet))
			if alphabet[k] == "\n" && r.IntN(50) > 0 {
				k = 0
			}
			b.WriteString(alphabet[k])
		}
		text := b.String()
		a := NewAnalysis(text)
		for q := 0; q < 300; q++ {
			off := r.IntN(len(text) + 1)
			line, col := a.Position(off)
			start := strings.LastIndexByte(text[:off], '\n') + 1
			wantLine := strings.Count(text[:off], "\n") + 1
			if start == 0 && strings.HasPrefix(text, "\ufeff") {
				t.Skip("no BOM in this alphabet")
			}
			if want := utf8.RuneCountInString(text[start:off]) + 1; line != wantLine || col != want {
				t.Fatalf("iteration %d offset %d: got %d:%d, want %d:%d", iter, off, line, col, wantLine, want)
			}
		}
	}
}

// BenchmarkWords measures the shared word split on news text.
func BenchmarkWords(b *testing.B) {
	text := strings.Repeat("The council approved the new budget on Tuesday after a long debate about "+
		"school funding, road repairs and the library’s future — officials said taxes stay flat. ", 200)
	b.SetBytes(int64(len(text)))
	var out []Word
	for b.Loop() {
		out = AppendWords(out[:0], text, 0, len(text))
	}
}

// TestHasByte8 holds the word-at-a-time byte tests equal to byte loops.
func TestHasByte8(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	pick := []byte{0, 1, 0x1F, 0x20, 0x0A, '"', '&', 0x21, 0x80, '0', '9', '/', ':', '+', '(', 0x7E, 0x23, 0x7f, 0x80, 0xC2, 0xE2, 0xE3, 0xED, 0xEE, 0xFF}
	for iter := 0; iter < 200000; iter++ {
		var b [8]byte
		for k := range b {
			if r.IntN(2) == 0 {
				b[k] = pick[r.IntN(len(pick))]
			} else {
				b[k] = byte(r.IntN(256))
			}
		}
		x := Load8(string(b[:]), 0)
		for _, c := range pick {
			if got, want := HasByte8(x, c), bytes.IndexByte(b[:], c) >= 0; got != want {
				t.Fatalf("hasByte8(% x, %#x) = %v, want %v", b, c, got, want)
			}
			if c > 128 {
				continue
			}
			less := false
			for _, d := range b {
				less = less || d < c
			}
			if got := HasLess8(x, c); got != less {
				t.Fatalf("hasLess8(% x, %#x) = %v, want %v", b, c, got, less)
			}
			for _, m := range pick {
				if m > 127 {
					continue
				}
				between := false
				for _, d := range b {
					between = between || m < d && d < c
				}
				if got := HasBetween8(x, m, c); got != between {
					t.Fatalf("hasBetween8(% x, %#x, %#x) = %v, want %v", b, m, c, got, between)
				}
			}
		}
	}
}

// TestIsWordRune holds the table of IsWordRune equal to the Unicode tables.
func TestIsWordRune(t *testing.T) {
	for r := rune(-2); r <= utf8.MaxRune+2; r++ {
		if got, want := IsWordRune(r), isWordRuneSlow(r); got != want {
			t.Fatalf("isWordRune(%U) = %v, want %v", r, got, want)
		}
	}
}

// TestPositionFromLines: Position and LineAt, which find line starts from
// Line.Next, agree with counting line breaks, at every offset of texts with
// and without a BOM, a final break, CRLF and empty lines.
func TestPositionFromLines(t *testing.T) {
	t.Run("uint32 starts", testPositionFromLines)
	// Texts over 4 GiB keep int starts.
	defer func(w uint64) { wideText = w }(wideText)
	wideText = 0
	t.Run("int starts", testPositionFromLines)
}

func testPositionFromLines(t *testing.T) {
	for _, txt := range []string{"", "\n", "\n\n", "a", "a\n", "\ufeff", "\ufeffab\ncd\n", "\ufeff\n", "é\r\nx\r\n\r\ny", "a\n\nb", strings.Repeat("ü", posStride+5) + "\nz"} {
		a := NewUnshared(txt)
		n := len(a.Lines())
		for off := -1; off <= len(txt)+1; off++ {
			o := min(max(off, 0), len(txt))
			wantLine := strings.Count(txt[:o], "\n")
			start := strings.LastIndexByte(txt[:o], '\n') + 1
			wantCol := utf8.RuneCountInString(txt[start:o]) + 1
			if l, c := a.Position(off); l != wantLine+1 || c != wantCol {
				t.Errorf("%q: Position(%d) = %d:%d, want %d:%d", txt, off, l, c, wantLine+1, wantCol)
			}
			if off >= 0 && off <= len(txt) {
				if got := a.LineAt(off); got != min(wantLine, n-1) {
					t.Errorf("%q: LineAt(%d) = %d, want %d", txt, off, got, min(wantLine, n-1))
				}
			}
		}
	}
}
