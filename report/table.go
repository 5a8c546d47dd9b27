package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"

	"github.com/corpuslint/corpuslint/rules"
)

// tableChunk bounds how many rows the table reporter holds before it renders them:
// tablewriter sizes columns from the rows it has, and a batch of millions of
// findings must not sit in memory.
const tableChunk = 500

// Table prints findings as a table (path, record/id, line:col, rule, severity,
// message) that fits Options.Width and, at the end, a summary table of counts per
// rule.
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
		msg := PeopleMessage(it, r.opt.ShowScores)
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

// Table columns, in order.
const (
	colPath = iota
	colRecord
	colPos
	colRule
	colSeverity
	colMessage
	nCols
)

// tableHeader names the columns.
var tableHeader = [nCols]string{"path", "record", "line:col", "rule", "severity", "message"}

// Narrowest a column is made before the table is let run wider than the width:
// a path keeps its file name, a message a few words a line.
const (
	minPath   = 16
	minRecord = 10
	// minMessage is the narrowest message column of the six-column layout;
	// below it the table stacks where and what into one column instead.
	minMessage = 40
	// maxRecord bounds the record column (a record number and an id; WARC ids
	// are 47 characters) before the message column gives up any room.
	maxRecord = 24
	// maxWhere bounds the first column of the stacked layout, which also
	// leaves the message minMessage cells, or two thirds of the width.
	maxWhere = 28
)

// shortenRecord fits a record cell ("12 doc-id", or "record 12 doc-id") in
// width cells: the record number stays whole, the id is shortened from the left.
func shortenRecord(cell string, width int) string {
	if displayWidth(cell) <= width {
		return cell
	}
	num, id := cell, ""
	for _, f := range strings.Fields(cell) {
		if _, err := strconv.Atoi(f); err == nil {
			k := strings.Index(cell, f) + len(f)
			num, id = cell[:k], strings.TrimSpace(cell[k:])
			break
		}
	}
	if id == "" || displayWidth(num)+2 > width {
		return shortenLeft(cell, width)
	}
	return num + " " + shortenLeft(id, width-displayWidth(num)-1)
}

// overhead is what the borders and padding of an n-column table take: "│ "
// before each cell, " " after it and the closing "│".
func overhead(n int) int { return 3*n + 1 }

// fit lays rows out in width cells and returns the header and the rows to
// render. The message column wraps and long paths and record ids are shortened
// from the left. Six columns when the message keeps minMessage cells; else two
// (where: path, record, rule, line:col and severity stacked; message), which
// fit an 80-column terminal. Rule names and positions are never cut; when even
// the narrowest layout does not fit, the table is wider than width.
func fit(rows [][]string, width int) (header []string, out [][]string) {
	var w [nCols]int
	for i, h := range tableHeader {
		w[i] = displayWidth(h)
	}
	for _, row := range rows {
		for i, c := range row {
			w[i] = max(w[i], displayWidth(c))
		}
	}
	full := w
	w[colRecord] = min(w[colRecord], maxRecord)
	// A path takes a quarter of the width at most: the message matters more.
	w[colPath] = min(w[colPath], max(minPath, width/4))
	room := width - overhead(nCols) - w[colPos] - w[colRule] - w[colSeverity]
	msg := room - w[colPath] - w[colRecord]
	need := min(minMessage, w[colMessage]) // short messages need no more
	if msg < need {
		// Shorten the record, then the path, down to their minimum.
		cut := min(need-msg, max(0, w[colRecord]-minRecord))
		w[colRecord] -= cut
		msg += cut
	}
	if msg < need {
		cut := min(need-msg, max(0, w[colPath]-minPath))
		w[colPath] -= cut
		msg += cut
	}
	if msg >= need {
		msg = min(msg, w[colMessage])
		for _, row := range rows {
			out = append(out, []string{
				shortenLeft(row[colPath], w[colPath]), shortenRecord(row[colRecord], w[colRecord]),
				row[colPos], row[colRule], row[colSeverity],
				strings.Join(wrapText(row[colMessage], msg), "\n"),
			})
		}
		return tableHeader[:], out
	}
	// Stacked: the first column is as wide as its rule names and positions,
	// and paths up to maxWhere.
	where := max(displayWidth("where"), w[colRule], w[colPos]+1+w[colSeverity])
	limit := min(maxWhere, max((width-overhead(2))/3, width-overhead(2)-minMessage))
	where = max(where, min(limit, max(full[colPath], full[colRecord]+len("record "))))
	msg = max(width-overhead(2)-where, minPath)
	msg = min(msg, w[colMessage])
	for _, row := range rows {
		lines := []string{shortenLeft(row[colPath], where)}
		if row[colRecord] != "-" {
			lines = append(lines, shortenRecord("record "+row[colRecord], where))
		}
		lines = append(lines, row[colRule], row[colPos]+" "+row[colSeverity])
		out = append(out, []string{strings.Join(lines, "\n"), strings.Join(wrapText(row[colMessage], msg), "\n")})
	}
	return []string{"where", "message"}, out
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

// newTable starts a table; lines puts a line between rows, for findings whose
// cells wrap over several lines.
func (r *Table) newTable(lines bool) *tablewriter.Table {
	opts := []tablewriter.Option{
		tablewriter.WithHeaderAutoFormat(tw.Off),
		// fit wraps and shortens the cells itself, to the width.
		tablewriter.WithRowAutoWrap(tw.WrapNone),
		tablewriter.WithTrimSpace(tw.On),
	}
	if lines {
		opts = append(opts, tablewriter.WithRendition(tw.Rendition{Settings: tw.Settings{Separators: tw.Separators{BetweenRows: tw.On}}}))
	}
	return tablewriter.NewTable(r.w, opts...)
}

func (r *Table) flush() error {
	if len(r.rows) == 0 {
		return nil
	}
	width := r.opt.Width
	if width == 0 {
		width = TerminalWidth(r.w)
	}
	names, rows := fit(r.rows, width)
	t := r.newTable(true)
	header := make([]any, len(names))
	for i, h := range names {
		header[i] = h
	}
	t.Header(header...)
	if err := t.Bulk(rows); err != nil {
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
		t := r.newTable(false)
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
