package report

import (
	"container/heap"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"math/bits"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/rules"
)

// AggregateVersion is the version of an Aggregate's JSON form. ReadAggregate refuses
// other versions rather than misreading them.
const AggregateVersion = 1

// Default limits of an Aggregate (AggregateOptions fields left zero).
const (
	DefaultWorstDocs       = 20
	DefaultExamplesPerRule = 3
	DefaultDomains         = 5000
	DefaultDiffRows        = 60
)

// Fixed shapes of the histograms, so that any two aggregates merge bin by bin.
const (
	lengthBins      = 25 // log2 bins of the word count: 0, 1, 2-3, 4-7, ... 2^23 and more
	boilerplateBins = 20 // steps of 5% of the document's bytes
	scoreBins       = 40 // steps of 5% of the threshold, from 0 to twice the threshold
	maxScoreNames   = 64 // distinct score names kept; more are counted in DroppedScores
	maxSnippet      = 320
	maxContext      = 80
	maxDocFindings  = 8
)

// AggregateOptions bound what an Aggregate keeps. Zero fields take the defaults.
type AggregateOptions struct {
	// WorstDocs is how many of the worst documents are kept, with their diffs.
	WorstDocs int `json:"worst_docs"`
	// ExamplesPerRule is how many findings are kept as examples for each rule (the
	// first ones in input order).
	ExamplesPerRule int `json:"examples_per_rule"`
	// Domains bounds the per-domain counters: when the map reaches twice this many
	// domains it is pruned back to the Domains most frequent ones.
	Domains int `json:"domains"`
	// DiffRows bounds the side-by-side diff rows kept for each worst document.
	DiffRows int `json:"diff_rows"`
	// Fixes says that each Document's Fixed text was computed (the engine ran with
	// Options.Fix), so the fix totals and diffs mean something.
	Fixes bool `json:"fixes"`
}

func (o AggregateOptions) withDefaults() AggregateOptions {
	if o.WorstDocs <= 0 {
		o.WorstDocs = DefaultWorstDocs
	}
	if o.ExamplesPerRule <= 0 {
		o.ExamplesPerRule = DefaultExamplesPerRule
	}
	if o.Domains <= 0 {
		o.Domains = DefaultDomains
	}
	if o.DiffRows <= 0 {
		o.DiffRows = DefaultDiffRows
	}
	return o
}

// Aggregate is the streaming summary behind the HTML and Markdown reports. It sees
// each document once (Add), keeps counts, fixed-bin histograms, a bounded heap of the
// worst documents, a bounded map of domains and a few examples per rule, so its size
// does not grow with the batch. Two aggregates of different parts of a batch combine
// with Merge, and an aggregate round-trips through JSON (WriteJSON, ReadAggregate), so
// that a distributed runner can compute parts and render the whole.
//
// Add and Merge are not safe for concurrent use; give each worker its own aggregate
// and merge them.
type Aggregate struct {
	Version int              `json:"version"`
	Options AggregateOptions `json:"options"`
	// CheckedRules lists the rules that ran (set with NoteRules), so that the report
	// can name the rules that found nothing.
	CheckedRules []string `json:"checked_rules,omitempty"`

	Documents int64 `json:"documents"`
	Bytes     int64 `json:"bytes"`
	Words     int64 `json:"words"`
	Findings  int64 `json:"findings"`
	// Flagged counts documents with at least one finding.
	Flagged int64 `json:"flagged"`
	// Errors counts inputs and records that could not be read.
	Errors int64 `json:"errors"`

	// FixedDocs counts documents the safe fixes change; DroppedDocs those they delete
	// whole. FixRemovedBytes and FixAddedBytes are the net bytes per changed document
	// (a fix that swaps a straight quote for a curly one adds two bytes).
	FixedDocs       int64 `json:"fixed_docs"`
	DroppedDocs     int64 `json:"dropped_docs"`
	FixRemovedBytes int64 `json:"fix_removed_bytes"`
	FixAddedBytes   int64 `json:"fix_added_bytes"`

	// BoilerplateBytes counts the bytes covered by findings of the boilerplate
	// category (overlapping findings counted once).
	BoilerplateBytes int64 `json:"boilerplate_bytes"`

	Rules map[string]*RuleStats `json:"rules"`
	// Length is the histogram of document lengths in words (log2 bins).
	Length Histogram `json:"length"`
	// Boilerplate is the histogram of each document's boilerplate share.
	Boilerplate Histogram `json:"boilerplate"`
	// Scores holds, per Finding.Score name, the histograms of the measured values.
	Scores        map[string]*ScoreStats `json:"scores"`
	DroppedScores int64                  `json:"dropped_scores,omitempty"`
	Domains       DomainStats            `json:"domains"`
	// Worst holds the worst documents as a heap (see WorstDocuments for them in
	// order).
	Worst worstHeap `json:"worst"`

	// scratch space reused across Add calls.
	seenRules  map[string]bool
	docScores  map[string]docScore
	spans      [][2]int
	scoreOrder []string
}

