package process

import "github.com/corpuslint/corpuslint/rules"

// Severity sets the severity of findings from the configuration's overrides.
type Severity struct {
	// For returns the overrides, by rule name, that apply to a document's file
	// (config.Resolved.SeverityFor: per-path entries change them).
	For func(path string) map[string]rules.Severity
}

// Name implements Processor.
func (Severity) Name() string { return "severity" }

// Process implements Processor.
func (p Severity) Process(doc *rules.Document, fs []rules.Finding) []rules.Finding {
	over := p.For(doc.Path)
	if len(over) == 0 {
		return fs
	}
	for i := range fs {
		if s, ok := over[fs[i].Rule]; ok {
			fs[i].Severity = s
		}
	}
	return fs
}
