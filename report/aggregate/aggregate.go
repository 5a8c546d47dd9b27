package aggregate

import (
	"sort"
	"unicode"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/report"
	"github.com/corpuslint/corpuslint/rules"
)

// Version is the version of an Aggregate's JSON form. Read refuses other versions
// rather than misreading them.
const Version = 1

// Default limits of an Aggregate (Options fields left zero).
const (
	DefaultWorstDocs       = 20
	DefaultExamplesPerRule = 3
	DefaultDomains         = 5000
	DefaultDiffRows        = 60
)

// Fixed shapes of the histograms, so that any two aggregates merge bin by bin.
const (
	lengthBins      = 25 // log2 bins of the word count: 0, 1, 2-3, 4-7, ... 2^23 and more
	boilerplateBins = 20 // steps of 5% of the document's bytes
	scoreBins       = 40 // steps of 5% of the threshold, from 0 to twice the threshold
	maxScoreNames   = 64 // distinct score names kept; more are counted in DroppedScores
	maxSnippet      = 320
	maxContext      = 80
	maxDocFindings  = 8
)

// Options bound what an Aggregate keeps. Zero fields take the defaults.
type Options struct {
	// WorstDocs is how many of the worst documents are kept, with their diffs.
	WorstDocs int `json:"worst_docs"`
	// ExamplesPerRule is how many findings are kept as examples for each rule (the
	// first ones in input order).
	ExamplesPerRule int `json:"examples_per_rule"`
	// Domains bounds the per-domain counters: when the map reaches twice this many
	// domains it is pruned back to the Domains most frequent ones.
	Domains int `json:"domains"`
	// DiffRows bounds the side-by-side diff rows kept for each worst document.
	DiffRows int `json:"diff_rows"`
	// Fixes says that each report.Document's Fixed text was computed (the engine ran
	// with engine.Options.Fix), so the fix totals and diffs mean something.
	Fixes bool `json:"fixes"`
}

func (o Options) withDefaults() Options {
	if o.WorstDocs <= 0 {
		o.WorstDocs = DefaultWorstDocs
	}
	if o.ExamplesPerRule <= 0 {
		o.ExamplesPerRule = DefaultExamplesPerRule
	}
	if o.Domains <= 0 {
		o.Domains = DefaultDomains
	}
	if o.DiffRows <= 0 {
		o.DiffRows = DefaultDiffRows
	}
	return o
}

// Aggregate is the streaming summary behind the HTML and Markdown reports. It sees
// each document once (Add), keeps counts, fixed-bin histograms, a bounded heap of the
// worst documents, a bounded map of domains and a few examples per rule, so its size
// does not grow with the batch. Two aggregates of different parts of a batch combine
// with Merge, and an aggregate round-trips through JSON (WriteJSON, Read), so that
// a distributed runner can compute parts and render the whole.
//
// Add and Merge are not safe for concurrent use; give each worker its own aggregate
// and merge them.
type Aggregate struct {
	Version int     `json:"version"`
	Options Options `json:"options"`
	// CheckedRules lists the rules that ran (set with NoteRules), so that the report
	// can name the rules that found nothing.
	CheckedRules []string `json:"checked_rules,omitempty"`

	Documents int64 `json:"documents"`
	Bytes     int64 `json:"bytes"`
	Words     int64 `json:"words"`
	Findings  int64 `json:"findings"`
	// Flagged counts documents with at least one finding.
	Flagged int64 `json:"flagged"`
	// Errors counts inputs and records that could not be read.
	Errors int64 `json:"errors"`

	// FixedDocs counts documents the safe fixes change; DroppedDocs those they delete
	// whole. FixRemovedBytes and FixAddedBytes are the net bytes per changed document
	// (a fix that swaps a straight quote for a curly one adds two bytes).
	FixedDocs       int64 `json:"fixed_docs"`
	DroppedDocs     int64 `json:"dropped_docs"`
	FixRemovedBytes int64 `json:"fix_removed_bytes"`
	FixAddedBytes   int64 `json:"fix_added_bytes"`

	// BoilerplateBytes counts the bytes covered by findings of the boilerplate
	// category (overlapping findings counted once).
	BoilerplateBytes int64 `json:"boilerplate_bytes"`

	Rules map[string]*RuleStats `json:"rules"`
	// Length is the histogram of document lengths in words (log2 bins).
	Length Histogram `json:"length"`
	// Boilerplate is the histogram of each document's boilerplate share.
	Boilerplate Histogram `json:"boilerplate"`
	// Scores holds, per Finding.Score name, the histograms of the measured values.
	Scores        map[string]*ScoreStats `json:"scores"`
	DroppedScores int64                  `json:"dropped_scores,omitempty"`
	Domains       DomainStats            `json:"domains"`
	// Worst holds the worst documents as a heap (see WorstDocuments for them in
	// order).
	Worst worstHeap `json:"worst"`

	// scratch space reused across Add calls.
	seenRules  map[string]bool
	docScores  map[string]docScore
	spans      [][2]int
	scoreOrder []string
}