// RuleStats is what an Aggregate keeps per rule.
type RuleStats struct {
	Rule     string         `json:"rule"`
	Category rules.Category `json:"category"`
	Findings int64          `json:"findings"`
	// Documents counts documents with at least one finding of the rule.
	Documents int64 `json:"documents"`
	// Fixable counts findings with a safe fix.
	Fixable  int64            `json:"fixable"`
	Severity map[string]int64 `json:"severity"`
	// Scores names the measurements the rule reported.
	Scores   []string  `json:"scores,omitempty"`
	Examples []Example `json:"examples,omitempty"`
}

// Example is one finding kept to show what a rule flags: where it is, the message,
// and the flagged text with a little context.
type Example struct {
	Path    string `json:"path"`
	Record  int    `json:"record,omitempty"`
	ID      string `json:"id,omitempty"`
	URL     string `json:"url,omitempty"`
	Line    int    `json:"line"`
	Col     int    `json:"col"`
	Message string `json:"message"`
	// Before, Match and After are the text before the span (to the start of its
	// line, at most 80 bytes), the span (at most 320 bytes; Cut says how many bytes
	// were left out) and the text after it (to the end of its line).
	Before string `json:"before"`
	Match  string `json:"match"`
	Cut    int    `json:"cut,omitempty"`
	After  string `json:"after"`
	// Fix is the fix's message, with "(unsafe)" for an unsafe fix; empty without one.
	Fix   string   `json:"fix,omitempty"`
	Score *Measure `json:"score,omitempty"`
}

// Measure is a Finding.Score in JSON form.
type Measure struct {
	Name      string  `json:"name"`
	Value     float64 `json:"value"`
	Op        string  `json:"op"`
	Threshold float64 `json:"threshold"`
}

// ScoreStats holds the measured values of one score name: one value per document
// (the one furthest on the flagged side when a document reports several), split by
// the decision at the document's threshold.
type ScoreStats struct {
	Name      string  `json:"name"`
	Op        string  `json:"op"`
	Threshold float64 `json:"threshold"`
	// Mixed is true when documents reported this score with different thresholds or
	// comparisons; since Scores is keyed by ScoreKey it only comes from aggregates
	// written before that, read back with ReadAggregate.
	Mixed bool     `json:"mixed,omitempty"`
	Rules []string `json:"rules"`
	// Flagged holds the values of documents flagged at their threshold; Passing those
	// of documents measured but not flagged (rules report a score only with a
	// finding, so it stays empty until a rule reports passing measurements).
	Flagged Histogram `json:"flagged"`
	Passing Histogram `json:"passing"`
}

// Histogram counts values in fixed bins. A linear histogram has Bins equal bins over
// [Lo, Hi) plus Under and Over; a log2 histogram (document lengths) has bin 0 for 0
// and bin k for [2^(k-1), 2^k), the last bin open-ended.
type Histogram struct {
	Log2 bool    `json:"log2,omitempty"`
	Lo   float64 `json:"lo"`
	Hi   float64 `json:"hi"`
	// Closed puts values equal to Hi in the last bin (shares, where 1 is common).
	Closed bool    `json:"closed,omitempty"`
	Counts []int64 `json:"counts"`
	Under  int64   `json:"under,omitempty"`
	Over   int64   `json:"over,omitempty"`
	N      int64   `json:"n"`
	Sum    float64 `json:"sum"`
	Min    float64 `json:"min"`
	Max    float64 `json:"max"`
}

// DomainStats counts documents per URL host in a bounded map. While fewer than
// twice Options.Domains hosts have been seen the counts are exact; when the map
// reaches that size it is pruned to the Options.Domains hosts with the most
// documents, and the pruned counts move to Other. A host pruned early and seen
// again starts from zero, so late or rare hosts may be undercounted (the classic
// lossy-counting trade); hosts with many documents, the ones a report shows, stay
// exact unless the batch has very many hosts of similar size.
type DomainStats struct {
	Hosts map[string]*DomainCount `json:"hosts"`
	// Other holds the counts of pruned hosts; PrunedHosts how many entries were pruned.
	Other       DomainCount `json:"other"`
	PrunedHosts int64       `json:"pruned_hosts,omitempty"`
	// NoURL counts documents without a URL.
	NoURL int64 `json:"no_url"`
}

// DomainCount is what DomainStats keeps per host.
type DomainCount struct {
	Documents int64 `json:"documents"`
	Flagged   int64 `json:"flagged"`
	Findings  int64 `json:"findings"`
}

