package eval

import (
	"bufio"
	"fmt"
	"hash/fnv"
	"io"
	"runtime"
	"sort"
	"strings"
	"sync"
	"unicode"

	"github.com/corpuslint/corpuslint/internal/engine"
	"github.com/corpuslint/corpuslint/internal/engine/process"
	"github.com/corpuslint/corpuslint/internal/fix"
	"github.com/corpuslint/corpuslint/report"
	"github.com/corpuslint/corpuslint/rules"
)

// Options configure an evaluation.
type Options struct {
	// Rules are the rules to run. Precision and recall count the findings of the
	// boilerplate-category rules; the safe deletions (what `fix` removes) count the
	// fixes of every rule, as fix applies them.
	Rules []rules.Rule
	// Workers is the number of batches checked at once; 0 means one per core.
	Workers int
	// Worst is how many false positives and false negatives to keep as examples.
	Worst int
	// Fold and Folds score only the pages whose site hashes to fold Fold
	// (1-based) of Folds, for cross-validation grouped by site (all pages of a
	// site land in one fold); Folds 0 scores every page.
	// The batches still hold every page: the first pass of corpus rules reads no
	// label, and a held-out batch of full size is what a crawl looks like.
	Fold, Folds int
	// Sites, when not nil, scores only the records of these sites (see Site and
	// ReadSplit: the check part of the site split). Batches still hold every page.
	Sites map[string]bool
	// Kinds keeps only records of these extractor kinds; empty keeps all.
	Kinds []string
	// Lines, when set, receives every scored line of the scored records as a
	// tab-separated row (kind, extractor, id, line number, label, flagged 0/1,
	// text), so a person can group the mistakes by page.
	Lines io.Writer
}

// Counts are the confusion counts of a binary decision where boilerplate is the
// positive class.
type Counts struct {
	TP int `json:"tp"`
	FP int `json:"fp"`
	FN int `json:"fn"`
	TN int `json:"tn"`
}

// Precision is TP/(TP+FP), or 0 when nothing was flagged.
func (c Counts) Precision() float64 { return ratio(c.TP, c.TP+c.FP) }

// Recall is TP/(TP+FN), or 0 when there is nothing to find.
func (c Counts) Recall() float64 { return ratio(c.TP, c.TP+c.FN) }

