package aggregate

import (
	"fmt"
	"strings"

	"github.com/corpuslint/corpuslint/report"
	"github.com/corpuslint/corpuslint/report/internal/span"
	"github.com/corpuslint/corpuslint/rules"
)

// RuleStats is what an Aggregate keeps per rule.
type RuleStats struct {
	Rule     string         `json:"rule"`
	Category rules.Category `json:"category"`
	Findings int64          `json:"findings"`
	// Documents counts documents with at least one finding of the rule.
	Documents int64 `json:"documents"`
	// Fixable counts findings with a safe fix.
	Fixable  int64            `json:"fixable"`
	Severity map[string]int64 `json:"severity"`
	// Scores names the measurements the rule reported.
	Scores   []string  `json:"scores,omitempty"`
	Examples []Example `json:"examples,omitempty"`
}

// Example is one finding kept to show what a rule flags: where it is, the message,
// and the flagged text with a little context.
type Example struct {
	Path    string `json:"path"`
	Record  int    `json:"record,omitempty"`
	ID      string `json:"id,omitempty"`
	URL     string `json:"url,omitempty"`
	Line    int    `json:"line"`
	Col     int    `json:"col"`
	Message string `json:"message"`
	// Before, Match and After are the text before the span (to the start of its
	// line, at most 80 bytes), the span (at most 320 bytes; Cut says how many bytes
	// were left out) and the text after it (to the end of its line).
	Before string `json:"before"`
	Match  string `json:"match"`
	Cut    int    `json:"cut,omitempty"`
	After  string `json:"after"`
	// Fix is the fix's message, with "(unsafe)" for an unsafe fix; empty without one.
	Fix   string          `json:"fix,omitempty"`
	Score *report.Measure `json:"score,omitempty"`
}

// makeExample cuts the context of a finding out of the document text.
func makeExample(d *report.Document, it *report.Item) Example {
	ex := Example{
		Path: d.Path, Record: d.Record, ID: d.ID, URL: d.URL,
		Line: it.Line, Col: it.Col, Message: it.Message,
	}
	if d.Record == 0 && d.ID == d.Path {
		ex.ID = ""
	}
	text := d.Text
	start, end := span.Clamp(it.Start, it.End, len(text))
	lineStart := strings.LastIndexByte(text[:start], '\n') + 1
	bs := max(lineStart, start-maxContext)
	ex.Before = text[span.RuneStart(text, bs):start]
	m := text[start:end]
	if len(m) > maxSnippet {
		cut := span.RuneStart(m, maxSnippet)
		ex.Cut = len(m) - cut
		m = m[:cut]
	}
	ex.Match = m
	lineEnd := strings.IndexByte(text[end:], '\n')
	if lineEnd < 0 {
		lineEnd = len(text) - end
	}
	ae := end + min(lineEnd, maxContext)
	ex.After = text[end:span.RuneStart(text, ae)]
	if f := it.Fix; f != nil {
		ex.Fix = f.Message
		if f.Applicability == rules.Unsafe {
			ex.Fix += " (unsafe)"
		}
		if ex.Fix == "" {
			ex.Fix = "fixable"
		}
	}
	if s := it.Score; s != nil {
		ex.Score = &report.Measure{Name: s.Name, Value: s.Value, Op: s.Op, Threshold: s.Threshold}
	}
	return ex
}

// Where names the example's document: its path, and record and id for JSONL.
func (e Example) Where() string {
	id := e.ID
	if id == "" {
		id = e.Path
		if e.Record > 0 {
			id = fmt.Sprintf("%s:%d", e.Path, e.Record)
		}
	}
	return report.Label(&report.Document{Path: e.Path, Record: e.Record, ID: id})
}

// Snippet is the example's text with the flagged span between ⟦ and ⟧.
func (e Example) Snippet() string {
	s := e.Before + "⟦" + e.Match
	if e.Cut > 0 {
		s += fmt.Sprintf("… (%d more bytes)", e.Cut)
	}
	return s + "⟧" + e.After
}