// WorstDoc is one of the worst documents of a batch: how bad it is, its findings,
// and the side-by-side diff of its safe fixes.
type WorstDoc struct {
	Path   string `json:"path"`
	Record int    `json:"record,omitempty"`
	ID     string `json:"id,omitempty"`
	URL    string `json:"url,omitempty"`
	// Badness is the ranking score: the sum of the findings' severities (info 1,
	// warning 2, error 3). Ties go to the document whose fixes remove more bytes,
	// then by path and record.
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

type docScore struct {
	rule      string
	value     float64
	op        string
	threshold float64
}

// NewAggregate returns an empty aggregate.
func NewAggregate(opt AggregateOptions) *Aggregate {
	return &Aggregate{
		Version:     AggregateVersion,
		Options:     opt.withDefaults(),
		Rules:       map[string]*RuleStats{},
		Length:      newLog2Histogram(lengthBins),
		Boilerplate: newLinearHistogram(0, 1, boilerplateBins, true),
		Scores:      map[string]*ScoreStats{},
		Domains:     DomainStats{Hosts: map[string]*DomainCount{}},
	}
}

// NoteRules records the names of the rules that ran.
func (a *Aggregate) NoteRules(names ...string) {
	a.CheckedRules = unionSorted(a.CheckedRules, names)
}

// AddError counts an input or record that could not be read.
func (a *Aggregate) AddError() { a.Errors++ }

// Add folds one checked document into the aggregate.
func (a *Aggregate) Add(d *Document) {
	if a.seenRules == nil {
		a.seenRules = map[string]bool{}
		a.docScores = map[string]docScore{}
	}
	clear(a.seenRules)
	clear(a.docScores)
	a.scoreOrder = a.scoreOrder[:0]
	a.spans = a.spans[:0]

	n := len(d.Text)
	a.Documents++
	a.Bytes += int64(n)
	words := countWords(d.Text)
	a.Words += int64(words)
	a.Length.add(float64(words))
	a.Findings += int64(len(d.Findings))
	if len(d.Findings) > 0 {
		a.Flagged++
	}

	var badness int64
	for i := range d.Findings {
		it := &d.Findings[i]
		badness += int64(it.Severity)
		rs := a.Rules[it.Rule]
		if rs == nil {
			rs = &RuleStats{Rule: it.Rule, Category: it.Category, Severity: map[string]int64{}}
			a.Rules[it.Rule] = rs
		}
		rs.Findings++
		rs.Severity[it.Severity.String()]++
		if it.Fix != nil && it.Fix.Applicability == rules.Safe {
			rs.Fixable++
		}
		if !a.seenRules[it.Rule] {
			a.seenRules[it.Rule] = true
			rs.Documents++
		}
		if len(rs.Examples) < a.Options.ExamplesPerRule {
			rs.Examples = append(rs.Examples, makeExample(d, it))
		}
		if it.Category == rules.Boilerplate && it.End > it.Start {
			a.spans = append(a.spans, [2]int{it.Start, it.End})
		}
		if s := it.Score; s != nil {
			rs.Scores = unionSorted(rs.Scores, []string{s.Name})
			prev, seen := a.docScores[s.Name]
			if !seen {
				a.scoreOrder = append(a.scoreOrder, s.Name)
			}
			if !seen || moreFlagged(s.Value, prev.value, s.Op) {
				a.docScores[s.Name] = docScore{rule: it.Rule, value: s.Value, op: s.Op, threshold: s.Threshold}
			}
		}
	}

	covered := unionLength(a.spans, n)
	a.BoilerplateBytes += int64(covered)
	share := 0.0
	if n > 0 {
		share = float64(covered) / float64(n)
	}
	a.Boilerplate.add(share)

	for _, name := range a.scoreOrder {
		a.addScore(name, a.docScores[name])
	}

	removed := 0
	if a.Options.Fixes && d.Fixed != d.Text {
		a.FixedDocs++
		if d.Fixed == "" {
			a.DroppedDocs++
		}
		if delta := len(d.Text) - len(d.Fixed); delta > 0 {
			a.FixRemovedBytes += int64(delta)
			removed = delta
		} else {
			a.FixAddedBytes += int64(-delta)
		}
	}

	a.Domains.add(d.URL, len(d.Findings), a.Options.Domains)

	if len(d.Findings) > 0 {
		a.offerWorst(d, badness, removed)
	}
}

func (a *Aggregate) addScore(name string, ds docScore) {
	key := ScoreKey(name, ds.op, ds.threshold)
	st := a.Scores[key]
	if st == nil {
		if len(a.Scores) >= maxScoreNames {
			a.DroppedScores++
			return
		}
		st = newScoreStats(name, ds.op, ds.threshold)
		a.Scores[key] = st
	}
	if ds.op != st.Op || ds.threshold != st.Threshold {
		st.Mixed = true
	}
	st.Rules = unionSorted(st.Rules, []string{ds.rule})
	if compare(ds.value, ds.op, ds.threshold) {
		st.Flagged.add(ds.value)
	} else {
		st.Passing.add(ds.value)
	}
}

// ScoreKey is the key of Aggregate.Scores: a score name with its comparison and
// threshold. A rule may measure one score against several thresholds (the
// boilerplate rules do, by regime); each gets its own histograms, so aggregates
// merged in any order (workers, Beam bundles) come out the same.
func ScoreKey(name, op string, threshold float64) string {
	return name + " " + op + " " + strconv.FormatFloat(threshold, 'g', -1, 64)
}

func newScoreStats(name, op string, threshold float64) *ScoreStats {
	lo, hi := scoreRange(threshold)
	return &ScoreStats{
		Name: name, Op: op, Threshold: threshold,
		Flagged: newLinearHistogram(lo, hi, scoreBins, false),
		Passing: newLinearHistogram(lo, hi, scoreBins, false),
	}
}

// scoreRange is the binned range of a score: from 0 to twice the threshold (or
// mirrored for a negative one), so that thresholds 10% and 25% away fall on bin edges.
func scoreRange(t float64) (lo, hi float64) {
	if t == 0 || math.IsNaN(t) || math.IsInf(t, 0) {
		return -1, 1
	}
	return t - math.Abs(t), t + math.Abs(t)
}

// compare reports whether value op threshold holds: whether the document is flagged.
func compare(v float64, op string, t float64) bool {
	switch op {
	case "<":
		return v < t
	case "<=":
		return v <= t
	case ">":
		return v > t
	case ">=":
		return v >= t
	case "==", "=":
		return v == t
	case "!=":
		return v != t
	}
	return true
}

// moreFlagged reports whether v is further on the flagged side of op than w.
func moreFlagged(v, w float64, op string) bool {
	switch op {
	case "<", "<=":
		return v < w
	case ">", ">=":
		return v > w
	}
	return false
}

// unionLength returns how many bytes of [0, n) the spans cover together.
func unionLength(spans [][2]int, n int) int {
	if len(spans) == 0 {
		return 0
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i][0] < spans[j][0] })
	total, curS, curE := 0, spans[0][0], spans[0][1]
	for _, s := range spans[1:] {
		if s[0] <= curE {
			curE = max(curE, s[1])
			continue
		}
		total += curE - curS
		curS, curE = s[0], s[1]
	}
	total += curE - curS
	return min(total, n)
}

