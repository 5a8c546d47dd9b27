package aggregate_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/corpuslint/corpuslint/report"
	"github.com/corpuslint/corpuslint/report/aggregate"
	"github.com/corpuslint/corpuslint/report/internal/reporttest"
	"github.com/corpuslint/corpuslint/rules"
)

var update = flag.Bool("update", false, "rewrite the markdown golden")

// reportFixture is the shared fixture plus documents with URLs, a score and a
// boilerplate tail, aggregated as the report command does.
func reportFixture() (*aggregate.Aggregate, aggregate.RenderOptions) {
	docs := reporttest.Documents()
	tail := "Body line one.\nBody line two.\n-\nHeadline One -\nHeadline Two -\n"
	for i, host := range []string{"https://news.example.com/a", "https://news.example.com/b", "http://www.blog.example.org/p?q=1", ""} {
		d := &report.Document{Path: "c.jsonl", Record: i + 1, ID: "c-" + string(rune('a'+i)), URL: host, Text: tail, Fixed: tail}
		if i != 1 {
			start := strings.Index(tail, "-\n")
			share := float64(i) / 10
			d.Findings = []report.Item{{Finding: rules.Finding{Rule: "trailing-headlines", Category: rules.Boilerplate,
				Severity: rules.Warning, Start: start, End: len(tail), Message: "3 trailing headline-like lines <b>&amp;</b>",
				Fix:   &rules.Fix{Message: "delete the block", Edits: []rules.Edit{{Start: start, End: len(tail)}}},
				Score: &rules.Score{Name: "related_headline_share", Value: share, Op: "<=", Threshold: 0.25}},
				Line: 3, Col: 1, EndLine: 6, EndCol: 1}}
			d.Fixed = tail[:start]
		}
		docs = append(docs, d)
	}
	a := aggregate.New(aggregate.Options{Fixes: true})
	a.NoteRules("broken-quotes", "stray-dash", "trailing-headlines", "html-tags")
	for _, d := range docs {
		a.Add(d)
	}
	a.AddError()
	metas := map[string]rules.Meta{}
	for _, m := range reporttest.Metas() {
		metas[m.Name] = m
	}
	metas["trailing-headlines"] = rules.Meta{Name: "trailing-headlines", Category: rules.Boilerplate, Severity: rules.Warning,
		Title: "Headline lists after the body", Doc: "A block of headline-like lines.\n\nSecond paragraph.",
		Bad: "Body.\n-\nHead One -", Good: "Body."}
	return a, aggregate.RenderOptions{Title: "Fixture report", Inputs: []string{"a.txt", "b.jsonl", "c.jsonl"}, Rules: metas}
}

func TestMarkdownGolden(t *testing.T) {
	a, opt := reportFixture()
	var buf bytes.Buffer
	if err := aggregate.WriteMarkdown(&buf, a, opt); err != nil {
		t.Fatal(err)
	}
	got := buf.Bytes()
	golden := filepath.Join("..", "..", "testdata", "report", "markdown.golden")
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("markdown output differs from %s\n--- got\n%s", golden, got)
	}
}

func TestMarkdownEscaping(t *testing.T) {
	for in, want := range map[string]string{
		"a|b":         `a\|b`,
		"*x* _y_":     `\*x\* \_y\_`,
		"<b>":         `\<b\>`,
		"line\nbreak": "line break",
	} {
		a := aggregate.New(aggregate.Options{})
		var buf bytes.Buffer
		if err := aggregate.WriteMarkdown(&buf, a, aggregate.RenderOptions{Title: in}); err != nil {
			t.Fatal(err)
		}
		if first := strings.SplitN(buf.String(), "\n", 2)[0]; first != "# "+want {
			t.Errorf("title %q rendered as %q", in, first)
		}
	}
}
