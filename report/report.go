// Package report turns findings into output: one file per format, each implementing
// the small Reporter interface. Reporters receive documents in input order and never
// see the engine, the readers or the rules' internals.
package report

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/corpuslint/corpuslint/rules"
)

// Item is a finding with the positions derived from its span: 1-based line and
// column (in code points), the end exclusive.
type Item struct {
	rules.Finding
	Line, Col, EndLine, EndCol int
}

// Document is what a reporter receives for one checked document.
type Document struct {
	Path   string
	Record int
	ID     string
	// URL is the document's URL when the input has one (for per-domain figures).
	URL string
	// Text is the document text as read; Fixed is the text after the fixes when the
	// reporter asked for it (Options.NeedsFixed), else empty.
	Text     string
	Fixed    string
	Findings []Item
}

// Summary is what a reporter receives at the end of a run.
type Summary struct {
	Documents int
	// Flagged counts documents with at least one finding.
	Flagged int
	// Errors counts inputs or records that could not be read.
	Errors int
	// PerRule counts findings by rule name.
	PerRule map[string]int
	// Category and Severity of each rule seen, for the summary table.
	RuleCategory map[string]rules.Category
	RuleSeverity map[string]map[rules.Severity]int
}

// NewSummary returns an empty summary ready for Add.
func NewSummary() *Summary {
	return &Summary{PerRule: map[string]int{}, RuleCategory: map[string]rules.Category{}, RuleSeverity: map[string]map[rules.Severity]int{}}
}

// Add counts the findings of one document.
func (s *Summary) Add(d *Document) {
	s.Documents++
	if len(d.Findings) > 0 {
		s.Flagged++
	}
	for _, it := range d.Findings {
		s.PerRule[it.Rule]++
		s.RuleCategory[it.Rule] = it.Category
		m := s.RuleSeverity[it.Rule]
		if m == nil {
			m = map[rules.Severity]int{}
			s.RuleSeverity[it.Rule] = m
		}
		m[it.Severity]++
	}
}

// Merge adds the counts of other into s, so that partial summaries computed on
// different workers or machines combine.
func (s *Summary) Merge(o *Summary) {
	s.Documents += o.Documents
	s.Flagged += o.Flagged
	s.Errors += o.Errors
	for k, v := range o.PerRule {
		s.PerRule[k] += v
	}
	for k, v := range o.RuleCategory {
		s.RuleCategory[k] = v
	}
	for k, m := range o.RuleSeverity {
		if s.RuleSeverity[k] == nil {
			s.RuleSeverity[k] = map[rules.Severity]int{}
		}
		for sev, n := range m {
			s.RuleSeverity[k][sev] += n
		}
	}
}

// Total returns the number of findings.
func (s *Summary) Total() int {
	n := 0
	for _, v := range s.PerRule {
		n += v
	}
	return n
}

// RuleNames returns the rules with findings, most findings first.
func (s *Summary) RuleNames() []string {
	names := make([]string, 0, len(s.PerRule))
	for k := range s.PerRule {
		names = append(names, k)
	}
	sort.Slice(names, func(i, j int) bool {
		if s.PerRule[names[i]] != s.PerRule[names[j]] {
			return s.PerRule[names[i]] > s.PerRule[names[j]]
		}
		return names[i] < names[j]
	})
	return names
}

// Reporter writes findings in one format.
type Reporter interface {
	// Document reports one document's findings; documents arrive in input order.
	Document(d *Document) error
	// Close writes whatever closes the output (a summary, a closing bracket).
	Close(s *Summary) error
}

// Options tune the reporters.
type Options struct {
	// Color enables ANSI color (only ever on a terminal, never with NO_COLOR).
	Color bool
	// UnsafeFixes makes machine formats include unsafe fixes too.
	UnsafeFixes bool
	// Quiet drops the summary of the table format.
	Quiet bool
}

// Formats lists the accepted --format values.
func Formats() []string { return []string{"table", "diff", "json", "jsonl", "sarif", "github"} }

// NeedsFixed reports whether a format shows the fixed text, so the engine computes
// it only then.
func NeedsFixed(format string) bool { return format == "diff" }

// New returns the reporter for format writing to w.
func New(format string, w io.Writer, opt Options) (Reporter, error) {
	switch format {
	case "table":
		return NewTable(w, opt), nil
	case "diff":
		return NewDiff(w), nil
	case "json":
		return NewJSON(w, opt), nil
	case "jsonl":
		return NewJSONL(w, opt), nil
	case "statistics":
		return NewStatistics(w, opt), nil
	case "sarif":
		return NewSARIF(w, opt, BuiltinMetas()), nil
	case "github":
		return NewGitHub(w, opt), nil
	}
	return nil, fmt.Errorf("unknown format %q (want %s)", format, strings.Join(Formats(), ", "))
}

// Label names a document for people: the path, plus the record and id for JSONL.
func Label(d *Document) string {
	if d.Record == 0 {
		return d.Path
	}
	if d.ID != "" && d.ID != fmt.Sprintf("%s:%d", d.Path, d.Record) {
		return fmt.Sprintf("%s:%d (id %s)", d.Path, d.Record, d.ID)
	}
	return fmt.Sprintf("%s:%d", d.Path, d.Record)
}