// countWords counts runs of non-space characters.
func countWords(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); {
		c := s[i]
		var space bool
		if c < utf8.RuneSelf {
			space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\v' || c == '\f'
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
			i += size
		}
		if !space && !in {
			n++
		}
		in = !space
	}
	return n
}

// makeExample cuts the context of a finding out of the document text.
func makeExample(d *Document, it *Item) Example {
	ex := Example{
		Path: d.Path, Record: d.Record, ID: d.ID, URL: d.URL,
		Line: it.Line, Col: it.Col, Message: it.Message,
	}
	if d.Record == 0 && d.ID == d.Path {
		ex.ID = ""
	}
	text := d.Text
	start, end := clampSpan(it.Start, it.End, len(text))
	lineStart := strings.LastIndexByte(text[:start], '\n') + 1
	bs := max(lineStart, start-maxContext)
	ex.Before = text[runeStart(text, bs):start]
	m := text[start:end]
	if len(m) > maxSnippet {
		cut := runeStart(m, maxSnippet)
		ex.Cut = len(m) - cut
		m = m[:cut]
	}
	ex.Match = m
	lineEnd := strings.IndexByte(text[end:], '\n')
	if lineEnd < 0 {
		lineEnd = len(text) - end
	}
	ae := end + min(lineEnd, maxContext)
	ex.After = text[end:runeStart(text, ae)]
	if f := it.Fix; f != nil {
		ex.Fix = f.Message
		if f.Applicability == rules.Unsafe {
			ex.Fix += " (unsafe)"
		}
		if ex.Fix == "" {
			ex.Fix = "fixable"
		}
	}
	if s := it.Score; s != nil {
		ex.Score = &Measure{Name: s.Name, Value: s.Value, Op: s.Op, Threshold: s.Threshold}
	}
	return ex
}

func clampSpan(s, e, n int) (int, int) {
	s = max(0, min(s, n))
	e = max(s, min(e, n))
	return s, e
}

// runeStart moves i back to the start of the UTF-8 sequence it falls in.
func runeStart(s string, i int) int {
	if i >= len(s) {
		return len(s)
	}
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return i
}

