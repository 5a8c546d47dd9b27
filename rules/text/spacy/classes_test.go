package spacy_test

import (
	"testing"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/rules/text/spacy"
)

// WordStats is the one-pass form of RuneCountInString, IsSymbol and HasLetter
// that gopher-quality reads for every word; it must give their answers.
func checkWordStats(t *testing.T, w string) {
	t.Helper()
	chars, symbol, letter := spacy.WordStats(w)
	if chars != utf8.RuneCountInString(w) || symbol != spacy.IsSymbol(w) || letter != spacy.HasLetter(w) {
		t.Fatalf("WordStats(%q) = %d, %v, %v; want %d, %v, %v", w, chars, symbol, letter,
			utf8.RuneCountInString(w), spacy.IsSymbol(w), spacy.HasLetter(w))
	}
}

func TestWordStats(t *testing.T) {
	for _, w := range []string{"", "word", "...", "#", "—", "«»", "3.5", "Zürich", "@", "[", "`", "{",
		"\x00\x7f", "\xff", "a\xff", "１", "中文", "…", "é.", "U.S."} {
		checkWordStats(t, w)
	}
}

func FuzzWordStats(f *testing.F) {
	f.Add("Zürich.")
	f.Add("«…»")
	f.Fuzz(checkWordStats)
}
