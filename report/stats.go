package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"slices"

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
	// Scores are the measured values behind the rules' decisions: first those
	// the rules record for every document, flagged or not (quality filters,
	// the language score; Document.Scores), in rule order, then those of the
	// findings that carry one and are not among them (boilerplate
	// probabilities of the blocks found), in finding order. Op and Threshold
	// are the comparison that flags; Flagged says whether the value met it.
	Scores []RuleScore `json:"scores"`
	// Bytes is the length of the text as read; BytesRemoved how much shorter the
	// fixes made it.
	Bytes        int `json:"bytes"`
	BytesRemoved int `json:"bytes_removed"`
}

// RuleScore is a measurement with the rule that measured it and whether a
// finding reported it (the value crossed the threshold).
type RuleScore struct {
	Rule string `json:"rule"`
	Measure
	Flagged bool `json:"flagged"`
}

// StatsOf returns the statistics of a document whose Fixed text is set. A finding
// whose allowed fix drops the document (safe, or unsafe when unsafe is set)
// decides "drop", as the fix loop does.
func StatsOf(d *Document, unsafe bool) Stats {
	s := Stats{Decision: "keep", Findings: len(d.Findings), Counts: map[string]int{}, Scores: make([]RuleScore, 0, len(d.Scores)),
		Bytes: len(d.Text), BytesRemoved: len(d.Text) - len(d.Fixed)}
	for _, sc := range d.Scores {
		s.Scores = append(s.Scores, RuleScore{Rule: sc.Rule, Measure: Measure{Name: sc.Name, Value: sc.Value, Op: sc.Op, Threshold: sc.Threshold}})
	}
	recorded := len(s.Scores)
	for _, it := range d.Findings {
		s.Counts[it.Rule]++
		if sc := it.Score; sc != nil {
			rs := RuleScore{Rule: it.Rule, Measure: Measure{Name: sc.Name, Value: sc.Value, Op: sc.Op, Threshold: sc.Threshold}, Flagged: true}
			// A finding's score is usually one the rule recorded too: it
			// marks that one flagged rather than appearing twice.
			if i := slices.Index(s.Scores[:recorded], RuleScore{Rule: rs.Rule, Measure: rs.Measure}); i >= 0 {
				s.Scores[i].Flagged = true
			} else {
				s.Scores = append(s.Scores, rs)
			}
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

// StatsJSON encodes v (Stats, or a value holding them) as one line of JSON
// without the HTML escapes of json.Marshal, so that a score's op reads "<"
// rather than "\u003c" in the output and in other tools.
func StatsJSON(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
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
	b, err := StatsJSON(statsLine{Path: d.Path, Record: d.Record, ID: d.ID, Stats: StatsOf(d, r.opt.UnsafeFixes)})
	if err != nil {
		return err
	}
	b = append(b, '\n')
	_, err = r.w.Write(b)
	return err
}

// Close implements Reporter.
func (r *StatsReporter) Close(*Summary) error { return r.w.Flush() }