// unionSorted returns the sorted union of a and b without duplicates.
func unionSorted(a, b []string) []string {
	for _, s := range b {
		i := sort.SearchStrings(a, s)
		if i < len(a) && a[i] == s {
			continue
		}
		a = append(a, "")
		copy(a[i+1:], a[i:])
		a[i] = s
	}
	return a
}

// --- histograms ---

func newLinearHistogram(lo, hi float64, bins int, closed bool) Histogram {
	return Histogram{Lo: lo, Hi: hi, Closed: closed, Counts: make([]int64, bins)}
}

func newLog2Histogram(bins int) Histogram {
	return Histogram{Log2: true, Counts: make([]int64, bins)}
}

func (h *Histogram) add(v float64) {
	h.addN(v, 1)
}

func (h *Histogram) addN(v float64, n int64) {
	if n == 0 || math.IsNaN(v) {
		return
	}
	if h.N == 0 || v < h.Min {
		h.Min = v
	}
	if h.N == 0 || v > h.Max {
		h.Max = v
	}
	h.N += n
	h.Sum += v * float64(n)
	if h.Log2 {
		b := 0
		if v >= 1 {
			b = bits.Len64(uint64(v))
		}
		h.Counts[min(b, len(h.Counts)-1)] += n
		return
	}
	switch {
	case v < h.Lo:
		h.Under += n
	case v > h.Hi || (v == h.Hi && !h.Closed):
		h.Over += n
	default:
		b := int((v - h.Lo) / (h.Hi - h.Lo) * float64(len(h.Counts)))
		h.Counts[max(0, min(b, len(h.Counts)-1))] += n
	}
}

// merge adds o's counts. Histograms of the same shape add bin by bin; otherwise (a
// score merged from runs with different thresholds) o's bins are re-binned by their
// midpoints, an approximation.
func (h *Histogram) merge(o *Histogram) {
	if o.N == 0 {
		return
	}
	if h.Log2 == o.Log2 && h.Lo == o.Lo && h.Hi == o.Hi && len(h.Counts) == len(o.Counts) {
		if h.N == 0 || o.Min < h.Min {
			h.Min = o.Min
		}
		if h.N == 0 || o.Max > h.Max {
			h.Max = o.Max
		}
		for i, c := range o.Counts {
			h.Counts[i] += c
		}
		h.Under += o.Under
		h.Over += o.Over
		h.N += o.N
		h.Sum += o.Sum
		return
	}
	minV, maxV, sum, n := h.Min, h.Max, h.Sum+o.Sum, h.N+o.N
	if h.N == 0 {
		minV, maxV = o.Min, o.Max
	}
	for i, c := range o.Counts {
		lo, hi := o.BinRange(i)
		h.addN((lo+hi)/2, c)
	}
	h.addN(o.Lo-math.Abs(o.Hi-o.Lo), o.Under)
	h.addN(o.Hi+math.Abs(o.Hi-o.Lo), o.Over)
	h.Min, h.Max, h.Sum, h.N = math.Min(minV, o.Min), math.Max(maxV, o.Max), sum, n
}

// BinRange returns the bounds [lo, hi) of bin i.
func (h *Histogram) BinRange(i int) (lo, hi float64) {
	if h.Log2 {
		if i == 0 {
			return 0, 1
		}
		return math.Ldexp(1, i-1), math.Ldexp(1, i)
	}
	w := (h.Hi - h.Lo) / float64(len(h.Counts))
	return h.Lo + float64(i)*w, h.Lo + float64(i+1)*w
}

// Mean returns the mean of the values, 0 for none.
func (h *Histogram) Mean() float64 {
	if h.N == 0 {
		return 0
	}
	return h.Sum / float64(h.N)
}

// Quantile estimates the q-quantile (0..1) from the bins, interpolating inside the
// bin it falls in (geometrically for log2 bins); exact at the extremes.
func (h *Histogram) Quantile(q float64) float64 {
	if h.N == 0 {
		return 0
	}
	if q <= 0 {
		return h.Min
	}
	if q >= 1 {
		return h.Max
	}
	target := q * float64(h.N)
	acc := float64(h.Under)
	if target <= acc {
		return h.Min
	}
	for i, c := range h.Counts {
		if c == 0 {
			continue
		}
		if acc+float64(c) >= target {
			lo, hi := h.BinRange(i)
			lo, hi = math.Max(lo, h.Min), math.Min(hi, h.Max)
			f := (target - acc) / float64(c)
			if h.Log2 && lo >= 1 {
				return math.Round(lo * math.Pow(hi/lo, f))
			}
			return lo + f*(hi-lo)
		}
		acc += float64(c)
	}
	return h.Max
}

