package boilerplate_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/corpuslint/corpuslint/internal/fix"
	"github.com/corpuslint/corpuslint/rules"
	"github.com/corpuslint/corpuslint/rules/boilerplate"
	"github.com/corpuslint/corpuslint/rules/rulestest"
	"github.com/corpuslint/corpuslint/rules/text"
)

const headlineCases = "../../testdata/rules/trailing-headlines"

func TestTrailingHeadlines(t *testing.T) {
	rulestest.Run(t, boilerplate.TrailingHeadlines(), headlineCases)
}

// headlineFix returns the text after every safe fix of the rule.
func headlineFix(text string) string {
	check := func(s string) []rules.Finding { return rulestest.Check(boilerplate.TrailingHeadlines(), s) }
	return fix.Loop(text, nil, check, false).Text
}

// The seed file has no final line break, which a txtar archive cannot keep: check
// it as a plain file. The finding covers lines 15-31 and the fixed text is exactly
// lines 1-14.
func TestTrailingHeadlinesSeed(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(headlineCases, "seed.txt"))
	if err != nil {
		t.Fatal(err)
	}
	txt := string(b)
	lines := strings.Split(txt, "\n")
	if len(lines) != 31 || strings.HasSuffix(txt, "\n") {
		t.Fatalf("seed.txt: want 31 lines and no final line break, got %d lines", len(lines))
	}
	fs := rulestest.Check(boilerplate.TrailingHeadlines(), txt)
	rulestest.CheckProperties(t, txt, fs)
	if len(fs) != 1 {
		t.Fatalf("want 1 finding, got %d:\n%s", len(fs), rulestest.FormatFindings(txt, fs))
	}
	a := text.NewAnalysis(txt)
	l1, c1 := a.Position(fs[0].Start)
	l2, c2 := a.Position(fs[0].End)
	if l1 != 15 || c1 != 1 || l2 != 31 || fs[0].End != len(txt) {
		t.Errorf("finding spans %d:%d-%d:%d (end %d of %d), want 15:1 to the end of line 31", l1, c1, l2, c2, fs[0].End, len(txt))
	}
	if !strings.Contains(fs[0].Message, "17 trailing headline-like lines") || !strings.Contains(fs[0].Message, "16 headlines") {
		t.Errorf("message %q does not count the block", fs[0].Message)
	}
	if fs[0].Fix == nil || fs[0].Fix.Applicability != rules.Safe {
		t.Fatalf("want a safe fix, got %+v", fs[0].Fix)
	}
	if got, want := headlineFix(txt), strings.Join(lines[:14], "\n"); got != want {
		t.Errorf("fixed txt is not exactly lines 1-14\n--- got (%d bytes)\n%q\n--- want (%d bytes)\n%q", len(got), got[max(0, len(got)-80):], len(want), want[max(0, len(want)-80):])
	}
	if s := fs[0].Score; s == nil || s.Value > s.Threshold {
		t.Errorf("score %+v: want the related share within the threshold", s)
	}
}

// CRLF text: the span stops before the "\r", and the fix removes the "\r\n" before
// the block while keeping the final one.
func TestTrailingHeadlinesCRLF(t *testing.T) {
	body := "Several Czech hospitals have recently reported cyber attack attempts which they have withstood.\r\n" +
		"The Czech National Cyber and Information Security Agency warned against attacks on Thursday.\r\n"
	block := "-\r\n" +
		"Bad Bunny Headlines Super Bowl With Hits, Dancers And Celebrity Guests -\r\n" +
		"Insiders Weigh In On Kim Kardashian And Lewis Hamilton's Relationship -\r\n" +
		"Chris Hemsworth Hailed By Halle Berry For Sweet Gesture\r\n"
	text := body + block
	fs := rulestest.Check(boilerplate.TrailingHeadlines(), text)
	if len(fs) != 1 {
		t.Fatalf("want 1 finding, got %d", len(fs))
	}
	if fs[0].Start != len(body) || fs[0].End != len(text)-2 {
		t.Errorf("span [%d,%d), want [%d,%d)", fs[0].Start, fs[0].End, len(body), len(text)-2)
	}
	if got, want := headlineFix(text), body; got != want {
		t.Errorf("fixed text %q, want %q", got, want)
	}
}

// The documentation example flags Bad, and fixing Bad gives Good, which is clean.
func TestTrailingHeadlinesMetaExample(t *testing.T) {
	m := boilerplate.TrailingHeadlines().Meta()
	if m.Name != "trailing-headlines" || m.Category != rules.Boilerplate || m.Severity != rules.Warning || !m.Fixable {
		t.Errorf("meta %+v", m)
	}
	if fs := rulestest.Check(boilerplate.TrailingHeadlines(), m.Bad); len(fs) != 1 {
		t.Errorf("Bad: want 1 finding, got %d", len(fs))
	}
	if got := headlineFix(m.Bad); got != m.Good {
		t.Errorf("fixing Bad gives %q, want Good %q", got, m.Good)
	}
	if fs := rulestest.Check(boilerplate.TrailingHeadlines(), m.Good); len(fs) != 0 {
		t.Errorf("Good: want no finding, got %s", rulestest.FormatFindings(m.Good, fs))
	}
}

func FuzzTrailingHeadlines(f *testing.F) {
	f.Add("Body sentence one is here.\nBody sentence two is here.\n-\nOne Two Three Four Five -\nSix Seven Eight Nine Ten -\nAlpha Beta Gamma Delta Eps")
	f.Add("A\r\nRelated:\r\nX Y Z W V\r\n")
	f.Add("Body one two three four.\nBody five six seven eight.\nA B C D E | F G H I J | K L M N O\n\n\n")
	f.Add("")
	files, _ := filepath.Glob(filepath.Join(headlineCases, "*.txt"))
	for _, file := range files {
		if b, err := os.ReadFile(file); err == nil {
			f.Add(string(b))
		}
	}
	f.Fuzz(func(t *testing.T, text string) {
		rulestest.Fuzz(t, boilerplate.TrailingHeadlines(), text)
	})
}

func BenchmarkTrailingHeadlines(b *testing.B) {
	seed, err := os.ReadFile(filepath.Join(headlineCases, "seed.txt"))
	if err != nil {
		b.Fatal(err)
	}
	// A long article without a block, and the seed with one.
	long := strings.Repeat("The agency said on Thursday that it expected more attacks in the next few days.\n", 400)
	r := boilerplate.TrailingHeadlines()
	for _, tc := range []struct{ name, text string }{{"seed", string(seed)}, {"long-clean", long}} {
		b.Run(tc.name, func(b *testing.B) {
			doc := &rules.Document{Text: tc.text}
			b.SetBytes(int64(len(tc.text)))
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				rules.Run([]rules.Rule{r}, doc, nil, nil)
			}
		})
	}
}
