// Package rules is corpuslint's public vocabulary: documents, findings, fixes, the
// Rule interface, the registry and profiles. It names no rule: the built-in rules
// live in one package per family (rules/boilerplate, rules/quotes, ...) and
// rules/builtin lists them.
//
// The model is golang.org/x/tools/go/analysis: a rule receives a Pass holding the
// document and its shared analysis, and reports Findings with byte spans and optional
// Fixes made of Edits. Rules never do I/O and never keep state between documents, so
// the engine may run any rule on any goroutine.
package rules

import (
	"fmt"
	"github.com/corpuslint/corpuslint/rules/text"
	"slices"
	"strings"
)

// Severity orders findings by how much they matter. The zero value means "the
// rule's default" when a rule reports a finding.
type Severity int

// Severities, from least to most severe.
const (
	Info Severity = iota + 1
	Warning
	Error
)

// String returns the lower-case name used in every output format.
func (s Severity) String() string {
	switch s {
	case Info:
		return "info"
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return fmt.Sprintf("severity(%d)", int(s))
}

// ParseSeverity parses "info", "warning" or "error".
func ParseSeverity(s string) (Severity, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "info":
		return Info, nil
	case "warning", "warn":
		return Warning, nil
	case "error":
		return Error, nil
	}
	return Info, fmt.Errorf("unknown severity %q (want error, warning or info)", s)
}

// Category groups rules so they can be selected together.
type Category string

// The categories named in DESIGN.md.
const (
	Boilerplate Category = "boilerplate"
	Quotes      Category = "quotes"
	Typography  Category = "typography"
	Attribution Category = "attribution"
	Encoding    Category = "encoding"
	Markup      Category = "markup"
	Quality     Category = "quality"
	Repetition  Category = "repetition"
	Privacy     Category = "privacy"
)

// Categories lists every category in a stable order.
func Categories() []Category {
	return []Category{Boilerplate, Quotes, Typography, Attribution, Encoding, Markup, Quality, Repetition, Privacy}
}

// Applicability says whether a fix may be applied without a person looking at it.
type Applicability int

const (
	// Safe fixes keep the meaning of the text; `corpuslint fix` applies them.
	Safe Applicability = iota
	// Unsafe fixes may change meaning; they are applied only with --unsafe-fixes.
	Unsafe
)

// String returns "safe" or "unsafe".
func (a Applicability) String() string {
	if a == Unsafe {
		return "unsafe"
	}
	return "safe"
}

// Edit replaces the bytes [Start, End) of the document text with NewText.
type Edit struct {
	Start, End int
	NewText    string
}

// Fix is a suggested repair: a set of edits that apply together or not at all.
type Fix struct {
	Message       string
	Applicability Applicability
	Edits         []Edit
	// Drop marks a fix that removes the whole document (a filter's "drop"): its one
	// edit deletes the whole text, and `fix` on JSONL moves the record to
	// <name>.rejected.jsonl with the reason instead of deleting it.
	Drop bool
}

// Score is a measurement behind a finding: the measured value and the threshold it
// was compared with (Op is the comparison that failed, such as "<" or ">").
// Keeping it apart from the decision lets reports show how far a document is from
// the line and what a threshold change would flip. A score reported without a
// finding (Pass.ReportScore) has the same shape: Op and Threshold are the
// comparison that would flag the document, whether or not the value meets it.
type Score struct {
	Name      string
	Value     float64
	Op        string
	Threshold float64
}

// RuleScore is a Score with the rule that measured it: what Pass.ReportScore
// records for a document.
type RuleScore struct {
	Rule string
	Score
}

// Finding is one problem at one place: a half-open byte span [Start, End) into the
// document text. Line and column are derived from the span by the engine.
type Finding struct {
	Rule     string
	Category Category
	Severity Severity
	Start    int
	End      int
	Message  string
	Fix      *Fix
	Score    *Score
	// Covers counts the findings the engine folded into this one: those inside
	// its deletion (supersede) and, for a grouped rule, the document's further
	// findings of the rule (group). Sorted by rule; rules leave it nil. It lets
	// counts per rule (--statistics) include what the output folds away.
	Covers []Covered
}

// Covered is a count of findings of one rule folded into another finding.
type Covered struct {
	Rule     string
	Category Category
	Count    int
}

// AddCovered returns covers with n more findings of rule (of category cat),
// sorted by rule. It never changes the array of covers in place, since findings
// are copied by value and may share it.
func AddCovered(covers []Covered, rule string, cat Category, n int) []Covered {
	out := make([]Covered, 0, len(covers)+1)
	added := false
	for _, c := range covers {
		if c.Rule == rule {
			c.Count += n
			added = true
		} else if !added && c.Rule > rule {
			out = append(out, Covered{rule, cat, n})
			added = true
		}
		out = append(out, c)
	}
	if !added {
		out = append(out, Covered{rule, cat, n})
	}
	return out
}