// countWhere counts the values whose bin midpoint satisfies keep; Under and Over
// count at the ends of the range.
func (h *Histogram) countWhere(keep func(v float64) bool) int64 {
	var n int64
	w := (h.Hi - h.Lo) / float64(len(h.Counts))
	if h.Under > 0 && keep(h.Lo-w/2) {
		n += h.Under
	}
	if h.Over > 0 && keep(h.Hi+w/2) {
		n += h.Over
	}
	for i, c := range h.Counts {
		lo, hi := h.BinRange(i)
		if c > 0 && keep((lo+hi)/2) {
			n += c
		}
	}
	return n
}

// --- domains ---

func (ds *DomainStats) add(rawURL string, findings int, limit int) {
	host := Host(rawURL)
	if host == "" {
		ds.NoURL++
		return
	}
	c := ds.Hosts[host]
	if c == nil {
		c = &DomainCount{}
		ds.Hosts[host] = c
	}
	c.Documents++
	c.Findings += int64(findings)
	if findings > 0 {
		c.Flagged++
	}
	if len(ds.Hosts) >= 2*limit {
		ds.prune(limit)
	}
}

// prune keeps the limit hosts with the most documents (ties by name) and moves the
// counts of the others to Other.
func (ds *DomainStats) prune(limit int) {
	if len(ds.Hosts) <= limit {
		return
	}
	names := make([]string, 0, len(ds.Hosts))
	for h := range ds.Hosts {
		names = append(names, h)
	}
	sort.Slice(names, func(i, j int) bool {
		a, b := ds.Hosts[names[i]], ds.Hosts[names[j]]
		if a.Documents != b.Documents {
			return a.Documents > b.Documents
		}
		return names[i] < names[j]
	})
	for _, h := range names[limit:] {
		c := ds.Hosts[h]
		ds.Other.Documents += c.Documents
		ds.Other.Flagged += c.Flagged
		ds.Other.Findings += c.Findings
		ds.PrunedHosts++
		delete(ds.Hosts, h)
	}
}

func (ds *DomainStats) merge(o *DomainStats, limit int) {
	for h, oc := range o.Hosts {
		c := ds.Hosts[h]
		if c == nil {
			c = &DomainCount{}
			ds.Hosts[h] = c
		}
		c.Documents += oc.Documents
		c.Flagged += oc.Flagged
		c.Findings += oc.Findings
	}
	ds.Other.Documents += o.Other.Documents
	ds.Other.Flagged += o.Other.Flagged
	ds.Other.Findings += o.Other.Findings
	ds.PrunedHosts += o.PrunedHosts
	ds.NoURL += o.NoURL
	if len(ds.Hosts) >= 2*limit {
		ds.prune(limit)
	}
}

// Host returns the lower-case host of a URL without "www." and port, or "" when
// rawURL has none. It is a byte scan, not a full URL parser: crawl URLs are
// absolute, and a malformed one only lands in a host of its own.
func Host(rawURL string) string {
	s := strings.TrimSpace(rawURL)
	if i := strings.Index(s, "://"); i >= 0 {
		s = s[i+3:]
	} else if strings.HasPrefix(s, "//") {
		s = s[2:]
	} else {
		return ""
	}
	if i := strings.IndexAny(s, "/?#"); i >= 0 {
		s = s[:i]
	}
	if i := strings.LastIndexByte(s, '@'); i >= 0 {
		s = s[i+1:]
	}
	if strings.HasPrefix(s, "[") { // IPv6 literal
		if i := strings.IndexByte(s, ']'); i >= 0 {
			return strings.ToLower(s[:i+1])
		}
	}
	if i := strings.LastIndexByte(s, ':'); i >= 0 {
		s = s[:i]
	}
	s = strings.TrimSuffix(strings.ToLower(s), ".")
	s = strings.TrimPrefix(s, "www.")
	if !utf8.ValidString(s) {
		return ""
	}
	return s
}

