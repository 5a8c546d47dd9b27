package boilerplate_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/corpuslint/corpuslint/internal/fix"
	"github.com/corpuslint/corpuslint/rules"
	"github.com/corpuslint/corpuslint/rules/boilerplate"
	"github.com/corpuslint/corpuslint/rules/rulestest"
)

// blockRules are the three block rules with their golden folders.
var blockRules = []struct {
	rule func() rules.Rule
	dir  string
}{
	{boilerplate.LeadingBoilerplate, "../../testdata/rules/leading-boilerplate"},
	{boilerplate.TrailingBoilerplate, "../../testdata/rules/trailing-boilerplate"},
	{boilerplate.InlineBoilerplate, "../../testdata/rules/inline-boilerplate"},
}

func TestLeadingBoilerplate(t *testing.T) {
	rulestest.Run(t, boilerplate.LeadingBoilerplate(), blockRules[0].dir)
}

func TestTrailingBoilerplate(t *testing.T) {
	rulestest.Run(t, boilerplate.TrailingBoilerplate(), blockRules[1].dir)
}

func TestInlineBoilerplate(t *testing.T) {
	rulestest.Run(t, boilerplate.InlineBoilerplate(), blockRules[2].dir)
}

// The documentation examples: Bad is flagged, fixing it gives Good, Good is clean.
func TestBoilerplateMetaExamples(t *testing.T) {
	for _, br := range blockRules {
		r := br.rule()
		m := r.Meta()
		t.Run(m.Name, func(t *testing.T) {
			if m.Category != rules.Boilerplate || m.Severity != rules.Warning || !m.Fixable || m.Disabled {
				t.Errorf("meta %+v", m)
			}
			if fs := rulestest.Check(r, m.Bad); len(fs) == 0 {
				t.Errorf("Bad is not flagged")
			}
			check := func(s string) []rules.Finding { return rulestest.Check(r, s) }
			// The example shows the rule's fix, safe or not (inline-boilerplate's
			// are unsafe at the default level).
			if got := fix.Loop(m.Bad, nil, check, true).Text; got != m.Good {
				t.Errorf("fixing Bad gives\n%q\nwant Good\n%q", got, m.Good)
			}
		})
	}
}

