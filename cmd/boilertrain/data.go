package main

import (
	"runtime"
	"strings"
	"sync"

	"github.com/corpuslint/corpuslint/internal/eval"
	"github.com/corpuslint/corpuslint/rules/boilerplate"
)

// sample is where a training line came from.
type sample struct {
	kind, extractor string
	doc, id         string
	label           string
	line            int // 0-based line number in the text
	text            string
}

// docData is one labeled record with the first-stage vectors of all its
// non-blank lines (the context stage needs every line, labeled or not) and the
// rows of the lines that train: those labeled body (0) or boilerplate (1).
type docData struct {
	rec     *eval.Record
	n       int       // non-blank lines
	x       []float32 // n × first-stage features
	rows    []int     // rows of x that train
	y       []float32
	w       float32
	samples []sample
}

// buildDocs computes the features of recs, flattened records left out (their
// line labels are meaningless, as the corpus README says). Lines of each extractor
// kind get weight kindWeight[kind] (1 when absent).
func buildDocs(recs []*eval.Record, kindWeight map[string]float64) []*docData {
	out := make([]*docData, len(recs))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for ri, rec := range recs {
		if rec.Flattened || len(rec.Lines) == 0 {
			continue
		}
		wg.Add(1)
		sem <- struct{}{}
		go func(ri int, rec *eval.Record) {
			defer wg.Done()
			defer func() { <-sem }()
			lines, x := boilerplate.Features(rec.Text)
			row := make(map[int]int, len(lines))
			for k, l := range lines {
				row[l] = k
			}
			d := &docData{rec: rec, n: len(lines), x: x, w: 1}
			if kw, ok := kindWeight[rec.Kind]; ok {
				d.w = float32(kw)
			}
			lineNo, at := 0, 0
			for _, l := range rec.Lines {
				if l.Label != eval.LabelBody && l.Label != eval.LabelBoilerplate {
					continue
				}
				lineNo += strings.Count(rec.Text[at:l.Start], "\n")
				at = l.Start
				k, ok := row[lineNo]
				if !ok {
					continue
				}
				d.rows = append(d.rows, k)
				y := float32(0)
				if l.Label == eval.LabelBoilerplate {
					y = 1
				}
				d.y = append(d.y, y)
				d.samples = append(d.samples, sample{kind: rec.Kind, extractor: rec.Extractor, doc: rec.DocID, id: rec.ID,
					label: l.Label, line: lineNo, text: rec.Text[l.Start:l.End]})
			}
			out[ri] = d
		}(ri, rec)
	}
	wg.Wait()
	var docs []*docData
	for _, d := range out {
		if d != nil && len(d.rows) > 0 {
			docs = append(docs, d)
		}
	}
	return docs
}

// The last lines of extracted articles decide whether a junk tail is cut, and they
// are few among the training lines: they weigh tailWeight times more.
const (
	tailLines  = 6
	tailWeight = 2
)

var tailBoost = map[string]bool{"article": true, "article_markdown": true, "ground_truth": true}

// gather gathers the training rows of docs; vec returns a document's vectors of
// width f (the first-stage x, or second-stage vectors).
func gather(docs []*docData, f int, vec func(*docData) []float32) *dataset {
	d := &dataset{f: f}
	for _, doc := range docs {
		v := vec(doc)
		for k, r := range doc.rows {
			d.x = append(d.x, v[r*f:(r+1)*f]...)
			d.y = append(d.y, doc.y[k])
			w := doc.w
			if r >= doc.n-tailLines && tailBoost[doc.rec.Kind] {
				w *= tailWeight
			}
			d.w = append(d.w, w)
		}
	}
	d.n = len(d.y)
	return d
}

// half splits sites in two by a hash salted differently from the
// cross-validation folds, for the out-of-fold first-stage predictions: all pages
// of a site fall in the same half, so the context stage learns how far to trust
// the line stage on sites it was not trained on.
func half(site string) int {
	return int(eval.PageHash("oof:"+site) & 1)
}
