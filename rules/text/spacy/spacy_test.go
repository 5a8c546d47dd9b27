package spacy_test

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/rules/rulestest"
	"github.com/corpuslint/corpuslint/rules/text"
	"github.com/corpuslint/corpuslint/rules/text/spacy"
)

// words returns the texts of spacy.WordsOf(s).
func words(s string) []string {
	var out []string
	for _, sp := range spacy.WordsOf(s) {
		out = append(out, s[sp.Start:sp.End])
	}
	return out
}

// TestWords checks the port of datatrove's English word tokenizer (spaCy's
// tokenizer for English) on cases whose spaCy output is known.
func TestWords(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Let's go to N.Y.!", "Let|'s|go|to|N.Y.|!"},
		{"Apple is looking at buying U.K. startup for $1 billion", "Apple|is|looking|at|buying|U.K.|startup|for|$|1|billion"},
		{"Hello, world! Don't do that.", "Hello|,|world|!|Do|n't|do|that|."},
		{"I'm sure they can't.", "I|'m|sure|they|ca|n't|."},
		{"“Trump’s campaign,” he said—adding: “no.”", "“|Trump|’s|campaign|,|”|he|said|—|adding|:|“|no|.|”"},
		{"well-known 3-4 2019-20 COVID-19 e-mail", "well|-|known|3|-|4|2019|-|20|COVID-19|e|-|mail"},
		{"10km 5% $5.00 2GB 3.14 1,000", "10|km|5|%|$|5.00|2|GB|3.14|1,000"},
		{"Mr. Smith. IBM. A. 2019. U.S. Inc.,", "Mr.|Smith|.|IBM|.|A.|2019|.|U.S.|Inc.|,"},
		{"(hello) [x] 'quoted' students' O'Reilly", "(|hello|)|[|x|]|'|quoted|'|students|'|O'Reilly"},
		{"Hello... wait…", "Hello|...|wait|…"},
		{"Hello,world end.Start and/or w/o", "Hello|,|world|end|.|Start|and/or|w/o"},
		{"https://www.bbc.co.uk/news. (see www.example.com) mail me@example.org", "https://www.bbc.co.uk/news|.|(|see|www.example.com|)|mail|me@example.org"},
		{":) #tag @user C++ gonna cannot 10am", ":)|#|tag|@user|C++|gon|na|can|not|10|am"},
		{"''Quote'' (don't). haha:) Acme-Inc.", "''|Quote|''|(|do|n't|)|.|haha|:)|Acme|-|Inc."},
		{"  \t\n\u00a0\u2003 ", ""},
		{"tab\tand\u00a0nbsp\u3000ideographic\x1cseparator", "tab|and|nbsp|ideographic|separator"},
	} {
		got := strings.Join(words(tc.in), "|")
		if got != tc.want {
			t.Errorf("WordsOf(%q)\n got %s\nwant %s", tc.in, got, tc.want)
		}
	}
}

// FuzzWords checks that the tokens are the text's non-space characters, in
// order, without loss.
func FuzzWords(f *testing.F) {
	for _, s := range rulestest.GoldenInputs(f, rulestest.Dir(f, "gopher-repetition")) {
		f.Add(s)
	}
	f.Add("''hello (don't). https://x.y/z?a=1 10km U.S.-based :)")
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		var nonSpace strings.Builder
		for _, r := range s {
			if !unicode.IsSpace(r) && !(r >= 0x1c && r <= 0x1f) {
				nonSpace.WriteRune(r)
			}
		}
		words := words(s)
		for _, w := range words {
			if w == "" || strings.IndexFunc(w, unicode.IsSpace) >= 0 {
				t.Fatalf("bad token %q in %q", w, s)
			}
		}
		if got := strings.Join(words, ""); got != nonSpace.String() {
			t.Fatalf("tokens of %q join to %q, want %q", s, got, nonSpace.String())
		}
	})
}

// sentenceCountsAgree checks, for every stripped line of s, that the count from
// the document's tokens equals the count of the line tokenized alone.
func sentenceCountsAgree(t *testing.T, s string) {
	t.Helper()
	a := text.NewUnshared(s)
	spacy.SplitLines(s, func(start, end, _ int) {
		i, j := spacy.PyStrip(s[start:end])
		if i == j {
			return
		}
		i, j = i+start, j+start
		if got, want := spacy.SentenceCountIn(a, i, j), spacy.SentenceCount(s[i:j]); got != want {
			t.Fatalf("SentenceCountIn(%q) = %d, SentenceCount = %d (in %q)", s[i:j], got, want, s)
		}
	})
}

// TestSentenceCountIn holds the sentence count from the document's tokens equal
// to the count of each line tokenized alone, on texts where special cases,
// affixes and white-space tokens meet line breaks.
func TestSentenceCountIn(t *testing.T) {
	for _, s := range []string{
		"", "One. Two.\nThree!  Four?\n\n", ":)\n:) (AP):\nU.S. Army.\u2028Next one.\u0085Yes.",
		"a.\tb.\x1cc.\r\nd.  \n  e. \"Quoted.\" (Bracket.) f", "don't.\ncan't stop. I'm here.\n'' ''",
		"°C.\n10km. 5.5%. https://x.y/z?a=1. Done...\n... Then",
	} {
		sentenceCountsAgree(t, s)
	}
	for _, s := range rulestest.GoldenInputs(t, rulestest.Dir(t, "c4-quality")) {
		sentenceCountsAgree(t, s)
	}
}

// FuzzSentenceCountIn holds SentenceCountIn equal to SentenceCount on every
// stripped line of any text.
func FuzzSentenceCountIn(f *testing.F) {
	for _, s := range rulestest.GoldenInputs(f, rulestest.Dir(f, "c4-quality")) {
		f.Add(s)
	}
	f.Add(":)\n:) (AP):\nU.S. Army.\u2028Next one.\u0085Yes.")
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		sentenceCountsAgree(t, s)
	})
}

// benchNews is about 1 MB of news text in lines (the seed article repeated).
func benchNews(b *testing.B) string {
	seed := rulestest.Seed(b)
	return strings.Repeat(seed+"\n", (1<<20)/(len(seed)+1)+1)
}

// BenchmarkWords measures spaCy's tokenization of a document, once per
// document in the shared analysis.
func BenchmarkWords(b *testing.B) {
	txt := benchNews(b)
	b.SetBytes(int64(len(txt)))
	b.ReportAllocs()
	for b.Loop() {
		a := text.NewAnalysis(txt)
		spacy.Words(a)
		a.Release()
	}
}

// BenchmarkSentenceCountLines measures c4-quality's sentence count of every
// line from the document's tokens (the tokenization itself excluded).
func BenchmarkSentenceCountLines(b *testing.B) {
	txt := benchNews(b)
	a := text.NewAnalysis(txt)
	spacy.Words(a)
	b.SetBytes(int64(len(txt)))
	for b.Loop() {
		spacy.SplitLines(txt, func(start, end, _ int) {
			i, j := spacy.PyStrip(txt[start:end])
			spacy.SentenceCountIn(a, start+i, start+j)
		})
	}
}
