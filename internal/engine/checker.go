package engine

import (
	"github.com/corpuslint/corpuslint/internal/fix"
	"github.com/corpuslint/corpuslint/report"
	"github.com/corpuslint/corpuslint/rules"
	"github.com/corpuslint/corpuslint/rules/text"
)

// Checker checks single documents with a fixed rule set. It is the library entry
// point for one document (DESIGN.md "Beyond one machine"): a plain function call
// with no global state.
type Checker struct {
	opt    Options
	corpus map[string]rules.CorpusState
}

// NewChecker returns a checker for opt; corpus holds the merged first-pass states of
// the corpus rules (nil when there are none).
func NewChecker(opt Options, corpus map[string]rules.CorpusState) *Checker {
	return &Checker{opt: opt, corpus: corpus}
}

// Check runs the rules and processors on doc and, when asked, the fix loop.
func (c *Checker) Check(doc *rules.Document) (*report.Document, *fix.Result) {
	a := text.NewAnalysis(doc.Text)
	fs := c.findings(doc, a)
	rd := &report.Document{Path: doc.Path, Record: doc.Record, ID: doc.ID, URL: doc.URL, Text: doc.Text}
	rd.Findings = report.Items(fs, a)
	a.Release()
	if !c.opt.Fix {
		return rd, nil
	}
	check := func(txt string) []rules.Finding {
		d := *doc
		d.Text = txt
		return c.findings(&d, text.NewAnalysis(txt))
	}
	res := fix.Loop(doc.Text, fs, check, c.opt.UnsafeFixes)
	rd.Fixed = res.Text
	return rd, &res
}

func (c *Checker) findings(doc *rules.Document, a *text.Analysis) []rules.Finding {
	rs := c.opt.Rules
	if c.opt.RulesFor != nil {
		rs = c.opt.RulesFor(doc.Path)
	}
	fs := rules.Run(rs, doc, a, c.corpus)
	for _, p := range c.opt.Processors {
		fs = p.Process(doc, fs)
	}
	return fs
}
