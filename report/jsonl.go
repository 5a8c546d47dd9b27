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
	enc findingEnc
}

// NewJSONL returns the jsonl reporter.
func NewJSONL(w io.Writer, opt Options) *JSONL {
	return &JSONL{w: bufio.NewWriterSize(w, 1<<16), opt: opt}
}

// Document implements Reporter.
func (r *JSONL) Document(d *Document) error {
	r.enc.document(d)
	for i := range d.Findings {
		r.buf = r.enc.appendFinding(r.buf[:0], &d.Findings[i], r.opt, false)
		r.buf = append(r.buf, '\n')
		if _, err := r.w.Write(r.buf); err != nil {
			return err
		}
	}
	return nil
}

// Close implements Reporter.
func (r *JSONL) Close(*Summary) error { return r.w.Flush() }

// findingEnc encodes the findings of a document, keeping the encoded fields
// that repeat from finding to finding: the document's path, record and id, and
// the rule, category and severity of the last finding (a document of 400,000
// stray dashes spent most of its output time escaping them again).
type findingEnc struct {
	head []byte // {"path":...,"record":...,"id":...
	rule []byte // ,"rule":...,"category":...,"severity":...
	// what rule encodes
	ruleName string
	category rules.Category
	severity rules.Severity
}

// document starts the findings of d.
func (e *findingEnc) document(d *Document) {
	e.head = append(e.head[:0], `{"path":`...)
	e.head = jsonenc.AppendString(e.head, d.Path)
	e.head = append(e.head, `,"record":`...)
	e.head = strconv.AppendInt(e.head, int64(d.Record), 10)
	e.head = append(e.head, `,"id":`...)
	e.head = jsonenc.AppendString(e.head, d.ID)
}

// appendFinding encodes one finding of the document given to document as a JSON
// object in contract order. withScore adds a "score" field after "fix" (the json
// format; the jsonl contract has none).
func (e *findingEnc) appendFinding(b []byte, it *Item, opt Options, withScore bool) []byte {
	b = append(b, e.head...)
	if e.rule == nil || it.Rule != e.ruleName || it.Category != e.category || it.Severity != e.severity {
		e.rule = append(e.rule[:0], `,"rule":`...)
		e.rule = jsonenc.AppendString(e.rule, it.Rule)
		e.rule = append(e.rule, `,"category":`...)
		e.rule = jsonenc.AppendString(e.rule, string(it.Category))
		e.rule = append(e.rule, `,"severity":`...)
		e.rule = jsonenc.AppendString(e.rule, it.Severity.String())
		e.ruleName, e.category, e.severity = it.Rule, it.Category, it.Severity
	}
	b = append(b, e.rule...)
	return appendFindingBody(b, it, opt, withScore)
}

// appendFindingBody encodes the fields of a finding from "line" on and closes
// its object.
func appendFindingBody(b []byte, it *Item, opt Options, withScore bool) []byte {
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
