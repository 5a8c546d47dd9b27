package engine

import (
	"github.com/corpuslint/corpuslint/internal/engine/process"
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

// Check runs the rules and processors on doc and, when asked, the fix loop. The
// fix loop sees the findings before the presentation steps (process.Presenter),
// so each finding's fix is resolved on its own; the report, and the findings
// left on the fixed text, see them after.
func (c *Checker) Check(doc *rules.Document) (*report.Document, *fix.Result) {
	a := text.NewAnalysis(doc.Text)
	rd := &report.Document{Path: doc.Path, Record: doc.Record, ID: doc.ID, URL: doc.URL, Text: doc.Text}
	// Scores are of the text as read, like the findings reported; the fix
	// loop's checks of the fixed text record none.
	fs := c.run(doc, a, &rd.Scores)
	if !c.opt.Fix {
		rd.Findings = report.Items(c.present(doc, fs), a)
		a.Release()
		return rd, nil
	}
	// The fix loop may reuse fs's array; what is shown is a copy.
	rd.Findings = report.Items(c.present(doc, append([]rules.Finding(nil), fs...)), a)
	a.Release()
	check := func(txt string) []rules.Finding {
		d := *doc
		d.Text = txt
		return c.run(&d, text.NewAnalysis(txt), nil)
	}
	res := fix.Loop(doc.Text, fs, check, c.opt.UnsafeFixes)
	rd.Fixed = res.Text
	if len(res.Remaining) > 1 {
		d := *doc
		d.Text = res.Text
		res.Remaining = c.present(&d, res.Remaining)
	}
	return rd, &res
}

// run runs the rules and the processors that decide what is reported and
// fixed: every step but the presentation ones. When Options.Scores is set and
// scores is not nil, it stores there the scores the rules recorded.
func (c *Checker) run(doc *rules.Document, a *text.Analysis, scores *[]rules.RuleScore) []rules.Finding {
	rs := c.opt.Rules
	if c.opt.RulesFor != nil {
		rs = c.opt.RulesFor(doc.Path)
	}
	var fs []rules.Finding
	if c.opt.Scores && scores != nil {
		fs, *scores = rules.RunScores(rs, doc, a, c.corpus)
	} else {
		fs = rules.Run(rs, doc, a, c.corpus)
	}
	for _, p := range c.opt.Processors {
		if _, ok := p.(process.Presenter); ok {
			continue
		}
		fs = p.Process(doc, fs)
	}
	return fs
}

// present runs the presentation steps over fs, in the chain's order. They keep
// the order they are given (process.Presenter), so the sorted findings stay
// sorted.
func (c *Checker) present(doc *rules.Document, fs []rules.Finding) []rules.Finding {
	for _, p := range c.opt.Processors {
		if _, ok := p.(process.Presenter); ok {
			fs = p.Process(doc, fs)
		}
	}
	return fs
}