// New returns an empty aggregate.
func New(opt Options) *Aggregate {
	return &Aggregate{
		Version:     Version,
		Options:     opt.withDefaults(),
		Rules:       map[string]*RuleStats{},
		Length:      newLog2Histogram(lengthBins),
		Boilerplate: newLinearHistogram(0, 1, boilerplateBins, true),
		Scores:      map[string]*ScoreStats{},
		Domains:     DomainStats{Hosts: map[string]*DomainCount{}},
	}
}

// NoteRules records the names of the rules that ran.
func (a *Aggregate) NoteRules(names ...string) {
	a.CheckedRules = unionSorted(a.CheckedRules, names)
}

// AddError counts an input or record that could not be read.
func (a *Aggregate) AddError() { a.Errors++ }

// Add folds one checked document into the aggregate.
func (a *Aggregate) Add(d *report.Document) {
	if a.seenRules == nil {
		a.seenRules = map[string]bool{}
		a.docScores = map[string]docScore{}
	}
	clear(a.seenRules)
	clear(a.docScores)
	a.scoreOrder = a.scoreOrder[:0]
	a.spans = a.spans[:0]

	n := len(d.Text)
	a.Documents++
	a.Bytes += int64(n)
	words := countWords(d.Text)
	a.Words += int64(words)
	a.Length.add(float64(words))
	a.Findings += int64(len(d.Findings))
	if len(d.Findings) > 0 {
		a.Flagged++
	}

	perRule := map[string]ruleWeight{}
	for i := range d.Findings {
		it := &d.Findings[i]
		w := perRule[it.Rule]
		w.n++
		w.sev = max(w.sev, int(it.Severity))
		perRule[it.Rule] = w
		rs := a.Rules[it.Rule]
		if rs == nil {
			rs = &RuleStats{Rule: it.Rule, Category: it.Category, Severity: map[string]int64{}}
			a.Rules[it.Rule] = rs
		}
		rs.Findings++
		rs.Severity[it.Severity.String()]++
		if it.Fix != nil && it.Fix.Applicability == rules.Safe {
			rs.Fixable++
		}
		if !a.seenRules[it.Rule] {
			a.seenRules[it.Rule] = true
			rs.Documents++
		}
		if len(rs.Examples) < a.Options.ExamplesPerRule {
			rs.Examples = append(rs.Examples, makeExample(d, it))
		}
		if it.Category == rules.Boilerplate && it.End > it.Start {
			a.spans = append(a.spans, [2]int{it.Start, it.End})
		}
		if s := it.Score; s != nil {
			rs.Scores = unionSorted(rs.Scores, []string{s.Name})
			prev, seen := a.docScores[s.Name]
			if !seen {
				a.scoreOrder = append(a.scoreOrder, s.Name)
			}
			if !seen || moreFlagged(s.Value, prev.value, s.Op) {
				a.docScores[s.Name] = docScore{rule: it.Rule, value: s.Value, op: s.Op, threshold: s.Threshold}
			}
		}
	}

	covered := unionLength(a.spans, n)
	a.BoilerplateBytes += int64(covered)
	share := 0.0
	if n > 0 {
		share = float64(covered) / float64(n)
	}
	a.Boilerplate.add(share)

	for _, name := range a.scoreOrder {
		a.addScore(name, a.docScores[name])
	}

	removed := 0
	if a.Options.Fixes && d.Fixed != d.Text {
		a.FixedDocs++
		if d.Fixed == "" {
			a.DroppedDocs++
		}
		if delta := len(d.Text) - len(d.Fixed); delta > 0 {
			a.FixRemovedBytes += int64(delta)
			removed = delta
		} else {
			a.FixAddedBytes += int64(-delta)
		}
	}

	a.Domains.add(d.URL, len(d.Findings), len(d.Text), a.Options.Domains)

	if len(d.Findings) > 0 {
		a.offerWorst(d, badnessOf(perRule), removed)
	}
}

// unionLength returns how many bytes of [0, n) the spans cover together.
func unionLength(spans [][2]int, n int) int {
	if len(spans) == 0 {
		return 0
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i][0] < spans[j][0] })
	total, curS, curE := 0, spans[0][0], spans[0][1]
	for _, s := range spans[1:] {
		if s[0] <= curE {
			curE = max(curE, s[1])
			continue
		}
		total += curE - curS
		curS, curE = s[0], s[1]
	}
	total += curE - curS
	return min(total, n)
}

// countWords counts runs of non-space characters.
func countWords(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); {
		c := s[i]
		var space bool
		if c < utf8.RuneSelf {
			space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\v' || c == '\f'
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
			i += size
		}
		if !space && !in {
			n++
		}
		in = !space
	}
	return n
}

// unionSorted returns the sorted union of a and b without duplicates.
func unionSorted(a, b []string) []string {
	for _, s := range b {
		i := sort.SearchStrings(a, s)
		if i < len(a) && a[i] == s {
			continue
		}
		a = append(a, "")
		copy(a[i+1:], a[i:])
		a[i] = s
	}
	return a
}
