package report

import (
	"bufio"
	"io"
	"strconv"

	"github.com/corpuslint/corpuslint/internal/jsonenc"
	"github.com/corpuslint/corpuslint/rules"
)

// JSONL writes one JSON object per finding, one per line: DESIGN.md's output
// contract, field for field and in that order. Programs rely on it; change it only
// with a version bump.
type JSONL struct {
	w   *bufio.Writer
	opt Options
	buf []byte
}

// NewJSONL returns the jsonl reporter.
func NewJSONL(w io.Writer, opt Options) *JSONL {
	return &JSONL{w: bufio.NewWriterSize(w, 1<<16), opt: opt}
}

// Document implements Reporter.
func (r *JSONL) Document(d *Document) error {
	for i := range d.Findings {
		r.buf = appendFinding(r.buf[:0], d, &d.Findings[i], r.opt, false)
		r.buf = append(r.buf, '\n')
		if _, err := r.w.Write(r.buf); err != nil {
			return err
		}
	}
	return nil
}

// Close implements Reporter.
func (r *JSONL) Close(*Summary) error { return r.w.Flush() }

// appendFinding encodes one finding as a JSON object in contract order. withScore
// adds a "score" field after "fix" (the json format; the jsonl contract has none).
func appendFinding(b []byte, d *Document, it *Item, opt Options, withScore bool) []byte {
	b = append(b, `{"path":`...)
	b = jsonenc.AppendString(b, d.Path)
	b = append(b, `,"record":`...)
	b = strconv.AppendInt(b, int64(d.Record), 10)
	b = append(b, `,"id":`...)
	b = jsonenc.AppendString(b, d.ID)
	b = append(b, `,"rule":`...)
	b = jsonenc.AppendString(b, it.Rule)
	b = append(b, `,"category":`...)
	b = jsonenc.AppendString(b, string(it.Category))
	b = append(b, `,"severity":`...)
	b = jsonenc.AppendString(b, it.Severity.String())
	b = append(b, `,"line":`...)
	b = strconv.AppendInt(b, int64(it.Line), 10)
	b = append(b, `,"col":`...)
	b = strconv.AppendInt(b, int64(it.Col), 10)
	b = append(b, `,"end_line":`...)
	b = strconv.AppendInt(b, int64(it.EndLine), 10)
	b = append(b, `,"end_col":`...)
	b = strconv.AppendInt(b, int64(it.EndCol), 10)
	b = append(b, `,"offset":`...)
	b = strconv.AppendInt(b, int64(it.Start), 10)
	b = append(b, `,"end_offset":`...)
	b = strconv.AppendInt(b, int64(it.End), 10)
	b = append(b, `,"message":`...)
	b = jsonenc.AppendString(b, it.Message)
	b = append(b, `,"fix":`...)
	if f := it.Fix; f != nil && (f.Applicability == rules.Safe || opt.UnsafeFixes) {
		b = append(b, `{"message":`...)
		b = jsonenc.AppendString(b, f.Message)
		if opt.UnsafeFixes {
			b = append(b, `,"applicability":`...)
			b = jsonenc.AppendString(b, f.Applicability.String())
		}
		b = append(b, `,"edits":[`...)
		for i, e := range f.Edits {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"offset":`...)
			b = strconv.AppendInt(b, int64(e.Start), 10)
			b = append(b, `,"end_offset":`...)
			b = strconv.AppendInt(b, int64(e.End), 10)
			b = append(b, `,"text":`...)
			b = jsonenc.AppendString(b, e.NewText)
			b = append(b, '}')
		}
		b = append(b, "]}"...)
	} else {
		b = append(b, "null"...)
	}
	if withScore {
		b = append(b, `,"score":`...)
		if s := it.Score; s != nil {
			b = append(b, `{"name":`...)
			b = jsonenc.AppendString(b, s.Name)
			b = append(b, `,"value":`...)
			b = appendFloat(b, s.Value)
			b = append(b, `,"op":`...)
			b = jsonenc.AppendString(b, s.Op)
			b = append(b, `,"threshold":`...)
			b = appendFloat(b, s.Threshold)
			b = append(b, '}')
		} else {
			b = append(b, "null"...)
		}
	}
	return append(b, '}')
}

func appendFloat(b []byte, f float64) []byte {
	return strconv.AppendFloat(b, f, 'g', -1, 64)
}