// Meta describes a rule: what it is called, what it checks and how to read it.
// The documentation fields follow staticcheck's -explain pages.
type Meta struct {
	// Name is the stable kebab-case slug used for selection and in output.
	Name     string
	Category Category
	// Severity is the default severity of the rule's findings.
	Severity Severity
	// Fixable is true when the rule offers fixes for at least some findings.
	Fixable bool
	// Title is the one-line summary shown by `corpuslint rules`.
	Title string
	// Doc explains what the rule flags, what it leaves alone, and why.
	Doc string
	// Bad is a short text the rule flags; Good is the same text as it should be.
	Bad, Good string
	// Matches names the published filter the rule reproduces, if any.
	Matches string
	// SafeFixes says what the rule's safe fixes were measured at: the precision
	// of the deletions `corpuslint fix` applies, on which pages, with which
	// command. Empty for rules whose safe fixes only normalize characters.
	SafeFixes string
	// Disabled is true for rules that run only when selected explicitly.
	Disabled bool
	// Grouped is true for rules whose findings in one document share one cause
	// (a page header split into blocks by its title, the tags one extractor
	// left): they are reported as one finding that names the lines of the rest
	// and fixes them all (`lint --ungrouped` lists each).
	Grouped bool
}

// Rule is a check run on one document at a time.
//
// Check must be pure: no I/O, no globals, deterministic, and safe to call from many
// goroutines at once. A rule that takes options also implements Configurable.
type Rule interface {
	Meta() Meta
	Check(p *Pass)
}

// Configurable is implemented by rules with options (revive's Configure). Configure
// returns a configured copy and leaves the receiver untouched, so the registry's
// defaults are never mutated.
type Configurable interface {
	Rule
	// Options returns the current options with their values, for docs and `config`.
	Options() map[string]any
	// Configure validates opts and returns a rule using them.
	Configure(opts map[string]any) (Rule, error)
}

// OptionError is a bad option value given to Configure; configuration errors quote
// the option it names.
type OptionError struct {
	Option string
	Msg    string
}

func (e *OptionError) Error() string { return fmt.Sprintf("option %q: %s", e.Option, e.Msg) }

// CorpusRule is a rule that must see the whole batch before it can judge a document
// (for example a line that recurs across hundreds of documents). The engine calls
// NewState once, Observe for every document in a first pass (possibly on several
// states in parallel, merged with Merge), then Check for every document with the
// merged state available as Pass.Corpus.
type CorpusRule interface {
	Rule
	NewState() CorpusState
}

// CorpusState accumulates what a CorpusRule observed. Observe and Merge are plain
// function calls with no global state so that a distributed runner can shard them.
type CorpusState interface {
	Observe(doc *Document, a *text.Analysis)
	Merge(other CorpusState)
}

// Document is one text to check plus where it came from. Text is never mutated.
type Document struct {
	// Text is the document as read (UTF-8; for JSONL the decoded text field).
	Text string
	// Path is the file the document came from ("-" for standard input).
	Path string
	// Record is the 1-based JSONL line number, or 0 for a whole-file document.
	Record int
	// ID is the value of the id field, else "path:record" (or the path for whole files).
	ID string
	// Field is the JSON field the text came from; empty for whole files.
	Field string
	// URL is the document's URL when the input carries one.
	URL string
	// Ignore lists rules or categories the record itself asks not to be reported
	// (a JSONL record's "corpuslint": {"ignore": [...]} field).
	Ignore []string
}

// Pass is what a rule's Check receives: the document, its shared analysis, the
// corpus state for corpus rules, and the sink for findings. A rule must not keep
// its pass after Check returns: Run reuses it for the next rule.
type Pass struct {
	Doc      *Document
	Analysis *text.Analysis
	// Corpus is the merged state of a CorpusRule's first pass; nil otherwise.
	Corpus CorpusState
	meta   Meta
	report func(Finding)
	// score receives ReportScore's measurements; nil when the driver did not
	// ask for them (RunScores), which is lint's case.
	score func(RuleScore)
}

// NewPass returns a pass that runs rule r's Check on doc, sending findings to report.
// Drivers (the engine, tests) use it; rules only consume passes.
func NewPass(r Rule, doc *Document, a *text.Analysis, corpus CorpusState, report func(Finding)) *Pass {
	return &Pass{Doc: doc, Analysis: a, Corpus: corpus, meta: r.Meta(), report: report}
}

// Report sends a finding, filling in the rule's name, category and severity where
// the rule left them zero.
func (p *Pass) Report(f Finding) {
	if f.Rule == "" {
		f.Rule = p.meta.Name
	}
	if f.Category == "" {
		f.Category = p.meta.Category
	}
	if f.Severity == 0 {
		f.Severity = p.meta.Severity
	}
	p.report(f)
}

