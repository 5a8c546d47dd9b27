package report

import (
	"bufio"
	"io"
)

// JSON writes all findings as one JSON array, each object in the jsonl contract's
// fields plus "score" (the measurement behind the finding, or null).
type JSON struct {
	w     *bufio.Writer
	opt   Options
	buf   []byte
	count int
	enc   findingEnc
}

// NewJSON returns the json reporter.
func NewJSON(w io.Writer, opt Options) *JSON {
	return &JSON{w: bufio.NewWriterSize(w, 1<<16), opt: opt}
}

// Document implements Reporter.
func (r *JSON) Document(d *Document) error {
	r.enc.document(d)
	for i := range d.Findings {
		r.buf = r.buf[:0]
		if r.count == 0 {
			r.buf = append(r.buf, "[\n  "...)
		} else {
			r.buf = append(r.buf, ",\n  "...)
		}
		r.buf = r.enc.appendFinding(r.buf, &d.Findings[i], r.opt, true)
		r.count++
		if _, err := r.w.Write(r.buf); err != nil {
			return err
		}
	}
	return nil
}

// Close implements Reporter.
func (r *JSON) Close(*Summary) error {
	if r.count == 0 {
		_, _ = r.w.WriteString("[]\n")
	} else {
		_, _ = r.w.WriteString("\n]\n")
	}
	return r.w.Flush()
}
