package process

import "github.com/corpuslint/corpuslint/rules"

// IgnoreIDs drops every finding of the listed document ids.
type IgnoreIDs map[string]bool

// Name implements Processor.
func (IgnoreIDs) Name() string { return "ignore-ids" }

// Process implements Processor.
func (p IgnoreIDs) Process(doc *rules.Document, fs []rules.Finding) []rules.Finding {
	if p[doc.ID] {
		return fs[:0]
	}
	return fs
}