// --- worst documents ---

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
func (a *Aggregate) offerWorst(d *Document, badness int64, removed int) {
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

// --- merge and JSON ---

// Merge folds o into a, as if a's documents had been followed by o's. Counts,
// histograms and the worst documents combine exactly; examples keep a's first; the
// domain map is exact until it has to be pruned (see DomainStats).
func (a *Aggregate) Merge(o *Aggregate) {
	a.CheckedRules = unionSorted(a.CheckedRules, o.CheckedRules)
	a.Documents += o.Documents
	a.Bytes += o.Bytes
	a.Words += o.Words
	a.Findings += o.Findings
	a.Flagged += o.Flagged
	a.Errors += o.Errors
	a.FixedDocs += o.FixedDocs
	a.DroppedDocs += o.DroppedDocs
	a.FixRemovedBytes += o.FixRemovedBytes
	a.FixAddedBytes += o.FixAddedBytes
	a.BoilerplateBytes += o.BoilerplateBytes
	a.Options.Fixes = a.Options.Fixes || o.Options.Fixes
	a.Length.merge(&o.Length)
	a.Boilerplate.merge(&o.Boilerplate)
	for _, name := range sortedKeys(o.Rules) {
		or := o.Rules[name]
		rs := a.Rules[name]
		if rs == nil {
			rs = &RuleStats{Rule: or.Rule, Category: or.Category, Severity: map[string]int64{}}
			a.Rules[name] = rs
		}
		rs.Findings += or.Findings
		rs.Documents += or.Documents
		rs.Fixable += or.Fixable
		for k, v := range or.Severity {
			rs.Severity[k] += v
		}
		rs.Scores = unionSorted(rs.Scores, or.Scores)
		for _, ex := range or.Examples {
			if len(rs.Examples) < a.Options.ExamplesPerRule {
				rs.Examples = append(rs.Examples, ex)
			}
		}
	}
	for _, key := range sortedKeys(o.Scores) {
		os := o.Scores[key]
		st := a.Scores[key]
		if st == nil {
			if len(a.Scores) >= maxScoreNames {
				a.DroppedScores += os.Flagged.N + os.Passing.N
				continue
			}
			st = newScoreStats(os.Name, os.Op, os.Threshold)
			a.Scores[key] = st
		}
		st.Mixed = st.Mixed || os.Mixed || st.Op != os.Op || st.Threshold != os.Threshold
		st.Rules = unionSorted(st.Rules, os.Rules)
		st.Flagged.merge(&os.Flagged)
		st.Passing.merge(&os.Passing)
	}
	a.DroppedScores += o.DroppedScores
	a.Domains.merge(&o.Domains, a.Options.Domains)
	for _, w := range o.Worst {
		c := *w
		a.pushWorst(&c)
	}
}

// WriteJSON writes the aggregate as one JSON document.
func (a *Aggregate) WriteJSON(w io.Writer) error {
	a.finishWorst()
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(a)
}

// ReadAggregate reads an aggregate written by WriteJSON.
func ReadAggregate(r io.Reader) (*Aggregate, error) {
	a := NewAggregate(AggregateOptions{})
	a.Version = 0 // the file must say which version it is
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := dec.Decode(a); err != nil {
		return nil, fmt.Errorf("reading aggregate: %w", err)
	}
	if a.Version != AggregateVersion {
		return nil, fmt.Errorf("reading aggregate: version %d, want %d", a.Version, AggregateVersion)
	}
	a.Options = a.Options.withDefaults()
	if a.Rules == nil {
		a.Rules = map[string]*RuleStats{}
	}
	if a.Scores == nil {
		a.Scores = map[string]*ScoreStats{}
	}
	if a.Domains.Hosts == nil {
		a.Domains.Hosts = map[string]*DomainCount{}
	}
	for name, rs := range a.Rules {
		if rs == nil {
			delete(a.Rules, name)
			continue
		}
		if rs.Severity == nil {
			rs.Severity = map[string]int64{}
		}
	}
	for name, st := range a.Scores {
		if st == nil || !st.Flagged.valid() || !st.Passing.valid() {
			return nil, fmt.Errorf("reading aggregate: score %q has malformed histograms", name)
		}
	}
	if !a.Length.valid() || !a.Boilerplate.valid() {
		return nil, fmt.Errorf("reading aggregate: malformed histograms")
	}
	for h, c := range a.Domains.Hosts {
		if c == nil {
			delete(a.Domains.Hosts, h)
		}
	}
	kept := a.Worst[:0]
	for _, w := range a.Worst {
		if w != nil {
			kept = append(kept, w)
		}
	}
	a.Worst = kept
	heap.Init(&a.Worst)
	for len(a.Worst) > a.Options.WorstDocs {
		heap.Pop(&a.Worst)
	}
	return a, nil
}

func (h *Histogram) valid() bool {
	return len(h.Counts) > 0 && (h.Log2 || h.Hi > h.Lo)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// --- derived figures for the reports ---

// RuleRow is one line of the findings-per-rule table.
type RuleRow struct {
	Rule      string
	Category  rules.Category
	Severity  string // the most frequent severity of its findings
	Findings  int64
	Documents int64
	// Share is Documents over all documents.
	Share   float64
	Fixable int64
}

// RuleRows returns the rules with findings, most findings first.
func (a *Aggregate) RuleRows() []RuleRow {
	var rows []RuleRow
	for _, name := range sortedKeys(a.Rules) {
		rs := a.Rules[name]
		sev, best := "", int64(-1)
		for _, s := range []string{"error", "warning", "info"} {
			if rs.Severity[s] > best {
				sev, best = s, rs.Severity[s]
			}
		}
		rows = append(rows, RuleRow{Rule: name, Category: rs.Category, Severity: sev, Findings: rs.Findings,
			Documents: rs.Documents, Share: ratio(rs.Documents, a.Documents), Fixable: rs.Fixable})
	}
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].Findings > rows[j].Findings })
	return rows
}

