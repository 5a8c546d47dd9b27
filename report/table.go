package report

import (
	"fmt"
	"io"
	"strconv"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"

	"github.com/corpuslint/corpuslint/rules"
)

// tableChunk bounds how many rows the table reporter holds before it renders them:
// tablewriter sizes columns from the rows it has, and a batch of millions of
// findings must not sit in memory.
const tableChunk = 500

// Table prints findings as a table (path, record/id, line:col, rule, severity,
// message) and, at the end, a summary table of counts per rule.
type Table struct {
	w    io.Writer
	opt  Options
	rows [][]string
}

// NewTable returns the table reporter.
func NewTable(w io.Writer, opt Options) *Table { return &Table{w: w, opt: opt} }

// Document implements Reporter.
func (r *Table) Document(d *Document) error {
	for _, it := range d.Findings {
		rec := "-"
		if d.Record > 0 {
			rec = strconv.Itoa(d.Record)
			if d.ID != "" && d.ID != fmt.Sprintf("%s:%d", d.Path, d.Record) {
				rec += " " + d.ID
			}
		}
		msg := it.Message
		if it.Fix != nil && (it.Fix.Applicability == rules.Safe || r.opt.UnsafeFixes) {
			msg += " (fixable)"
		}
		r.rows = append(r.rows, []string{
			d.Path, rec, fmt.Sprintf("%d:%d", it.Line, it.Col), it.Rule,
			r.severity(it.Severity), msg,
		})
	}
	if len(r.rows) >= tableChunk {
		return r.flush()
	}
	return nil
}

func (r *Table) severity(s rules.Severity) string {
	if !r.opt.Color {
		return s.String()
	}
	code := "36" // cyan for info
	switch s {
	case rules.Error:
		code = "1;31"
	case rules.Warning:
		code = "33"
	}
	return "\x1b[" + code + "m" + s.String() + "\x1b[0m"
}

func (r *Table) newTable() *tablewriter.Table {
	return tablewriter.NewTable(r.w,
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithRowAutoWrap(tw.WrapNormal),
		tablewriter.WithRowMaxWidth(80),
		tablewriter.WithTrimSpace(tw.On),
	)
}

func (r *Table) flush() error {
	if len(r.rows) == 0 {
		return nil
	}
	t := r.newTable()
	t.Header("path", "record", "line:col", "rule", "severity", "message")
	if err := t.Bulk(r.rows); err != nil {
		return err
	}
	r.rows = r.rows[:0]
	return t.Render()
}

// Close implements Reporter: the rest of the findings, then the summary.
func (r *Table) Close(s *Summary) error {
	if err := r.flush(); err != nil {
		return err
	}
	if r.opt.Quiet || s == nil {
		return nil
	}
	if s.Total() > 0 {
		t := r.newTable()
		t.Header("rule", "category", "findings")
		for _, name := range s.RuleNames() {
			if err := t.Append([]string{name, string(s.RuleCategory[name]), strconv.Itoa(s.PerRule[name])}); err != nil {
				return err
			}
		}
		t.Footer("", "total", strconv.Itoa(s.Total()))
		if err := t.Render(); err != nil {
			return err
		}
	}
	_, err := fmt.Fprintf(r.w, "%d findings in %d of %d documents", s.Total(), s.Flagged, s.Documents)
	if err == nil && s.Errors > 0 {
		_, err = fmt.Fprintf(r.w, "; %d inputs could not be read", s.Errors)
	}
	if err == nil {
		_, err = fmt.Fprintln(r.w)
	}
	return err
}
