package engine

import (
	"sort"

	"github.com/corpuslint/corpuslint/rules"
)

// Processor is one step of the chain findings pass through after the rules and
// before the reporters (golangci-lint's result processors): each step has one job,
// and adding a way to filter findings is adding a step.
type Processor interface {
	Name() string
	Process(doc *rules.Document, fs []rules.Finding) []rules.Finding
}

// SeverityOverride sets the severity of every finding of the named rules.
type SeverityOverride map[string]rules.Severity

// Name implements Processor.
func (SeverityOverride) Name() string { return "severity" }

// Process implements Processor.
func (p SeverityOverride) Process(_ *rules.Document, fs []rules.Finding) []rules.Finding {
	for i := range fs {
		if s, ok := p[fs[i].Rule]; ok {
			fs[i].Severity = s
		}
	}
	return fs
}

// SortFindings orders a document's findings by position, then by rule name, so
// output does not depend on the order rules ran in.
type SortFindings struct{}

// Name implements Processor.
func (SortFindings) Name() string { return "sort" }

// Process implements Processor.
func (SortFindings) Process(_ *rules.Document, fs []rules.Finding) []rules.Finding {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := &fs[i], &fs[j]
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		if a.End != b.End {
			return a.End < b.End
		}
		return a.Rule < b.Rule
	})
	return fs
}