// ReportScore records a measurement the rule made on the whole document, whether
// or not it crossed the threshold (a quality filter's ratios, the language
// score), so that a data pipeline can choose thresholds afterwards from every
// document's values. It reports no finding and changes no output of lint: the
// engine collects scores only when statistics are asked for (RunScores), and
// otherwise the call does nothing.
func (p *Pass) ReportScore(s Score) {
	if p.score != nil {
		p.score(RuleScore{Rule: p.meta.Name, Score: s})
	}
}

// WantScores reports whether ReportScore records anything, for a rule whose
// scores cost work beyond its checks: it computes them only then.
func (p *Pass) WantScores() bool { return p.score != nil }

// Reportf reports a finding without a fix over [start, end).
func (p *Pass) Reportf(start, end int, format string, args ...any) {
	p.Report(Finding{Start: start, End: end, Message: fmt.Sprintf(format, args...)})
}

// Run checks doc with every rule in rs and returns the findings in rule order, each
// rule's findings in the order reported. corpus maps a corpus rule's name to its
// merged state. It is the single-document entry point used by the engine, by tests
// and by distributed runners.
func Run(rs []Rule, doc *Document, a *text.Analysis, corpus map[string]CorpusState) []Finding {
	return run(rs, doc, a, corpus, nil)
}

// RunScores is Run that also returns the scores the rules recorded with
// Pass.ReportScore, in rule order: what per-document statistics (lint --format
// stats, fix --output --annotate) carry besides the findings.
func RunScores(rs []Rule, doc *Document, a *text.Analysis, corpus map[string]CorpusState) ([]Finding, []RuleScore) {
	scores := []RuleScore{}
	fs := run(rs, doc, a, corpus, func(s RuleScore) { scores = append(scores, s) })
	return fs, scores
}

// MaxFindingsPerRule is the most findings one rule keeps for one document.
// Each finding costs about 300 bytes while its document is checked, so a rule
// reporting every "&amp;" of a 256 MiB document (43 million of them) would
// need about 16 GB and end a run of two workers in "out of memory" (issue 16).
// Past the limit the rule's further findings are counted, not kept: the first
// finding says how many there were (and Covers counts them for --statistics),
// and none of the rule's fixes is applied to that document, since fixing only
// the findings kept would leave a second fix run more to do. No real document
// comes near it.
const MaxFindingsPerRule = 1 << 20

// run is Run and RunScores; score is nil for Run.
func run(rs []Rule, doc *Document, a *text.Analysis, corpus map[string]CorpusState, score func(RuleScore)) []Finding {
	if a == nil {
		a = text.NewAnalysis(doc.Text)
	}
	var out []Finding
	// from is where the current rule's findings start in out, and over counts
	// those past MaxFindingsPerRule.
	from, over := 0, 0
	sink := func(f Finding) {
		if len(out)-from >= MaxFindingsPerRule {
			over++
			return
		}
		// Doubling: append's growth by a quarter copied a document of 400,000
		// findings four times over.
		if len(out) == cap(out) && len(out) >= 256 {
			out = slices.Grow(out, len(out))
		}
		// A rule that reports many findings often repeats one message ("HTML
		// entity &amp; instead of &", two million times in 10 MB of it): the
		// finding shares the previous one's string, and the copy goes to the
		// collector. The output is the same.
		if n := len(out); n > 0 {
			prev := &out[n-1]
			if f.Message == prev.Message {
				f.Message = prev.Message
			}
			if f.Fix != nil && prev.Fix != nil && f.Fix.Message == prev.Fix.Message {
				f.Fix.Message = prev.Fix.Message
			}
		}
		out = append(out, f)
	}
	// One pass serves every rule in turn (a rule does not keep its pass after
	// Check returns): allocating one per rule and document was a tenth of lint's
	// allocations.
	p := new(Pass)
	for _, r := range rs {
		m := r.Meta()
		var st CorpusState
		if corpus != nil {
			st = corpus[m.Name]
		}
		from, over = len(out), 0
		*p = Pass{Doc: doc, Analysis: a, Corpus: st, meta: m, report: sink, score: score}
		r.Check(p)
		if over > 0 {
			capFindings(out[from:], over)
		}
	}
	return out
}

// capFindings marks the findings of one rule that reached MaxFindingsPerRule
// in a document, over more having been left out: the first says so and counts
// them, and none keeps its fix.
func capFindings(fs []Finding, over int) {
	for i := range fs {
		fs[i].Fix = nil
	}
	first := &fs[0]
	first.Message += fmt.Sprintf("; the rule found %d in this document and lists %d, its most for one document; none of them is fixed",
		len(fs)+over, len(fs))
	first.Covers = AddCovered(first.Covers, first.Rule, first.Category, over)
}
