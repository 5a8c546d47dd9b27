// Package eval measures boilerplate rules against line-labeled JSONL (the format of
// ../shared/corpus/README.md): it runs the rules over each extractor's records as
// one batch, decides which labeled lines the findings cover, and reports line-level
// precision, recall and F1 by extractor kind and by extractor, the share of body
// lines flagged in clean ground-truth articles, the document-level "junk tail"
// decision, and the worst false positives and false negatives as text.
//
// It is a development tool: records are decoded with encoding/json and held in
// memory, which the labeled files (tens of megabytes) allow.
package eval

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/rules"
)

// Labels of a line, as the corpus README defines them.
const (
	LabelBody        = "body"
	LabelBoilerplate = "boilerplate"
	LabelTitle       = "title"
	LabelNoText      = "notext"
	LabelMixed       = "mixed"
	LabelUnknown     = "unknown"
)

// KindArticle and KindGroundTruth are the extractor kinds the junk-tail and clean
// figures are about.
const (
	KindArticle     = "article"
	KindGroundTruth = "ground_truth"
)

// Line is one labeled line: the byte span [Start, End) of its text (surrounding
// white space stripped), its label and the share of its tokens found in the
// reference.
type Line struct {
	Start int     `json:"start"`
	End   int     `json:"end"`
	Label string  `json:"label"`
	Score float64 `json:"score"`
}

// Record is one labeled document.
type Record struct {
	ID        string  `json:"id"`
	Source    string  `json:"source"`
	DocID     string  `json:"doc_id"`
	Extractor string  `json:"extractor"`
	Kind      string  `json:"extractor_kind"`
	URL       *string `json:"url"`
	Text      string  `json:"text"`
	Lines     []Line  `json:"lines"`
	Flattened bool    `json:"flattened"`

	// File and Record say where the record was read (1-based line of the file).
	File   string `json:"-"`
	Number int    `json:"-"`
}

// Document returns the record as the rules see it.
func (r *Record) Document() *rules.Document {
	d := &rules.Document{Text: r.Text, Path: r.File, Record: r.Number, ID: r.ID, Field: "text"}
	if r.URL != nil {
		d.URL = *r.URL
	}
	return d
}

// Load reads the labeled records of one JSONL file (gzip-compressed or not). A
// record that does not parse, has invalid UTF-8 or spans outside its text is an
// error naming the file and line: a broken label file must not pass silently.
func Load(path string) ([]*Record, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return Read(path, f)
}

// Read reads labeled records from r; name is used in errors and provenance.
func Read(name string, r io.Reader) ([]*Record, error) {
	br := bufio.NewReaderSize(r, 1<<20)
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", name, err)
		}
		defer zr.Close()
		br = bufio.NewReaderSize(zr, 1<<20)
	}
	var out []*Record
	for n := 1; ; n++ {
		line, err := br.ReadBytes('\n')
		if len(bytes.TrimSpace(line)) > 0 {
			rec := &Record{File: name, Number: n}
			if !utf8.Valid(line) {
				// encoding/json would replace the bad bytes and shift every span.
				return nil, fmt.Errorf("%s:%d: the record is not valid UTF-8", name, n)
			}
			if jerr := json.Unmarshal(line, rec); jerr != nil {
				return nil, fmt.Errorf("%s:%d: %v", name, n, jerr)
			}
			if verr := rec.validate(); verr != nil {
				return nil, fmt.Errorf("%s:%d: %v", name, n, verr)
			}
			out = append(out, rec)
		}
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %v", name, err)
		}
	}
}

func (r *Record) validate() error {
	if !utf8.ValidString(r.Text) {
		return fmt.Errorf("record %q: text is not valid UTF-8", r.ID)
	}
	if r.Kind == "" {
		return fmt.Errorf("record %q: no extractor_kind", r.ID)
	}
	prev := 0
	for i, l := range r.Lines {
		if l.Start < prev || l.End < l.Start || l.End > len(r.Text) {
			return fmt.Errorf("record %q: line %d spans [%d,%d) outside the text or out of order", r.ID, i, l.Start, l.End)
		}
		prev = l.End
	}
	return nil
}
