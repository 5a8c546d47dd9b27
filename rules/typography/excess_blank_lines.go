package typography

import (
	"fmt"

	"github.com/corpuslint/corpuslint/rules"
	"github.com/corpuslint/corpuslint/rules/option"
	"github.com/corpuslint/corpuslint/rules/text"
	"github.com/corpuslint/corpuslint/rules/text/markupscan"
)

// ExcessBlankLines returns the excess-blank-lines rule: runs of more blank lines
// than a paragraph break needs.
func ExcessBlankLines() rules.Rule { return excessBlank{max: 2} }

type excessBlank struct {
	max int
}

func (r excessBlank) Meta() rules.Meta {
	return rules.Meta{
		Name:     "excess-blank-lines",
		Grouped:  true,
		Category: rules.Typography,
		Severity: rules.Info,
		// Normalization, not damage: off by default (profile normalize selects the five).
		Disabled: true,
		Fixable:  true,
		Title:    "Three or more blank lines in a row",
		Doc: "Flags runs of more than max_blank_lines (default 2) consecutive blank lines, " +
			"where extraction removed the content of blocks (widgets, images, ads) but kept " +
			"their line breaks. Lines holding only spaces or tabs count as blank. The safe " +
			"fix collapses the run to a single blank line, the paragraph break, keeping the " +
			"document's line-break style; the first kept blank line is emptied of spaces.\n\n" +
			"One or two blank lines between paragraphs are left alone, as are blank lines " +
			"inside fenced code. The finding carries the run's length as its score.",
		Bad:  "The council approved the budget.\n\n\n\n\nVoting starts on Monday.\n",
		Good: "The council approved the budget.\n\nVoting starts on Monday.\n",
	}
}

// options declares the rule's options, bound to the fields of r.
func (r *excessBlank) options() *option.Set {
	s := option.New("excess-blank-lines")
	s.Int("max_blank_lines", &r.max, 1, 1000)
	return s
}

// Options implements rules.Configurable.
func (r excessBlank) Options() map[string]any { return r.options().Values() }

// Configure implements rules.Configurable: r is a copy, the receiver stays as it was.
func (r excessBlank) Configure(opts map[string]any) (rules.Rule, error) {
	if err := r.options().Decode(opts); err != nil {
		return nil, err
	}
	return r, nil
}

func (r excessBlank) Check(p *rules.Pass) {
	a := p.Analysis
	t := a.Text()
	lines := a.Lines()
	if len(lines) <= r.max {
		return
	}
	var fence markupscan.Fence
	run := -1
	for i := 0; i <= len(lines); i++ {
		blank := false
		if i < len(lines) {
			s := t[lines[i].Start:lines[i].End]
			code := fence.Code(s)
			blank = !code && text.IsBlank(s)
		}
		if blank {
			if run < 0 {
				run = i
			}
			continue
		}
		if run >= 0 && i-run > r.max {
			r.report(p, lines, run, i-1)
		}
		run = -1
	}
}

func (r excessBlank) report(p *rules.Pass, lines []text.Line, first, last int) {
	n := last - first + 1
	// Keep the first blank line (emptied) with its line break; delete the others.
	edits := []rules.Edit{}
	if lines[first].End > lines[first].Start {
		edits = append(edits, rules.Edit{Start: lines[first].Start, End: lines[first].End})
	}
	edits = append(edits, rules.Edit{Start: lines[first].Next, End: lines[last].Next})
	start := lines[first].Start
	end := lines[last].End
	if end <= start {
		end = lines[last].Next
	}
	p.Report(rules.Finding{Start: start, End: end,
		Message: fmt.Sprintf("%d blank lines in a row (more than %d)", n, r.max),
		Score:   &rules.Score{Name: "consecutive blank lines", Value: float64(n), Op: ">", Threshold: float64(r.max)},
		Fix:     &rules.Fix{Message: "collapse them to one blank line", Applicability: rules.Safe, Edits: edits}})
}
