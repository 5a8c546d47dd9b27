package report

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/corpuslint/corpuslint/rules"
)

// Concise writes one line per finding, as ruff's concise format does, for grep
// and for editors' error lists (Vim's errorformat %f:%l:%c: %m, Emacs'
// compilation mode):
//
//	seed.txt:15:1: trailing-headlines: 17 trailing headline-like lines … (fixable)
//	batch.jsonl:3:1:48: broken-quotes: an opening quote that is never closed
//
// A finding in a JSONL record (or any input with records) names the record
// between the path and the position, which is in the record's decoded text:
// path:record:line:col. The message is PeopleMessage's, on one line. Then one
// summary line, unless Quiet.
type Concise struct {
	w   *bufio.Writer
	opt Options
	buf []byte
}

// NewConcise returns the concise reporter.
func NewConcise(w io.Writer, opt Options) *Concise {
	return &Concise{w: bufio.NewWriterSize(w, 1<<16), opt: opt}
}

// Document implements Reporter.
func (r *Concise) Document(d *Document) error {
	for i := range d.Findings {
		it := &d.Findings[i]
		b := r.buf[:0]
		b = append(b, d.Path...)
		b = append(b, ':')
		if d.Record > 0 {
			b = strconv.AppendInt(b, int64(d.Record), 10)
			b = append(b, ':')
		}
		b = strconv.AppendInt(b, int64(it.Line), 10)
		b = append(b, ':')
		b = strconv.AppendInt(b, int64(it.Col), 10)
		b = append(b, ": "...)
		b = append(b, it.Rule...)
		b = append(b, ": "...)
		b = append(b, oneLine(PeopleMessage(*it, r.opt.ShowScores))...)
		if it.Fix != nil && (it.Fix.Applicability == rules.Safe || r.opt.UnsafeFixes) {
			b = append(b, " (fixable)"...)
		}
		b = append(b, '\n')
		r.buf = b
		if _, err := r.w.Write(b); err != nil {
			return err
		}
	}
	return nil
}

// oneLine keeps a message on its line: a line break in it would start what an
// editor reads as another finding.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\r\n") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// Close implements Reporter: the summary line, then the output is flushed.
func (r *Concise) Close(s *Summary) error {
	if !r.opt.Quiet && s != nil {
		fmt.Fprintf(r.w, "%d findings in %d of %d documents", s.Total(), s.Flagged, s.Documents)
		if s.Errors > 0 {
			fmt.Fprintf(r.w, "; %d inputs could not be read", s.Errors)
		}
		fmt.Fprintln(r.w)
	}
	return r.w.Flush()
}
