package aggregate

import (
	"container/heap"
	"encoding/json"
	"fmt"
	"math"
	"sort"

	"github.com/corpuslint/corpuslint/report"
)

// WorstDoc is one of the worst documents of a batch: how bad it is, its findings,
// and the side-by-side diff of its safe fixes.
type WorstDoc struct {
	Path   string `json:"path"`
	Record int    `json:"record,omitempty"`
	ID     string `json:"id,omitempty"`
	URL    string `json:"url,omitempty"`
	// Badness is the ranking score (badnessOf), in hundredths. Ties go to the
	// document whose fixes remove more bytes, then by path and record.
	Badness  int64       `json:"badness"`
	Findings int         `json:"findings"`
	Bytes    int         `json:"bytes"`
	Removed  int         `json:"removed"`
	Rules    []RuleCount `json:"rules"`
	// Items are the document's first findings (at most 8).
	Items []DocFinding `json:"items"`
	// Diff is the side-by-side diff of the safe fixes (at most Options.DiffRows
	// rows; DiffCut counts the rows left out).
	Diff    []DiffRow `json:"diff,omitempty"`
	DiffCut int       `json:"diff_cut,omitempty"`

	// text and fixed wait for the diff until the document is sure to be shown, so
	// that documents pushed out of the heap again cost no diff.
	text, fixed string
	pending     bool
}

// RuleCount is a rule with a number of findings.
type RuleCount struct {
	Rule  string `json:"rule"`
	Count int    `json:"count"`
}

// DocFinding is a finding of a worst document, for its list.
type DocFinding struct {
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	Line     int    `json:"line"`
	Col      int    `json:"col"`
	Message  string `json:"message"`
}

// ruleWeight is what a document's findings of one rule weigh: how many, and
// the highest severity (info 1, warning 2, error 3).
type ruleWeight struct{ n, sev int }

// badnessOf ranks a document by its problems, not its finding count: each rule
// found adds its severity times 1 + log10 of its findings, so 606 soft hyphens
// (one cause, fixed at once) weigh less than four rules found once each,
// not 150 times more. In hundredths, to keep the JSON an integer.
func badnessOf(perRule map[string]ruleWeight) int64 {
	b := 0.0
	for _, w := range perRule {
		b += float64(w.sev) * (1 + math.Log10(float64(w.n)))
	}
	return int64(math.Round(100 * b))
}

type worstHeap []*WorstDoc

// ranksAbove reports whether a is worse than b (ranks above it in the report).
func ranksAbove(a, b *WorstDoc) bool {
	if a.Badness != b.Badness {
		return a.Badness > b.Badness
	}
	if a.Removed != b.Removed {
		return a.Removed > b.Removed
	}
	if a.Path != b.Path {
		return a.Path < b.Path
	}
	if a.Record != b.Record {
		return a.Record < b.Record
	}
	return a.ID < b.ID
}

// MarshalJSON writes the worst documents worst first (any order reads back: the heap
// is rebuilt), so that equal aggregates have equal JSON.
func (h worstHeap) MarshalJSON() ([]byte, error) {
	out := append([]*WorstDoc(nil), h...)
	sort.Slice(out, func(i, j int) bool { return ranksAbove(out[i], out[j]) })
	if out == nil {
		out = []*WorstDoc{}
	}
	return json.Marshal(out)
}

func (h worstHeap) Len() int           { return len(h) }
func (h worstHeap) Less(i, j int) bool { return ranksAbove(h[j], h[i]) } // root = least bad kept
func (h worstHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *worstHeap) Push(x any)        { *h = append(*h, x.(*WorstDoc)) }
func (h *worstHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// offerWorst keeps d among the worst documents if it ranks high enough; the diff and
// lists are built only then.
func (a *Aggregate) offerWorst(d *report.Document, badness int64, removed int) {
	cand := &WorstDoc{Path: d.Path, Record: d.Record, ID: d.ID, URL: d.URL, Badness: badness, Removed: removed}
	if cand.Record == 0 && cand.ID == cand.Path {
		cand.ID = ""
	}
	if len(a.Worst) >= a.Options.WorstDocs && !ranksAbove(cand, a.Worst[0]) {
		return
	}
	cand.Findings = len(d.Findings)
	cand.Bytes = len(d.Text)
	counts := map[string]int{}
	for i := range d.Findings {
		it := &d.Findings[i]
		counts[it.Rule]++
		if len(cand.Items) < maxDocFindings {
			cand.Items = append(cand.Items, DocFinding{Rule: it.Rule, Severity: it.Severity.String(),
				Line: it.Line, Col: it.Col, Message: it.Message})
		}
	}
	for r, n := range counts {
		cand.Rules = append(cand.Rules, RuleCount{Rule: r, Count: n})
	}
	sortRuleCounts(cand.Rules)
	if a.Options.Fixes && d.Fixed != d.Text {
		cand.text, cand.fixed, cand.pending = d.Text, d.Fixed, true
	}
	a.pushWorst(cand)
}

// finishWorst computes the diffs of the kept worst documents that still hold their
// texts, and lets go of the texts.
func (a *Aggregate) finishWorst() {
	for _, w := range a.Worst {
		if w.pending {
			w.Diff, w.DiffCut = SideBySide(w.text, w.fixed, 2, a.Options.DiffRows)
			w.text, w.fixed, w.pending = "", "", false
		}
	}
}

func (a *Aggregate) pushWorst(w *WorstDoc) {
	if len(a.Worst) < a.Options.WorstDocs {
		heap.Push(&a.Worst, w)
		return
	}
	if ranksAbove(w, a.Worst[0]) {
		a.Worst[0] = w
		heap.Fix(&a.Worst, 0)
	}
}

func sortRuleCounts(rc []RuleCount) {
	sort.Slice(rc, func(i, j int) bool {
		if rc[i].Count != rc[j].Count {
			return rc[i].Count > rc[j].Count
		}
		return rc[i].Rule < rc[j].Rule
	})
}

// WorstDocuments returns the kept worst documents, worst first.
func (a *Aggregate) WorstDocuments() []*WorstDoc {
	a.finishWorst()
	out := append([]*WorstDoc(nil), a.Worst...)
	sort.Slice(out, func(i, j int) bool { return ranksAbove(out[i], out[j]) })
	return out
}

// Label names the document for people, as report.Label does for a report.Document.
func (w *WorstDoc) Label() string {
	return report.Label(&report.Document{Path: w.Path, Record: w.Record, ID: w.idOrDefault()})
}

func (w *WorstDoc) idOrDefault() string {
	if w.ID == "" {
		if w.Record == 0 {
			return w.Path
		}
		return fmt.Sprintf("%s:%d", w.Path, w.Record)
	}
	return w.ID
}
