package spacy

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// refSplitLines is Python's str.splitlines() written over runes: the lines as
// [start, end, next] offsets.
func refSplitLines(s string) [][3]int {
	var out [][3]int
	start := 0
	for i, r := range s {
		if i < start {
			continue // the "\n" of a "\r\n"
		}
		n := 0
		switch r {
		case '\n', '\v', '\f', 0x1c, 0x1d, 0x1e, 0x85, 0x2028, 0x2029:
			n = len(string(r))
		case '\r':
			n = 1
			if strings.HasPrefix(s[i+1:], "\n") {
				n = 2
			}
		}
		if n > 0 {
			out = append(out, [3]int{start, i, i + n})
			start = i + n
		}
	}
	if start < len(s) {
		out = append(out, [3]int{start, len(s), len(s)})
	}
	return out
}

func checkSplitLines(t *testing.T, s string) {
	t.Helper()
	var got [][3]int
	SplitLines(s, func(start, end, next int) { got = append(got, [3]int{start, end, next}) })
	if want := refSplitLines(s); !slices.Equal(got, want) {
		t.Fatalf("SplitLines(%q) = %v, want %v", s, got, want)
	}
}

func TestSplitLinesMatchesPython(t *testing.T) {
	parts := []string{"a", "é", "\n", "\r", "\r\n", "\v", "\f", "\x1c", "\x1d", "\x1e", "\x1f", "\u0085", "\u2028", "\u2029",
		"\u2027", "\u00c2", "\u2030", " ", "\t", "xyz"}
	r := rand.New(rand.NewPCG(9, 10))
	for iter := 0; iter < 20000; iter++ {
		var b strings.Builder
		for n := r.IntN(12); n > 0; n-- {
			b.WriteString(parts[r.IntN(len(parts))])
		}
		checkSplitLines(t, b.String())
	}
}

func FuzzSplitLines(f *testing.F) {
	f.Add("a\r\nb\u2028c\u0085\n")
	f.Fuzz(func(t *testing.T, s string) {
		if utf8.ValidString(s) {
			checkSplitLines(t, s)
		}
	})
}
