package typography_test

import (
	"strings"
	"testing"

	"github.com/corpuslint/corpuslint/rules"
	"github.com/corpuslint/corpuslint/rules/rulestest"
	"github.com/corpuslint/corpuslint/rules/text"
	"github.com/corpuslint/corpuslint/rules/typography"
)

func TestStrayDash(t *testing.T) {
	rulestest.Run(t, typography.StrayDash(), "../../testdata/rules/stray-dash")
}

// TestStrayDashMetaExamples checks that the rule flags its Bad example and not its
// Good one.
func TestStrayDashMetaExamples(t *testing.T) {
	r := typography.StrayDash()
	m := r.Meta()
	if len(rulestest.Check(r, m.Bad)) == 0 {
		t.Errorf("Bad example not flagged: %q", m.Bad)
	}
	if fs := rulestest.Check(r, m.Good); len(fs) != 0 {
		t.Errorf("Good example flagged: %s", rulestest.FormatFindings(m.Good, fs))
	}
}

func FuzzStrayDash(f *testing.F) {
	for _, s := range rulestest.GoldenInputs(f, "../../testdata/rules/stray-dash") {
		f.Add(s)
	}
	f.Add("")
	f.Add("-")
	f.Add("-\n-\n\n-\r\n—")
	f.Add("- a b c -\n- -\n")
	f.Fuzz(func(t *testing.T, s string) {
		rulestest.Fuzz(t, typography.StrayDash(), s)
	})
}

// benchText is about 1 MB of news-like text built from the golden inputs.
func benchText(b *testing.B) string {
	ins := rulestest.GoldenInputs(b, "../../testdata/rules/stray-dash")
	var sb strings.Builder
	for sb.Len() < 1<<20 {
		for _, s := range ins {
			sb.WriteString(s)
			sb.WriteString("\n")
		}
	}
	return sb.String()
}

// BenchmarkStrayDash measures the rule on about 1 MB of text: "with-analysis" builds the shared
// analysis (lines, paragraphs) each time as a lone rule would; "rule-only" reuses
// it, as the engine does when several rules check one document.
func BenchmarkStrayDash(b *testing.B) {
	txt := benchText(b)
	r := typography.StrayDash()
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
