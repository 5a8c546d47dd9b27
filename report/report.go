// Package report turns findings into output as they stream: one file per format,
// each implementing the small Reporter interface, and one table of format names and
// constructors (formats, below) that New, Formats and NeedsFixed read. Reporters
// receive documents in input order and never see the engine, the readers or the
// rule registry; what they show about the rules comes in Options. The batch report
// of `corpuslint report` (HTML, Markdown) is package report/aggregate.
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

// Measure is a Finding.Score in JSON form.
type Measure struct {
	Name      string  `json:"name"`
	Value     float64 `json:"value"`
	Op        string  `json:"op"`
	Threshold float64 `json:"threshold"`
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
	// Scores are the measurements the rules recorded on the text as read,
	// flagged or not (rules.Pass.ReportScore), when the format asked for them
	// (NeedsScores); else nil.
	Scores []rules.RuleScore
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
	// Folded counts, by rule name, the findings folded into others (a larger
	// deletion covering them, or a grouped finding of their rule) and so not
	// shown on their own.
	Folded map[string]int
	// Category and Severity of each rule seen, for the summary table.
	RuleCategory map[string]rules.Category
	RuleSeverity map[string]map[rules.Severity]int
}

// NewSummary returns an empty summary ready for Add.
func NewSummary() *Summary {
	return &Summary{PerRule: map[string]int{}, Folded: map[string]int{}, RuleCategory: map[string]rules.Category{}, RuleSeverity: map[string]map[rules.Severity]int{}}
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
		for _, c := range it.Covers {
			s.Folded[c.Rule] += c.Count
			if _, ok := s.RuleCategory[c.Rule]; !ok {
				s.RuleCategory[c.Rule] = c.Category
			}
		}
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
	for k, v := range o.Folded {
		if s.Folded == nil {
			s.Folded = map[string]int{}
		}
		s.Folded[k] += v
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
	// Width is the number of terminal cells the table fits (TerminalWidth);
	// 0 asks the table to find it from its writer.
	Width int
	// ShowScores keeps the model's measurements (probabilities, distances) in
	// the messages of the table and concise formats (PeopleMessage).
	ShowScores bool
	// Rules describes the rules a run knows (built-in, added by a Go program, declared
	// in the configuration), for the formats that list them (sarif's tool.driver).
	// The reporters never read the registry themselves.
	Rules []rules.Meta
}

// format is one --format value: the name (a contract: scripts and configuration
// files spell it), the constructor, and whether the reporter shows the fixed text.
type format struct {
	name        string
	new         func(w io.Writer, opt Options) Reporter
	needsFixed  bool
	needsScores bool
}

// formats is the one list of output formats, in the order --help names them.
// Formats, NeedsFixed and New read it.
var formats = []format{
	{name: "table", new: func(w io.Writer, opt Options) Reporter { return NewTable(w, opt) }},
	{name: "concise", new: func(w io.Writer, opt Options) Reporter { return NewConcise(w, opt) }},
	{name: "diff", new: func(w io.Writer, _ Options) Reporter { return NewDiff(w) }, needsFixed: true},
	{name: "json", new: func(w io.Writer, opt Options) Reporter { return NewJSON(w, opt) }},
	{name: "jsonl", new: func(w io.Writer, opt Options) Reporter { return NewJSONL(w, opt) }},
	{name: "sarif", new: func(w io.Writer, opt Options) Reporter { return NewSARIF(w, opt) }},
	{name: "github", new: func(w io.Writer, opt Options) Reporter { return NewGitHub(w, opt) }},
	{name: "statistics", new: func(w io.Writer, opt Options) Reporter { return NewStatistics(w, opt) }},
	{name: "stats", new: func(w io.Writer, opt Options) Reporter { return NewStatsReporter(w, opt) }, needsFixed: true, needsScores: true},
}

// lookup returns the format named name.
func lookup(name string) (format, bool) {
	for _, f := range formats {
		if f.name == name {
			return f, true
		}
	}
	return format{}, false
}

// Formats lists the accepted --format values.
func Formats() []string {
	names := make([]string, len(formats))
	for i, f := range formats {
		names[i] = f.name
	}
	return names
}

// NeedsFixed reports whether a format shows the fixed text, so the engine computes
// it only then.
func NeedsFixed(name string) bool {
	f, _ := lookup(name)
	return f.needsFixed
}

// NeedsScores reports whether a format shows every document's scores, flagged or
// not (Document.Scores), so the engine collects them only then.
func NeedsScores(name string) bool {
	f, _ := lookup(name)
	return f.needsScores
}

// New returns the reporter for the format named name writing to w.
func New(name string, w io.Writer, opt Options) (Reporter, error) {
	f, ok := lookup(name)
	if !ok {
		return nil, fmt.Errorf("unknown format %q (want %s)", name, strings.Join(Formats(), ", "))
	}
	return f.new(w, opt), nil
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
