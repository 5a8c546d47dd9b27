package spacy

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// checkScratch tokenizes txt with the reused scratch sc (its memo and spare
// arrays filled by earlier texts) and without, and wants the same tokens.
func checkScratch(t *testing.T, sc *scratch, buf []tok, txt string) []tok {
	t.Helper()
	want := tokens(txt, nil)
	got := tokensWith(txt, buf, sc)
	if !slices.Equal(got, want) {
		t.Fatalf("%q: with scratch %v, without %v", txt, got, want)
	}
	return got
}

// The memo and the spare arrays change nothing: texts of chunks that recur
// (so the memo hits, also across texts), special cases and their patterns
// ("(AP):", "):"), chunks longer than the memo keeps, chunks of more tokens
// than it keeps, and many pattern matches in one text.
func TestScratchMatchesPlain(t *testing.T) {
	sc := &scratch{}
	var buf []tok
	chunks := []string{"said.", "(AP)", "(AP):", "):", "don't", "Don’t", "2024,", "U.S.", "U.S.-based", "e.g.", "a.", "word",
		"10km", "$5.00", "well-known", "https://x.y/z?a=1.", "((((((((a))))))))", "“quoted,”", "...", "…", ":)", "—",
		"ab,cd", "x.Y", "Straße,", "ΣΟΦΙΑ.", "中文。", "C++", "°C.", "cannot", "gonna", strings.Repeat("x", 30) + ".",
		"'s", "students'", "O'Reilly", "\u00a0", "\t", "\n", "  "}
	r := rand.New(rand.NewPCG(5, 6))
	for iter := 0; iter < 3000; iter++ {
		var b strings.Builder
		for n := r.IntN(40); n > 0; n-- {
			b.WriteString(chunks[r.IntN(len(chunks))])
			b.WriteString([]string{" ", " ", "\n", "  ", ""}[r.IntN(5)])
		}
		buf = checkScratch(t, sc, buf, b.String())
	}
	buf = checkScratch(t, sc, buf, strings.Repeat("(AP): said. ", 500))
	checkScratch(t, sc, buf, "")
}

func FuzzScratch(f *testing.F) {
	f.Add("(AP): said. don't U.S.", "said. (AP):")
	sc := &scratch{}
	var buf []tok
	f.Fuzz(func(t *testing.T, a, b string) {
		buf = checkScratch(t, sc, buf, a)
		buf = checkScratch(t, sc, buf, b)
		buf = checkScratch(t, sc, buf, a+" "+b)
	})
}

// Every special case of ASCII letters that splits must pass mayLetterSplit,
// or tokenizeChunk would keep such a word whole.
func TestMayLetterSplitKeepsEverySplit(t *testing.T) {
	n := 0
	for k, p := range specialCases {
		if asciiLetters(k) && len(p) > 1 {
			n++
			if !mayLetterSplit(k) {
				t.Errorf("mayLetterSplit(%q) = false; it splits into %v", k, p)
			}
		}
	}
	if n == 0 {
		t.Fatal("no special case of letters that splits: the test checks nothing")
	}
}
