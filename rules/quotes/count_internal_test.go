package quotes

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// countByCount is the three strings.Count calls countCurlyDoubles replaces.
func countByCount(s string) (int, int, int) {
	return strings.Count(s, "\u201e"), strings.Count(s, "\u201c"), strings.Count(s, "\u201d")
}

func TestCountCurlyDoubles(t *testing.T) {
	pieces := []string{"\u201e", "\u201c", "\u201d", "\u2019", "\u2014", "\xe2", "\xe2\x80", "a", " ", "\"", "é"}
	r := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		var b strings.Builder
		for range r.IntN(30) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		s := b.String()
		l, m, n := countCurlyDoubles(s)
		wl, wm, wn := countByCount(s)
		if l != wl || m != wm || n != wn {
			t.Fatalf("%q: got %d %d %d, want %d %d %d", s, l, m, n, wl, wm, wn)
		}
	}
}

func FuzzCountCurlyDoubles(f *testing.F) {
	f.Add("\u201eGut\u201c, sagte sie. \u201cYes\u201d \xe2\x80")
	f.Fuzz(func(t *testing.T, s string) {
		l, m, n := countCurlyDoubles(s)
		wl, wm, wn := countByCount(s)
		if l != wl || m != wm || n != wn {
			t.Fatalf("%q: got %d %d %d, want %d %d %d", s, l, m, n, wl, wm, wn)
		}
	})
}
