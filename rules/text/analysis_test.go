package text_test

import (
	"strings"
	"testing"

	"github.com/corpuslint/corpuslint/rules/text"
)

func TestLinesAndPositions(t *testing.T) {
	txt := "\ufeffFirst line\r\nsecond é line\n\nlast"
	a := text.NewAnalysis(txt)
	lines := a.Lines()
	want := []string{"First line", "second é line", "", "last"}
	if len(lines) != len(want) {
		t.Fatalf("got %d lines, want %d", len(lines), len(want))
	}
	for i, w := range want {
		if got := a.LineText(i); got != w {
			t.Errorf("line %d = %q, want %q", i, got, w)
		}
	}
	off := strings.Index(txt, "line\n")
	if l, c := a.Position(off); l != 2 || c != 10 {
		t.Errorf("Position(%d) = %d:%d, want 2:10 (columns count code points)", off, l, c)
	}
	if l, c := a.Position(len(txt)); l != 4 || c != 5 {
		t.Errorf("Position(end) = %d:%d, want 4:5", l, c)
	}
	if l, c := a.Position(0); l != 1 || c != 1 {
		t.Errorf("Position(0) = %d:%d", l, c)
	}
	b := text.NewAnalysis("one\ntwo\n")
	if n := len(b.Lines()); n != 2 {
		t.Errorf("a final line break makes %d lines, want 2", n)
	}
	if l, c := b.Position(8); l != 3 || c != 1 {
		t.Errorf("Position past the final break = %d:%d, want 3:1", l, c)
	}
}

func TestParagraphs(t *testing.T) {
	// One paragraph per line in scraped txt; a hard-wrapped block is one paragraph.
	txt := "Headline One\nHeadline Two\n\nThis paragraph is wrapped at a narrow\nwidth so that its sentence continues\non the next line.\n"
	a := text.NewAnalysis(txt)
	ps := a.Paragraphs()
	if len(ps) != 3 {
		t.Fatalf("got %d paragraphs, want 3: %+v", len(ps), ps)
	}
	if got := txt[ps[2].Start:ps[2].End]; !strings.HasPrefix(got, "This paragraph") || !strings.HasSuffix(got, "next line.") {
		t.Errorf("wrapped paragraph = %q", got)
	}
}

func TestSentences(t *testing.T) {
	txt := `Mr. Smith went to Washington. He said "It is fine." Then he left! Did U.S. officials agree? Yes.`
	a := text.NewAnalysis(txt)
	var got []string
	for _, s := range a.Sentences() {
		got = append(got, txt[s.Start:s.End])
	}
	want := []string{"Mr. Smith went to Washington.", `He said "It is fine."`, "Then he left!", "Did U.S. officials agree?", "Yes."}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("sentences:\n got %q\nwant %q", got, want)
	}
}

func TestWords(t *testing.T) {
	txt := "Don’t stop: COVID-19 hit the U.S. in 2020 — 5,000 cases."
	a := text.NewAnalysis(txt)
	var got []string
	for _, w := range a.Words() {
		got = append(got, txt[w.Start:w.End])
	}
	want := "Don’t stop COVID-19 hit the U.S in 2020 5 000 cases"
	if strings.Join(got, " ") != want {
		t.Errorf("words = %q, want %q", strings.Join(got, " "), want)
	}
}

// TestCountWordsInMatchesWordsIn holds CountWordsIn, which tokenizes one line
// while the document's word list is not made, to len(WordsIn) on every line
// and paragraph, before and after the list exists.
func TestCountWordsInMatchesWordsIn(t *testing.T) {
	for _, s := range []string{
		"", "one", "a b\nc-d e.f g's\r\n\n  h’i — j\n", "Ünïcödé wörds, 12.5 and 3,000\nnext",
		"trailing-\nhyphen and 'quote'\n\n\nend.", strings.Repeat("word ", 50) + "\n" + strings.Repeat("x\n", 20),
	} {
		fresh := text.NewAnalysis(s)
		full := text.NewAnalysis(s)
		full.Words()
		for _, l := range full.Lines() {
			if got, want := fresh.CountWordsIn(l.Start, l.End), len(full.WordsIn(l.Start, l.End)); got != want {
				t.Errorf("%q line %d-%d: CountWordsIn %d, WordsIn %d", s, l.Start, l.End, got, want)
			}
		}
		for _, p := range full.Paragraphs() {
			if got, want := fresh.CountWordsIn(p.Start, p.End), len(full.WordsIn(p.Start, p.End)); got != want {
				t.Errorf("%q paragraph %d-%d: CountWordsIn %d, WordsIn %d", s, p.Start, p.End, got, want)
			}
			if got, want := full.CountWordsIn(p.Start, p.End), len(full.WordsIn(p.Start, p.End)); got != want {
				t.Errorf("%q paragraph with words made: %d, want %d", s, got, want)
			}
		}
		if got, want := len(fresh.Words()), len(full.Words()); got != want {
			t.Errorf("%q: Words after CountWordsIn has %d words, want %d", s, got, want)
		}
	}
}
