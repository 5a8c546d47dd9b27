package quotes_test

import (
	"strings"
	"testing"

	"github.com/corpuslint/corpuslint/internal/fix"
	"github.com/corpuslint/corpuslint/rules"
	"github.com/corpuslint/corpuslint/rules/quotes"
	"github.com/corpuslint/corpuslint/rules/rulestest"
	"github.com/corpuslint/corpuslint/rules/text"
)

func TestBrokenQuotes(t *testing.T) {
	rulestest.Run(t, quotes.BrokenQuotes(), "../../testdata/rules/broken-quotes")
}

func FuzzBrokenQuotes(f *testing.F) {
	for _, s := range rulestest.GoldenInputs(f, "../../testdata/rules/broken-quotes") {
		f.Add(s)
	}
	f.Add("")
	f.Add(`"""`)
	f.Add("”“”“")
	f.Add("&quot;&amp;quot;&#x201C;&#8221;")
	f.Fuzz(func(t *testing.T, s string) {
		rulestest.Fuzz(t, quotes.BrokenQuotes(), s)
	})
}

// benchText is about 1 MB of news-like text built from the golden inputs, with
// quotations of every kind the rule looks at.
func benchText(b *testing.B) string {
	ins := rulestest.GoldenInputs(b, "../../testdata/rules/broken-quotes")
	var sb strings.Builder
	for sb.Len() < 1<<20 {
		for _, s := range ins {
			sb.WriteString(s)
			sb.WriteString("\n")
		}
	}
	return sb.String()
}

// BenchmarkBrokenQuotes measures the rule on about 1 MB of text: "with-analysis" builds the shared
// analysis (lines, paragraphs) each time as a lone rule would; "rule-only" reuses
// it, as the engine does when several rules check one document.
func BenchmarkBrokenQuotes(b *testing.B) {
	txt := benchText(b)
	r := quotes.BrokenQuotes()
	doc := &rules.Document{Text: txt, Path: "bench.txt", ID: "bench.txt"}
	b.Run("with-analysis", func(b *testing.B) {
		b.SetBytes(int64(len(txt)))
		for i := 0; i < b.N; i++ {
			rules.Run([]rules.Rule{r}, doc, nil, nil)
		}
	})
	b.Run("rule-only", func(b *testing.B) {
		a := text.NewAnalysis(txt)
		rules.Run([]rules.Rule{r}, doc, a, nil)
		b.SetBytes(int64(len(txt)))
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			rules.Run([]rules.Rule{r}, doc, a, nil)
		}
	})
}

// TestBrokenQuotesUnsafeConversion checks the straight-to-curly fix, which the
// goldens do not apply because it is unsafe.
func TestBrokenQuotesUnsafeConversion(t *testing.T) {
	in := "“We are ready,” the captain said.\nFans called it \"the game of the season\" online.\n“It will be loud,” a steward warned.\n"
	want := "“We are ready,” the captain said.\nFans called it “the game of the season” online.\n“It will be loud,” a steward warned.\n"
	r := quotes.BrokenQuotes()
	check := func(s string) []rules.Finding { return rulestest.Check(r, s) }
	if got := fix.Loop(in, nil, check, true).Text; got != want {
		t.Errorf("unsafe fix:\n got %q\nwant %q", got, want)
	}
	if got := fix.Loop(in, nil, check, false).Text; got != in {
		t.Errorf("safe fixes changed the text: %q", got)
	}
}

// TestBrokenQuotesMetaExamples checks that the rule flags its Bad example and not
// its Good one.
func TestBrokenQuotesMetaExamples(t *testing.T) {
	r := quotes.BrokenQuotes()
	m := r.Meta()
	if len(rulestest.Check(r, m.Bad)) == 0 {
		t.Errorf("Bad example not flagged: %q", m.Bad)
	}
	if fs := rulestest.Check(r, m.Good); len(fs) != 0 {
		t.Errorf("Good example flagged: %s", rulestest.FormatFindings(m.Good, fs))
	}
}
