package attribution_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/corpuslint/corpuslint/rules"
	"github.com/corpuslint/corpuslint/rules/attribution"
	"github.com/corpuslint/corpuslint/rules/rulestest"
	"github.com/corpuslint/corpuslint/rules/text"
)

const dir = "../../testdata/rules/missing-attribution"

func TestMissingAttribution(t *testing.T) {
	rulestest.Run(t, attribution.MissingAttribution(), dir)
}

// TestMissingAttributionExamples checks the documented examples: Bad is flagged,
// Good is not.
func TestMissingAttributionExamples(t *testing.T) {
	r := attribution.MissingAttribution()
	m := r.Meta()
	if got := rulestest.Check(r, m.Bad); len(got) == 0 {
		t.Errorf("Bad example not flagged:\n%s", m.Bad)
	}
	if got := rulestest.Check(r, m.Good); len(got) != 0 {
		t.Errorf("Good example flagged: %s", rulestest.FormatFindings(m.Good, got))
	}
}

// TestMissingAttributionDegenerate runs the rule on inputs made of little but
// quote marks, which must neither panic nor report spans off the text.
func TestMissingAttributionDegenerate(t *testing.T) {
	r := attribution.MissingAttribution()
	for _, s := range []string{
		"", " ", "\n\n\n", "\"", "\"\"", "“", "”", "„", "«", "»", "\"\n\"", "“\n\n”",
		"\"A b c d e f.\"", "\"A b c d e f.\n\n\"",
		strings.Repeat("\"", 1000), strings.Repeat("“A b c d e f g.” ", 500),
		strings.Repeat("\"A b c d e f g,\" ", 500), strings.Repeat("\"A b c d e f g.\n\n", 300),
		"\ufeff\"We will not stop until every family has a home again.\"",
	} {
		rulestest.CheckProperties(t, s, rulestest.Check(r, s))
	}
}

func seeds(f *testing.F) []string {
	files, err := filepath.Glob(filepath.Join(dir, "*.txtar"))
	if err != nil {
		f.Fatal(err)
	}
	var out []string
	for _, file := range files {
		a, err := txtar.ParseFile(file)
		if err != nil {
			f.Fatal(err)
		}
		for _, s := range a.Files {
			if s.Name == "input.txt" {
				out = append(out, string(s.Data))
			}
		}
	}
	return out
}

func FuzzMissingAttribution(f *testing.F) {
	for _, s := range seeds(f) {
		f.Add(s)
	}
	r := attribution.MissingAttribution()
	f.Fuzz(func(t *testing.T, s string) {
		rulestest.Fuzz(t, r, s)
	})
}

// BenchmarkMissingAttribution runs the rule on about 1 MB of news-like text, mixing
// attributed quotations, unattributed ones, scare quotes and plain paragraphs.
func BenchmarkMissingAttribution(b *testing.B) {
	seed, err := os.ReadFile(filepath.Join(dir, "ok-seed-attributed.txtar"))
	if err != nil {
		b.Fatal(err)
	}
	extra := "\nThe last shift left on a Friday afternoon. “Nobody here knows what we are supposed to do now, and nobody in the city has told us.”\n\n" +
		"The ministry published its annual figures on Monday morning.\n\n\"The number of applications rose for the third year in a row.\n\n" +
		"\"We expect the trend to continue next year,\" she said.\n"
	var sb strings.Builder
	for sb.Len() < 1<<20 {
		sb.Write(seed)
		sb.WriteString(extra)
	}
	txt := sb.String()
	r := attribution.MissingAttribution()
	doc := &rules.Document{Text: txt, Path: "bench.txt", ID: "bench.txt"}
	// cold: the rule pays for the shared analysis (lines, sentences, words);
	// warm: another rule already did, as in a real run of several rules.
	b.Run("cold", func(b *testing.B) {
		b.SetBytes(int64(len(txt)))
		for i := 0; i < b.N; i++ {
			rules.Run([]rules.Rule{r}, doc, nil, nil)
		}
	})
	b.Run("warm", func(b *testing.B) {
		a := text.NewAnalysis(txt)
		a.Sentences()
		a.Words()
		b.SetBytes(int64(len(txt)))
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			rules.Run([]rules.Rule{r}, doc, a, nil)
		}
	})
}