// trailing-boilerplate never reports the lines trailing-headlines reports.
func TestTrailingBoilerplateLeavesHeadlines(t *testing.T) {
	seed, err := os.ReadFile("../../testdata/rules/trailing-headlines/seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	text := string(seed)
	th := rulestest.Check(boilerplate.TrailingHeadlines(), text)
	tb := rulestest.Check(boilerplate.TrailingBoilerplate(), text)
	if len(th) != 1 {
		t.Fatalf("trailing-headlines: want 1 finding on the seed, got %d", len(th))
	}
	for _, f := range tb {
		if f.Start < th[0].End && f.End > th[0].Start {
			t.Errorf("trailing-boilerplate repeats trailing-headlines' block: %s", rulestest.FormatFindings(text, []rules.Finding{f}))
		}
	}
}

// A finding names the kind of block, the regime, the probability against the
// threshold and the features that decided, with their values.
func TestBoilerplateMessages(t *testing.T) {
	text := "Skip to content\nHome\nNews\nSport\nWeather\nSubscribe\nSign in\n\n" + article + "\n\nShare this:\nFacebook\nTwitter\n" +
		"Leave a comment\n© 2019 City Times. All rights reserved.\n"
	for _, br := range blockRules[:2] {
		fs := rulestest.Check(br.rule(), text)
		if len(fs) == 0 {
			t.Fatalf("%s: no finding", br.rule().Meta().Name)
		}
		f := fs[0]
		if !strings.Contains(f.Message, "boilerplate probability") || !strings.Contains(f.Message, ">=") {
			t.Errorf("message %q lacks the probability and threshold", f.Message)
		}
		if f.Score == nil || f.Score.Name != "boilerplate_probability" || f.Score.Value < f.Score.Threshold {
			t.Errorf("score %+v", f.Score)
		}
		if f.Fix == nil || f.Fix.Applicability != rules.Safe || f.Fix.Drop {
			t.Errorf("fix %+v", f.Fix)
		}
	}
}

// The options are validated, and a configured copy leaves the defaults alone.
func TestBoilerplateOptions(t *testing.T) {
	c := boilerplate.LeadingBoilerplate().(rules.Configurable)
	rulestest.CheckOptions(t, c, []rulestest.OptionCase{
		{Options: map[string]any{"threshold": 0.7}},
		{Options: map[string]any{"article_threshold": 1.0}},
		{Options: map[string]any{"evidence_threshold": 0.0}, Err: "above 0 and at most 1, got 0"},
		{Options: map[string]any{"threshold": 1.5}, Err: "above 0 and at most 1, got 1.5"},
		{Options: map[string]any{"threshold": "high"}, Err: "number"},
		{Options: map[string]any{"depth": 3.0}, Err: "unknown option"},
	})
	if c.Options()["threshold"] != 0.5 {
		t.Errorf("defaults changed: %v", c.Options())
	}
	// A threshold of 1 flags nothing: no line reaches probability 1.
	off, err := c.Configure(map[string]any{"threshold": 1.0, "evidence_threshold": 1.0, "article_threshold": 1.0})
	if err != nil {
		t.Fatal(err)
	}
	if fs := rulestest.Check(off, boilerplate.LeadingBoilerplate().Meta().Bad); len(fs) != 0 {
		t.Errorf("thresholds of 1 still flag: %s", rulestest.FormatFindings(boilerplate.LeadingBoilerplate().Meta().Bad, fs))
	}
}

// Robustness: empty and blank texts, one huge line, many short lines.
func TestBoilerplateOddInputs(t *testing.T) {
	long := strings.Repeat("word ", 200000)
	many := strings.Repeat("a\n", 100000)
	for _, text := range []string{"", " \n\t\n", "\ufeff", long, many, "\r\n\r\n", "x"} {
		for _, br := range blockRules {
			fs := rulestest.Check(br.rule(), text)
			rulestest.CheckProperties(t, text, fs)
		}
	}
}

func FuzzLeadingBoilerplate(f *testing.F)  { fuzz(f, 0) }
func FuzzTrailingBoilerplate(f *testing.F) { fuzz(f, 1) }
func FuzzInlineBoilerplate(f *testing.F)   { fuzz(f, 2) }

func fuzz(f *testing.F, k int) {
	br := blockRules[k]
	files, _ := filepath.Glob(filepath.Join(br.dir, "*.txtar"))
	for _, file := range files {
		if a, err := txtar.ParseFile(file); err == nil {
			for _, s := range a.Files {
				if s.Name == "input.txt" {
					f.Add(string(s.Data))
				}
			}
		}
	}
	f.Add(br.rule().Meta().Bad)
	f.Add("")
	f.Add("Home\n\nNews\n[1]: http://x\n")
	r := br.rule()
	f.Fuzz(func(t *testing.T, text string) {
		rulestest.Fuzz(t, r, text)
	})
}

// article is a few paragraphs of running text.
const article = "The city council approved the new budget on Tuesday after a debate that lasted more than six hours, ending a dispute that had delayed the plan for weeks.\n" +
	"The mayor said the plan would protect libraries and parks while keeping property taxes flat next year, and thanked the members who changed their votes.\n" +
	"Opponents said the budget relied on optimistic revenue forecasts and warned that the city could face cuts to services if the economy slowed.\n" +
	"The council will vote on a separate plan for school funding next month, after hearing from parents and teachers at two public meetings."

// page is a whole page as a text converter leaves it: menus, the article, a
// footer.
func page(i int) string {
	var b strings.Builder
	b.WriteString("Skip to content\n")
	for _, s := range []string{"Home", "News", "Politics", "Business", "Sport", "Culture", "Weather", "Opinion", "Video", "Subscribe", "Sign in"} {
		b.WriteString(s + "\n")
	}
	fmt.Fprintf(&b, "\nCouncil approves budget number %d after long debate\nBy Jane Doe\nNovember 19, 2019\n\n", i)
	for k := 0; k < 6; k++ {
		b.WriteString(article + "\n\n")
	}
	b.WriteString("Share this:\nFacebook\nTwitter\nEmail\nRelated stories\nFog closes the airport for three hours\nHarbour ferry moves to winter timetable\n")
	b.WriteString("About us\nContact\nPrivacy policy\nTerms of use\n© 2019 City Times. All rights reserved.\n")
	return b.String()
}

// Each benchmark checks about 1 MB: whole pages, then the same articles alone.
func BenchmarkBoilerplateRules(b *testing.B) {
	var pages, articles []string
	size, asize := 0, 0
	for i := 0; size < 1<<20; i++ {
		p := page(i)
		pages = append(pages, p)
		size += len(p)
	}
	for asize < 1<<20 {
		articles = append(articles, article+"\n\n"+article)
		asize += 2*len(article) + 2
	}
	for _, br := range blockRules {
		r := br.rule()
		for _, set := range []struct {
			name  string
			texts []string
			size  int
		}{{"pages", pages, size}, {"articles", articles, asize}} {
			b.Run(r.Meta().Name+"/"+set.name, func(b *testing.B) {
				b.SetBytes(int64(set.size))
				b.ReportAllocs()
				for i := 0; i < b.N; i++ {
					for _, t := range set.texts {
						rules.Run([]rules.Rule{r}, &rules.Document{Text: t}, nil, nil)
					}
				}
			})
		}
	}
}
