package report

import (
	"bufio"
	"encoding/json"
	"io"

	"github.com/corpuslint/corpuslint/rules"
)

// Stats are the per-document statistics a data pipeline carries forward: what
// `lint --format stats` prints one line per document, and what `fix --output
// --annotate FIELD` adds to each output record, so that thresholds can be chosen
// afterwards with other tools.
type Stats struct {
	// Decision is "keep" or "drop": whether the safe fixes keep the document.
	Decision string `json:"decision"`
	// DropRule and DropReason name the finding whose fix drops it.
	DropRule   string `json:"drop_rule,omitempty"`
	DropReason string `json:"drop_reason,omitempty"`
	// Findings counts the findings on the text as read; Counts splits them by rule.
	Findings int            `json:"findings"`
	Counts   map[string]int `json:"counts"`
	// Scores are the measured values behind the findings that carry one (quality
	// filters, boilerplate probabilities), with the threshold they crossed.
	Scores []RuleScore `json:"scores"`
	// Bytes is the length of the text as read; BytesRemoved how much shorter the
	// fixes made it.
	Bytes        int `json:"bytes"`
	BytesRemoved int `json:"bytes_removed"`
}

// RuleScore is a Finding.Score with the rule that measured it.
type RuleScore struct {
	Rule string `json:"rule"`
	Measure
}

// StatsOf returns the statistics of a document whose Fixed text is set. A finding
// whose allowed fix drops the document (safe, or unsafe when unsafe is set)
// decides "drop", as the fix loop does.
func StatsOf(d *Document, unsafe bool) Stats {
	s := Stats{Decision: "keep", Findings: len(d.Findings), Counts: map[string]int{}, Scores: []RuleScore{},
		Bytes: len(d.Text), BytesRemoved: len(d.Text) - len(d.Fixed)}
	for _, it := range d.Findings {
		s.Counts[it.Rule]++
		if sc := it.Score; sc != nil {
			s.Scores = append(s.Scores, RuleScore{Rule: it.Rule, Measure: Measure{Name: sc.Name, Value: sc.Value, Op: sc.Op, Threshold: sc.Threshold}})
		}
		if f := it.Fix; s.DropRule == "" && f != nil && f.Drop && (f.Applicability == rules.Safe || unsafe) {
			s.Decision, s.DropRule, s.DropReason = "drop", it.Rule, it.Message
		}
	}
	if s.Decision == "drop" {
		// A dropped document loses all its text.
		s.BytesRemoved = len(d.Text)
	}
	return s
}

// StatsReporter writes one JSON line of Stats per document, with the document's
// path, record and id first (`lint --format stats`).
type StatsReporter struct {
	w   *bufio.Writer
	opt Options
}

// NewStatsReporter returns the stats reporter.
func NewStatsReporter(w io.Writer, opt Options) *StatsReporter {
	return &StatsReporter{w: bufio.NewWriterSize(w, 1<<16), opt: opt}
}

type statsLine struct {
	Path   string `json:"path"`
	Record int    `json:"record"`
	ID     string `json:"id"`
	Stats
}

// Document implements Reporter.
func (r *StatsReporter) Document(d *Document) error {
	b, err := json.Marshal(statsLine{Path: d.Path, Record: d.Record, ID: d.ID, Stats: StatsOf(d, r.opt.UnsafeFixes)})
	if err != nil {
		return err
	}
	b = append(b, '\n')
	_, err = r.w.Write(b)
	return err
}

// Close implements Reporter.
func (r *StatsReporter) Close(*Summary) error { return r.w.Flush() }
