package boilerplate

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/corpuslint/corpuslint/rules/text"
)

// hashLineByWords is the plain definition hashLine implements in one pass:
// the line's words from Analysis.WordsIn, each lowered, numbers folded to "0".
func hashLineByWords(a *text.Analysis, l text.Line) (h uint64, words int, ok bool) {
	text := a.Text()
	h = fnvOffset
	var low []byte
	for _, w := range a.WordsIn(l.Start, l.End) {
		word := text[w.Start:w.End]
		words++
		if word[0] >= '0' && word[0] <= '9' {
			h = (h ^ '0') * fnvPrime
		} else {
			low = appendLower(low[:0], word)
			for _, c := range low {
				h = (h ^ uint64(c)) * fnvPrime
			}
			if len(word) >= 2 {
				ok = true
			}
		}
		h = (h ^ ' ') * fnvPrime
	}
	return h, words, ok
}

func checkLineHashes(t *testing.T, txt string) {
	t.Helper()
	a := text.NewAnalysis(txt)
	for i, l := range a.Lines() {
		h1, w1, ok1 := hashLine(txt, l)
		h2, w2, ok2 := hashLineByWords(a, l)
		if h1 != h2 || w1 != w2 || ok1 != ok2 {
			t.Fatalf("line %d %q: one pass (%x, %d, %v), by words (%x, %d, %v)", i+1, txt[l.Start:l.End], h1, w1, ok1, h2, w2, ok2)
		}
	}
}

func TestRepeatedLineHashMatchesWords(t *testing.T) {
	for _, s := range []string{
		"", "Share this:\nFacebook  Twitter", "© 2024 ACME Corp. All rights reserved.",
		"Don't miss it — l’été d’Ÿves ‐ co‑op e.g. U.S. 3.5 x-ray 1st", "ΣΟΦΙΑ Straße İstanbul",
		"a\r\nb\rc", "\xff\xfeBad UTF-8 \xc3", "word.\nnext", "'quoted' -dash- .dot.",
	} {
		checkLineHashes(t, s)
	}
	alphabet := []string{"a", "B", "z", "0", "9", "'", "-", ".", " ", "\n", "’", "‐", "‑", "é", "É", "ß", "İ", "\u0301", "—", "\xff", "\t", "Σ"}
	r := rand.New(rand.NewPCG(7, 8))
	for iter := 0; iter < 20000; iter++ {
		var b strings.Builder
		for n := r.IntN(30); n > 0; n-- {
			b.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		checkLineHashes(t, b.String())
	}
}

func FuzzRepeatedLineHash(f *testing.F) {
	f.Add("Share this: Facebook Twitter\nl’été 2024")
	f.Fuzz(func(t *testing.T, s string) { checkLineHashes(t, s) })
}

// BenchmarkLineHashes measures repeated-line's per-line hashing on news text.
func BenchmarkLineHashes(b *testing.B) {
	txt := strings.Repeat("The council approved the new budget on Tuesday after a long debate.\n"+
		"School funding, road repairs and the library’s future — officials said taxes stay flat.\n", 200)
	a := text.NewAnalysis(txt)
	a.Lines()
	b.SetBytes(int64(len(txt)))
	var out []uint64
	for b.Loop() {
		out = lineHashes(a, out[:0])
	}
}