// CategoryRow is one line of the findings-per-category table.
type CategoryRow struct {
	Category rules.Category
	Findings int64
	Rules    int
}

// CategoryRows returns the categories with findings, most findings first.
func (a *Aggregate) CategoryRows() []CategoryRow {
	by := map[rules.Category]*CategoryRow{}
	for _, rs := range a.Rules {
		c := by[rs.Category]
		if c == nil {
			c = &CategoryRow{Category: rs.Category}
			by[rs.Category] = c
		}
		c.Findings += rs.Findings
		c.Rules++
	}
	var rows []CategoryRow
	for _, c := range by {
		rows = append(rows, *c)
	}
	sort.Slice(rows, func(i, j int) bool {
		if rows[i].Findings != rows[j].Findings {
			return rows[i].Findings > rows[j].Findings
		}
		return rows[i].Category < rows[j].Category
	})
	return rows
}

// ThresholdRow says what one alternative threshold of a score would do.
type ThresholdRow struct {
	// Label names the change ("-25%", "current", "+10%").
	Label     string
	Threshold float64
	// Flagged counts measured documents flagged at Threshold; Unflagged those flagged
	// now that would pass, Newly those passing now that would be flagged.
	Flagged   int64
	Unflagged int64
	Newly     int64
}

// ThresholdRows estimates, for thresholds 25% and 10% below and above the current
// one, how many measured documents change decision. Values are binned in steps of 5%
// of the threshold, so the alternatives fall on bin edges and the counts are exact
// except for values lying exactly on an edge. Only measured documents count: a rule
// reports its score with a finding, so passing documents are not measured and a
// stricter threshold shows no new documents.
func (st *ScoreStats) ThresholdRows() []ThresholdRow {
	var rows []ThresholdRow
	for _, step := range []float64{-0.25, -0.10, 0, 0.10, 0.25} {
		t := st.Threshold
		label := "current"
		if step != 0 {
			label = fmt.Sprintf("%+.0f%%", step*100)
			if t == 0 {
				t = step
				label = fmt.Sprintf("%+g", step)
			} else {
				t = st.Threshold * (1 + step)
			}
		}
		stays := st.Flagged.countWhere(func(v float64) bool { return compare(v, st.Op, t) })
		newly := st.Passing.countWhere(func(v float64) bool { return compare(v, st.Op, t) })
		rows = append(rows, ThresholdRow{Label: label, Threshold: t, Flagged: stays + newly,
			Unflagged: st.Flagged.N - stays, Newly: newly})
	}
	return rows
}

// ScoreNames returns the keys of Scores (see ScoreKey) in order.
func (a *Aggregate) ScoreNames() []string { return sortedKeys(a.Scores) }

// DomainRow is one line of the domains table.
type DomainRow struct {
	Host      string
	Documents int64
	Flagged   int64
	Findings  int64
	Rate      float64 // Flagged over Documents
}

// TopDomains returns up to n hosts with the highest share of flagged documents,
// among hosts with at least minDocs documents (ties: more documents first).
func (a *Aggregate) TopDomains(n int, minDocs int64) []DomainRow {
	var rows []DomainRow
	for h, c := range a.Domains.Hosts {
		if c.Documents < minDocs || c.Flagged == 0 {
			continue
		}
		rows = append(rows, DomainRow{Host: h, Documents: c.Documents, Flagged: c.Flagged, Findings: c.Findings,
			Rate: ratio(c.Flagged, c.Documents)})
	}
	sort.Slice(rows, func(i, j int) bool {
		if rows[i].Rate != rows[j].Rate {
			return rows[i].Rate > rows[j].Rate
		}
		if rows[i].Documents != rows[j].Documents {
			return rows[i].Documents > rows[j].Documents
		}
		return rows[i].Host < rows[j].Host
	})
	if len(rows) > n {
		rows = rows[:n]
	}
	return rows
}

// DomainMinDocs is the support a host needs to enter the domains table: 1 on a small
// batch, 5 from 1,000 documents with URLs, 20 from 100,000.
func (a *Aggregate) DomainMinDocs() int64 {
	withURL := a.Documents - a.Domains.NoURL
	switch {
	case withURL >= 100000:
		return 20
	case withURL >= 1000:
		return 5
	}
	return 1
}

// QuietRules returns the rules that ran and found nothing.
func (a *Aggregate) QuietRules() []string {
	var out []string
	for _, r := range a.CheckedRules {
		if _, ok := a.Rules[r]; !ok {
			out = append(out, r)
		}
	}
	return out
}

func ratio(a, b int64) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