// F1 is the harmonic mean of precision and recall.
func (c Counts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func (c *Counts) add(o Counts) {
	c.TP += o.TP
	c.FP += o.FP
	c.FN += o.FN
	c.TN += o.TN
}

func (c *Counts) count(positive, predicted bool) {
	switch {
	case positive && predicted:
		c.TP++
	case positive:
		c.FN++
	case predicted:
		c.FP++
	default:
		c.TN++
	}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Row is the line-level result of one group of records (a kind, an extractor).
type Row struct {
	Name string `json:"name"`
	Kind string `json:"kind,omitempty"`
	// Records counts the records whose lines were scored (flattened ones aside).
	Records int `json:"records"`
	Counts
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

func (r *Row) finish() {
	r.Precision, r.Recall, r.F1 = r.Counts.Precision(), r.Counts.Recall(), r.Counts.F1()
}

// RuleRow is what one rule's findings cover on their own: lines labeled
// boilerplate (right) and body (wrong), overall and on article outputs.
type RuleRow struct {
	Rule             string  `json:"rule"`
	Boilerplate      int     `json:"boilerplate"`
	Body             int     `json:"body"`
	Precision        float64 `json:"precision"`
	ArticleBP        int     `json:"article_boilerplate"`
	ArticleBody      int     `json:"article_body"`
	ArticlePrecision float64 `json:"article_precision"`
	// SafeBoilerplate and SafeBody count the lines the rule's own safe fixes
	// delete; SafePrecision is the precision of those deletions.
	SafeBoilerplate int     `json:"safe_boilerplate"`
	SafeBody        int     `json:"safe_body"`
	SafePrecision   float64 `json:"safe_precision"`
}

// Clean is the share of body lines flagged in the clean ground-truth records.
type Clean struct {
	Records   int     `json:"records"`
	BodyLines int     `json:"body_lines"`
	Flagged   int     `json:"flagged"`
	Share     float64 `json:"share"`
	// Deleted counts the body lines the safe fixes remove, and DeletedShare
	// their share of BodyLines: what `fix` would cost a clean document.
	Deleted      int     `json:"deleted"`
	DeletedShare float64 `json:"deleted_share"`
}

// SafeRow counts, for one extractor kind, the labeled lines the safe fixes remove:
// how many were boilerplate and how many body (the precision of `fix`), and the
// share of the kind's body lines lost.
type SafeRow struct {
	Kind        string  `json:"kind"`
	Records     int     `json:"records"`
	Boilerplate int     `json:"boilerplate"`
	Body        int     `json:"body"`
	BodyLines   int     `json:"body_lines"`
	Precision   float64 `json:"precision"`
	BodyShare   float64 `json:"body_share"`
}

// Tail is the document-level junk-tail decision for one extractor kind: a record
// has a junk tail when its last three lines with text are all boilerplate, and the
// tail is predicted when findings cover each of those three lines.
type Tail struct {
	Kind    string `json:"kind"`
	Records int    `json:"records"`
	Counts
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

// Example is one wrongly decided line, shown as text so a person can see why.
type Example struct {
	Record    string  `json:"record"`
	Extractor string  `json:"extractor"`
	Kind      string  `json:"kind"`
	Line      int     `json:"line"`
	Label     string  `json:"label"`
	Score     float64 `json:"score"`
	Text      string  `json:"text"`
	Rules     string  `json:"rules,omitempty"`
	Message   string  `json:"message,omitempty"`
}

// Report is the outcome of an evaluation.
type Report struct {
	Files      []string  `json:"files"`
	Rules      []string  `json:"rules"`
	Fold       string    `json:"fold,omitempty"`
	Total      Row       `json:"total"`
	Kinds      []Row     `json:"kinds"`
	Extractors []Row     `json:"extractors"`
	ByRule     []RuleRow `json:"by_rule"`
	Clean      Clean     `json:"ground_truth"`
	JunkTail   []Tail    `json:"junk_tail"`
	Safe       []SafeRow `json:"safe_deletions"`
	WorstFP    []Example `json:"worst_false_positives"`
	WorstFN    []Example `json:"worst_false_negatives"`
}

// Kind returns the row of extractor kind k (zero when absent).
func (r *Report) Kind(k string) Row {
	for _, row := range r.Kinds {
		if row.Name == k {
			return row
		}
	}
	return Row{Name: k}
}

// Tail returns the junk-tail result of extractor kind k (zero when absent).
func (r *Report) Tail(k string) Tail {
	for _, t := range r.JunkTail {
		if t.Kind == k {
			return t
		}
	}
	return Tail{Kind: k}
}

// InFold reports whether a site belongs to fold (1-based) of folds: PageHash of
// the site modulo folds, so the split is the same on every machine and every page
// of a site is in the same fold.
func InFold(site string, fold, folds int) bool {
	if folds <= 1 {
		return true
	}
	return int(PageHash(site)%uint64(folds)) == fold-1
}

// PageHash hashes s with FNV-1a and mixes the bits with MurmurHash3's finalizer:
// FNV-1a's low bit is only the parity of the bytes, too poor to split on.
func PageHash(s string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(s))
	x := h.Sum64()
	x ^= x >> 33
	x *= 0xff51afd7ed558ccd
	x ^= x >> 33
	x *= 0xc4ceb9fe1a85ec53
	x ^= x >> 33
	return x
}

// group is one batch: one extractor's records of one labeled file.
type group struct {
	key  string
	recs []*Record
}

// recResult is what the evaluation keeps of one checked record.
type recResult struct {
	rec   *Record
	cover []bool // per labeled line: covered by boilerplate findings
	// deleted, per labeled line: at least half of it is removed by the safe
	// fixes fix applies on its first pass (the resolved edits of every rule).
	deleted []bool
	// safeByRule, per rule index: labeled lines its own safe deletions remove.
	safeByRule [][]int
	byRule     [][]int // per rule index: labeled lines its own findings cover
	items      []report.Item
}

// Evaluate runs opt.Rules over recs, one batch per (file, extractor), and scores
// the findings against the labels.
func Evaluate(recs []*Record, opt Options) *Report {
	if opt.Workers <= 0 {
		opt.Workers = runtime.GOMAXPROCS(0)
	}
	var rs []rules.Rule
	ruleIndex := map[string]int{}
	for _, r := range opt.Rules {
		if m := r.Meta(); m.Category == rules.Boilerplate {
			ruleIndex[m.Name] = len(rs)
			rs = append(rs, r)
		}
	}
	kinds := map[string]bool{}
	for _, k := range opt.Kinds {
		kinds[k] = true
	}
	groups := map[string]*group{}
	var order []string
	files := map[string]bool{}
	rep := &Report{}
	for _, rec := range recs {
		if len(kinds) > 0 && !kinds[rec.Kind] {
			continue
		}
		if !files[rec.File] {
			files[rec.File] = true
			rep.Files = append(rep.Files, rec.File)
		}
		key := rec.File + "\x00" + rec.Extractor
		g := groups[key]
		if g == nil {
			g = &group{key: key}
			groups[key] = g
			order = append(order, key)
		}
		g.recs = append(g.recs, rec)
	}
	for _, r := range rs {
		rep.Rules = append(rep.Rules, r.Meta().Name)
	}

	results := make([][]recResult, len(order))
	var wg sync.WaitGroup
	sem := make(chan struct{}, opt.Workers)
	for gi, key := range order {
		wg.Add(1)
		sem <- struct{}{}
		go func(gi int, g *group) {
			defer wg.Done()
			defer func() { <-sem }()
			results[gi] = checkGroup(g, opt.Rules, ruleIndex, len(rs))
		}(gi, groups[key])
	}
	wg.Wait()

	if opt.Folds > 1 || opt.Sites != nil {
		for gi := range results {
			kept := results[gi][:0]
			for _, res := range results[gi] {
				site := Site(res.rec)
				if InFold(site, opt.Fold, opt.Folds) && (opt.Sites == nil || opt.Sites[site]) {
					kept = append(kept, res)
				}
			}
			results[gi] = kept
		}
	}
	if opt.Lines != nil {
		writeLines(opt.Lines, results)
	}
	score(rep, results, rs, opt.Worst)
	return rep
}

// writeLines writes the scored lines of every non-flattened record to w.
func writeLines(w io.Writer, results [][]recResult) {
	bw := bufio.NewWriter(w)
	defer bw.Flush()
	for _, grp := range results {
		for _, res := range grp {
			rec := res.rec
			if rec.Flattened {
				continue
			}
			for i, l := range rec.Lines {
				if !scored(l.Label) {
					continue
				}
				flag := 0
				if res.cover[i] {
					flag = 1
				}
				text := strings.NewReplacer("\t", " ", "\n", " ").Replace(rec.Text[l.Start:l.End])
				fmt.Fprintf(bw, "%s\t%s\t%s\t%d\t%s\t%d\t%s\n", rec.Kind, rec.Extractor, rec.ID, i+1, l.Label, flag, text)
			}
		}
	}
}

// checkGroup runs the corpus first pass over the batch, then checks every record.
func checkGroup(g *group, rs []rules.Rule, ruleIndex map[string]int, nIndexed int) []recResult {
	docs := make([]*rules.Document, len(g.recs))
	for i, rec := range g.recs {
		docs[i] = rec.Document()
	}
	states := engine.ObserveDocuments(rs, docs)
	checker := engine.NewChecker(engine.Options{Rules: rs, Processors: []process.Processor{process.Sort{}}}, states)
	out := make([]recResult, len(g.recs))
	for i, rec := range g.recs {
		rd, _ := checker.Check(docs[i])
		res := recResult{rec: rec, items: rd.Findings}
		var all []span
		perRule := make([][]span, nIndexed)
		for _, it := range rd.Findings {
			if it.Category != rules.Boilerplate {
				continue
			}
			s := span{it.Start, it.End}
			all = append(all, s)
			if k, ok := ruleIndex[it.Rule]; ok {
				perRule[k] = append(perRule[k], s)
			}
		}
		res.cover = covered(rec.Lines, all)
		res.deleted, res.safeByRule = safeDeletions(rec, rd.Findings, ruleIndex, nIndexed)
		res.byRule = make([][]int, nIndexed)
		for k, ss := range perRule {
			if len(ss) == 0 {
				continue
			}
			for li, c := range covered(rec.Lines, ss) {
				if c {
					res.byRule[k] = append(res.byRule[k], li)
				}
			}
		}
		out[i] = res
	}
	return out
}

type span struct{ start, end int }

// safeDeletions returns which labeled lines the safe fixes of items remove (as
// fix resolves them: no overlap, larger deletions first), and per indexed rule the
// lines its own safe deletions remove. An edit deletes when what it inserts holds
// no letter or digit.
func safeDeletions(rec *Record, items []report.Item, ruleIndex map[string]int, n int) ([]bool, [][]int) {
	fs := make([]rules.Finding, len(items))
	for i := range items {
		fs[i] = items[i].Finding
	}
	edits, _, _ := fix.Resolve(rec.Text, fs, false)
	var del []span
	for _, e := range edits {
		if deletes(e) {
			del = append(del, span{e.Start, e.End})
		}
	}
	byRule := make([][]int, n)
	for _, f := range fs {
		k, ok := ruleIndex[f.Rule]
		if !ok || !fix.Allowed(f.Fix, false) {
			continue
		}
		var ss []span
		for _, e := range f.Fix.Edits {
			if deletes(e) {
				ss = append(ss, span{e.Start, e.End})
			}
		}
		for li, c := range covered(rec.Lines, ss) {
			if c {
				byRule[k] = append(byRule[k], li)
			}
		}
	}
	return covered(rec.Lines, del), byRule
}

func deletes(e rules.Edit) bool {
	if e.End <= e.Start {
		return false
	}
	for _, r := range e.NewText {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// covered reports for each labeled line whether the spans cover at least half of
// its bytes. Overlapping spans are merged first, so no byte counts twice.
func covered(lines []Line, spans []span) []bool {
	out := make([]bool, len(lines))
	if len(spans) == 0 {
		return out
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].start < spans[j].start })
	merged := spans[:0:0]
	for _, s := range spans {
		if n := len(merged); n > 0 && s.start <= merged[n-1].end {
			merged[n-1].end = max(merged[n-1].end, s.end)
			continue
		}
		merged = append(merged, s)
	}
	k := 0
	for i, l := range lines {
		for k < len(merged) && merged[k].end <= l.Start {
			k++
		}
		n := 0
		for j := k; j < len(merged) && merged[j].start < l.End; j++ {
			n += min(l.End, merged[j].end) - max(l.Start, merged[j].start)
		}
		out[i] = l.End > l.Start && 2*n >= l.End-l.Start
	}
	return out
}

// scored reports whether a line enters the line metrics: only body and boilerplate
// lines do (title, notext, mixed and unknown are left out).
func scored(label string) bool { return label == LabelBody || label == LabelBoilerplate }

func score(rep *Report, results [][]recResult, rs []rules.Rule, worst int) {
	kindRows := map[string]*Row{}
	extRows := map[string]*Row{}
	var kindOrder, extOrder []string
	tails := map[string]*Tail{}
	var tailOrder []string
	ruleRows := make([]RuleRow, len(rs))
	for i, r := range rs {
		ruleRows[i].Rule = r.Meta().Name
	}
	var fps, fns []Example
	safeRows := map[string]*SafeRow{}

	// An extractor name found in several sources (the corpus's own converter runs
	// over several page sets) gets its source in brackets.
	sources := map[string]map[string]bool{}
	for _, grp := range results {
		for _, res := range grp {
			m := sources[res.rec.Extractor]
			if m == nil {
				m = map[string]bool{}
				sources[res.rec.Extractor] = m
			}
			m[res.rec.Source] = true
		}
	}

	for _, grp := range results {
		for _, res := range grp {
			rec := res.rec
			if rec.Flattened {
				continue
			}
			kr := kindRows[rec.Kind]
			if kr == nil {
				kr = &Row{Name: rec.Kind}
				kindRows[rec.Kind] = kr
				kindOrder = append(kindOrder, rec.Kind)
			}
			extName := rec.Extractor
			if len(sources[rec.Extractor]) > 1 {
				extName += " (" + rec.Source + ")"
			}
			er := extRows[extName]
			if er == nil {
				er = &Row{Name: extName, Kind: rec.Kind}
				extRows[extName] = er
				extOrder = append(extOrder, extName)
			}
			kr.Records++
			er.Records++
			var c Counts
			for i, l := range rec.Lines {
				if !scored(l.Label) {
					continue
				}
				pos := l.Label == LabelBoilerplate
				c.count(pos, res.cover[i])
				if res.cover[i] && !pos {
					fps = append(fps, example(res, i))
				}
				if !res.cover[i] && pos {
					fns = append(fns, example(res, i))
				}
			}
			kr.add(c)
			er.add(c)
			rep.Total.add(c)
			rep.Total.Records++
			for k, lines := range res.byRule {
				for _, li := range lines {
					switch rec.Lines[li].Label {
					case LabelBoilerplate:
						ruleRows[k].Boilerplate++
						if rec.Kind == KindArticle {
							ruleRows[k].ArticleBP++
						}
					case LabelBody:
						ruleRows[k].Body++
						if rec.Kind == KindArticle {
							ruleRows[k].ArticleBody++
						}
					}
				}
			}
			if rec.Kind == KindGroundTruth {
				rep.Clean.Records++
				for i, l := range rec.Lines {
					if l.Label == LabelBody {
						rep.Clean.BodyLines++
						if res.cover[i] {
							rep.Clean.Flagged++
						}
						if res.deleted[i] {
							rep.Clean.Deleted++
						}
					}
				}
			}
			sr := safeRows[rec.Kind]
			if sr == nil {
				sr = &SafeRow{Kind: rec.Kind}
				safeRows[rec.Kind] = sr
			}
			sr.Records++
			for i, l := range rec.Lines {
				switch l.Label {
				case LabelBody:
					sr.BodyLines++
					if res.deleted[i] {
						sr.Body++
					}
				case LabelBoilerplate:
					if res.deleted[i] {
						sr.Boilerplate++
					}
				}
			}
			for k, lines := range res.safeByRule {
				for _, li := range lines {
					switch rec.Lines[li].Label {
					case LabelBoilerplate:
						ruleRows[k].SafeBoilerplate++
					case LabelBody:
						ruleRows[k].SafeBody++
					}
				}
			}
			if truth, pred, ok := junkTail(rec, res.cover); ok {
				t := tails[rec.Kind]
				if t == nil {
					t = &Tail{Kind: rec.Kind}
					tails[rec.Kind] = t
					tailOrder = append(tailOrder, rec.Kind)
				}
				t.Records++
				t.count(truth, pred)
			}
		}
	}
	rep.Total.Name = "all"
	rep.Total.finish()
	sort.Strings(kindOrder)
	for _, k := range kindOrder {
		kindRows[k].finish()
		rep.Kinds = append(rep.Kinds, *kindRows[k])
	}
	sort.Slice(extOrder, func(i, j int) bool {
		a, b := extRows[extOrder[i]], extRows[extOrder[j]]
		if a.Kind != b.Kind {
			return a.Kind < b.Kind
		}
		return a.Name < b.Name
	})
	for _, e := range extOrder {
		extRows[e].finish()
		rep.Extractors = append(rep.Extractors, *extRows[e])
	}
	for i := range ruleRows {
		ruleRows[i].Precision = ratio(ruleRows[i].Boilerplate, ruleRows[i].Boilerplate+ruleRows[i].Body)
		ruleRows[i].ArticlePrecision = ratio(ruleRows[i].ArticleBP, ruleRows[i].ArticleBP+ruleRows[i].ArticleBody)
		ruleRows[i].SafePrecision = ratio(ruleRows[i].SafeBoilerplate, ruleRows[i].SafeBoilerplate+ruleRows[i].SafeBody)
	}
	rep.ByRule = ruleRows
	rep.Clean.Share = ratio(rep.Clean.Flagged, rep.Clean.BodyLines)
	rep.Clean.DeletedShare = ratio(rep.Clean.Deleted, rep.Clean.BodyLines)
	for _, k := range kindOrder {
		if sr := safeRows[k]; sr != nil {
			sr.Precision = ratio(sr.Boilerplate, sr.Boilerplate+sr.Body)
			sr.BodyShare = ratio(sr.Body, sr.BodyLines)
			rep.Safe = append(rep.Safe, *sr)
		}
	}
	sort.Strings(tailOrder)
	for _, k := range tailOrder {
		t := tails[k]
		t.Precision, t.Recall, t.F1 = t.Counts.Precision(), t.Counts.Recall(), t.Counts.F1()
		rep.JunkTail = append(rep.JunkTail, *t)
	}
	rep.WorstFP = pickWorst(fps, worst, func(a, b *Example) bool {
		// A confidently-body line is worse to delete, and a long one worse still.
		if a.Score != b.Score {
			return a.Score > b.Score
		}
		return len(a.Text) > len(b.Text)
	})
	rep.WorstFN = pickWorst(fns, worst, func(a, b *Example) bool {
		if a.Score != b.Score {
			return a.Score < b.Score
		}
		return len(a.Text) > len(b.Text)
	})
}

// junkTail decides the document-level junk tail of a record: the last three
// lines with text (any label but notext) are all boilerplate (truth), and findings
// cover each of them (prediction). ok is false for records with fewer than three
// lines with text.
func junkTail(rec *Record, cover []bool) (truth, pred, ok bool) {
	var last []int
	for i := len(rec.Lines) - 1; i >= 0 && len(last) < 3; i-- {
		if rec.Lines[i].Label != LabelNoText {
			last = append(last, i)
		}
	}
	if len(last) < 3 {
		return false, false, false
	}
	truth, pred = true, true
	for _, i := range last {
		truth = truth && rec.Lines[i].Label == LabelBoilerplate
		pred = pred && cover[i]
	}
	return truth, pred, true
}

func example(res recResult, i int) Example {
	rec := res.rec
	l := rec.Lines[i]
	ex := Example{
		Record:    rec.ID,
		Extractor: rec.Extractor,
		Kind:      rec.Kind,
		Line:      1 + strings.Count(rec.Text[:l.Start], "\n"),
		Label:     l.Label,
		Score:     l.Score,
		Text:      rec.Text[l.Start:l.End],
	}
	var names []string
	for _, it := range res.items {
		if it.Category == rules.Boilerplate && it.Start < l.End && it.End > l.Start {
			if ex.Message == "" {
				ex.Message = it.Message
			}
			if len(names) == 0 || names[len(names)-1] != it.Rule {
				names = append(names, it.Rule)
			}
		}
	}
	ex.Rules = strings.Join(names, ",")
	return ex
}

// pickWorst returns the n worst examples by less, at most two from one record so
// that one long page does not fill the list.
func pickWorst(exs []Example, n int, less func(a, b *Example) bool) []Example {
	sort.SliceStable(exs, func(i, j int) bool { return less(&exs[i], &exs[j]) })
	var out []Example
	per := map[string]int{}
	for _, ex := range exs {
		if len(out) >= n {
			break
		}
		if per[ex.Record] >= 2 {
			continue
		}
		per[ex.Record]++
		out = append(out, ex)
	}
	return out
}
