// Package reporttest holds the fixture the reporters' and the batch report's tests
// share: a few documents with findings of every kind, and their rules' docs.
package reporttest

import (
	"github.com/corpuslint/corpuslint/report"
	"github.com/corpuslint/corpuslint/rules"
)

// Documents is one shared set of documents every format and the batch report are
// tested on.
func Documents() []*report.Document {
	text := "Café \"quoted\n-\nLast line -"
	return []*report.Document{
		{Path: "a.txt", ID: "a.txt", Text: text, Fixed: "Café \"quoted\nLast line", Findings: []report.Item{
			{Finding: rules.Finding{Rule: "broken-quotes", Category: rules.Quotes, Severity: rules.Warning, Start: 6, End: 7,
				Message: "opening \" is never closed in this paragraph"}, Line: 1, Col: 6, EndLine: 1, EndCol: 7},
			{Finding: rules.Finding{Rule: "stray-dash", Category: rules.Typography, Severity: rules.Warning, Start: 14, End: 15,
				Message: "line holds only a dash", Fix: &rules.Fix{Message: "delete the line", Edits: []rules.Edit{{Start: 14, End: 16}}}},
				Line: 2, Col: 1, EndLine: 2, EndCol: 2},
			{Finding: rules.Finding{Rule: "stray-dash", Category: rules.Typography, Severity: rules.Info, Start: 26, End: 27,
				Message: "dash dangling at the end of the line", Fix: &rules.Fix{Message: "delete the dash", Applicability: rules.Unsafe, Edits: []rules.Edit{{Start: 25, End: 27}}},
				Score: &rules.Score{Name: "x", Value: 0.5, Op: ">", Threshold: 0.25}},
				Line: 3, Col: 10, EndLine: 3, EndCol: 11},
		}},
		{Path: "b.jsonl", Record: 2, ID: "doc-2", Text: "clean", Fixed: "clean"},
		{Path: "b.jsonl", Record: 3, ID: "b.jsonl:3", Text: "x -", Fixed: "x", Findings: []report.Item{
			{Finding: rules.Finding{Rule: "stray-dash", Category: rules.Typography, Severity: rules.Error, Start: 2, End: 3,
				Message: "dash \"dangling\"\tat the end", Fix: &rules.Fix{Message: "delete", Edits: []rules.Edit{{Start: 1, End: 3, NewText: "\u2028<&>"}}}},
				Line: 1, Col: 3, EndLine: 1, EndCol: 4},
		}},
	}
}

// Metas describes the rules of Documents with fixed docs, so that goldens do not
// follow the built-in rules' documentation.
func Metas() []rules.Meta {
	return []rules.Meta{
		{Name: "broken-quotes", Category: rules.Quotes, Severity: rules.Warning, Fixable: true,
			Title: "Quotes that do not pair up", Doc: "A quote mark opens and never closes.",
			Bad: "He said \"yes.", Good: "He said \"yes.\""},
		{Name: "stray-dash", Category: rules.Typography, Severity: rules.Warning, Fixable: true,
			Title: "Dashes stranded by extraction", Doc: "A dash alone on a line or dangling at its end.",
			Bad: "Text -\n-", Good: "Text", Matches: "nothing published"},
	}
}
