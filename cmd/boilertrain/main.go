// Command boilertrain trains the boilerplate model of the block boilerplate rules
// (leading-boilerplate, trailing-boilerplate, inline-boilerplate) on the dev split
// of the shared corpus and writes it as reviewable data (JSON, one tree a line) to
// rules/boilerplate/model/weights.json, which the model package embeds; `go generate
// ./rules/boilerplate/model` reruns it. Anyone can rerun it; it is deterministic.
//
//	go run ./cmd/boilertrain        # train on every dev page, write the weights
//	go run ./cmd/boilertrain -cv    # 2-fold cross-validation by page, no writing
//
// The model has two stages (stacked sequential learning): the line stage reads
// the features of a line and its neighbours; the context stage reads them plus the
// line stage's probabilities for the neighbours and the whole document. The context
// stage trains on out-of-fold line-stage probabilities (each half of the pages
// scored by a line stage trained on the other half), so that it learns how far to
// trust them on unseen pages.
//
// With -cv it trains on the pages of one half (by a hash of doc_id, as
// `corpuslint eval --fold` splits them) and runs the whole boilerplate rule set,
// with that model, on the other half through the same evaluation as
// `corpuslint eval`, then swaps the halves: the figures are on pages the model never
// saw.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime/pprof"
	"sort"
	"strconv"
	"strings"

	"github.com/corpuslint/corpuslint/internal/engine"
	"github.com/corpuslint/corpuslint/internal/eval"
	"github.com/corpuslint/corpuslint/rules"
	"github.com/corpuslint/corpuslint/rules/boilerplate"
	"github.com/corpuslint/corpuslint/rules/boilerplate/model"
)

func main() {
	var (
		corpus = flag.String("corpus", "../shared/corpus", "folder of the labeled dev files")
		files  = flag.String("labels", "aeb-dev.jsonl,readability-dev.jsonl,trafilatura-eval-dev.jsonl", "labeled files in -corpus, comma separated")
		out    = flag.String("o", "rules/boilerplate/model/weights.json", "where to write the model")
		cv     = flag.Bool("cv", false, "cross-validate by page and print the evaluation instead of writing the model")
		folds  = flag.Int("folds", 2, "with -cv: number of folds (pages grouped by site)")
		ruleOp = flag.String("rule-opts", "", "with -cv: rule options to try, as rule.option=value,... (e.g. trailing-boilerplate.threshold=0.4)")
		evalOn = flag.String("eval", "aeb-dev.jsonl,readability-dev.jsonl", "with -cv: the files whose held-out pages are evaluated")
		dump   = flag.String("dump", "", "with -cv: write every held-out line with its probability to this TSV file")
		quiet  = flag.Bool("q", false, "print no training progress")
		prof   = flag.String("cpuprofile", "", "write a CPU profile to this file")
		kinds  = flag.String("kind", "", "with -cv: evaluate only these extractor kinds, comma separated")
		worst  = flag.Int("worst", 10, "with -cv: how many worst mistakes to show")
		cache  = flag.String("cvcache", "", "with -cv: keep the fold models as JSON in this folder and reuse them (for trying rule changes)")
		tails  = flag.String("tails", "", "with -cv: write per-record counts and the held-out article records with a true or predicted junk tail, with their last lines, to this file")
		lines  = flag.String("lines", "", "with -cv: write every held-out scored line with whether the rules flag it to this TSV file")
		show   = flag.String("show", "", "with -tails: also write every line of the records whose id contains this")
		split  = flag.String("split", "", "the site split of the dev pages (testdata/eval/site-split.tsv): train and cross-validate on the -part sites only")
		part   = flag.String("part", "tune", "with -split: the part to use")
	)
	p := defaultParams
	flag.IntVar(&p.Trees, "trees", p.Trees, "boosting rounds")
	flag.IntVar(&p.Depth, "depth", p.Depth, "maximum tree depth")
	flag.Float64Var(&p.Rate, "rate", p.Rate, "learning rate")
	flag.Float64Var(&p.MinHess, "min-hess", p.MinHess, "minimum hessian on each side of a split")
	flag.Parse()
	if *prof != "" {
		f, err := os.Create(*prof)
		if err != nil {
			fail(err)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			fail(err)
		}
		defer pprof.StopCPUProfile()
	}
	logf := func(format string, args ...any) {
		if !*quiet {
			fmt.Fprintf(os.Stderr, format+"\n", args...)
		}
	}
	var recs []*eval.Record
	var used []string
	for _, f := range strings.Split(*files, ",") {
		path := filepath.Join(*corpus, strings.TrimSpace(f))
		rr, err := eval.Load(path)
		if err != nil {
			fail(err)
		}
		recs = append(recs, rr...)
		used = append(used, filepath.Base(path))
	}
	if *split != "" {
		sites, err := eval.ReadSplit(*split, *part)
		if err != nil {
			fail(err)
		}
		kept := recs[:0]
		for _, r := range recs {
			if sites[eval.Site(r)] {
				kept = append(kept, r)
			}
		}
		logf("%s: %d of %d records are on the %d sites of the %s part", *split, len(kept), len(recs), len(sites), *part)
		recs = kept
		for i := range used {
			used[i] += " (" + *part + " part)"
		}
	}
	if *cv {
		evalFiles := map[string]bool{}
		for _, f := range strings.Split(*evalOn, ",") {
			evalFiles[filepath.Join(*corpus, strings.TrimSpace(f))] = true
		}
		var ks []string
		if *kinds != "" {
			ks = strings.Split(*kinds, ",")
		}
		if *folds < 2 {
			fail(fmt.Errorf("-folds %d: need at least 2", *folds))
		}
		configure = func(rs []rules.Rule) []rules.Rule { return configureRules(rs, *ruleOp) }
		crossValidate(recs, evalFiles, p, *folds, *dump, *cache, *tails, *show, *lines, ks, *worst, logf)
		return
	}
	docs := buildDocs(recs, kindWeight)
	m := fit(docs, p, logf)
	src, err := source(m, used, docs, p)
	if err != nil {
		fail(err)
	}
	if err := os.WriteFile(*out, src, 0o644); err != nil {
		fail(err)
	}
	logf("wrote %s: %d + %d trees", *out, len(m.Line.Roots), len(m.Context.Roots))
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "boilertrain:", err)
	os.Exit(1)
}

// defaultParams are the boosting parameters of the shipped model.
var defaultParams = params{Trees: 150, Depth: 4, Rate: 0.1, Lambda: 1, MinHess: 5, MaxBins: 64, Subsample: 1}

// kindWeight balances the extractor kinds: whole-page outputs have ten times the
// lines of article outputs, where mistakes cost the most.
var kindWeight = map[string]float64{"article": 3, "ground_truth": 3, "article_markdown": 1.5}

// fit trains both stages on docs.
func fit(docs []*docData, p params, logf func(string, ...any)) *model.Model {
	nf := len(boilerplate.FeatureNames())
	stage1 := func(ds []*docData) *model.Trees {
		d := gather(ds, nf, func(doc *docData) []float32 { return doc.x })
		if d.n == 0 {
			fail(fmt.Errorf("no training lines"))
		}
		d.binFeatures(p.MaxBins)
		logf("line stage: %d lines", d.n)
		return train(d, p, boilerplate.FeatureNames(), logf)
	}
	// Out-of-fold first-stage probabilities for the context stage.
	var halves [2][]*docData
	for _, doc := range docs {
		h := half(eval.Site(doc.rec))
		halves[h] = append(halves[h], doc)
	}
	p1 := map[*docData][]float64{}
	for h := 0; h < 2; h++ {
		m := stage1(halves[1-h])
		for _, doc := range halves[h] {
			p1[doc] = scoreAll(m, doc.x, nf)
		}
	}
	nc := len(boilerplate.ContextNames())
	d2 := gather(docs, nc, func(doc *docData) []float32 { return boilerplate.ContextFeatures(doc.x, p1[doc]) })
	d2.binFeatures(p.MaxBins)
	logf("context stage: %d lines", d2.n)
	ctx := train(d2, p, boilerplate.ContextNames(), logf)
	line := stage1(docs)
	return &model.Model{Line: *line, Context: *ctx}
}

// cachedFit returns the model of fold from the cache folder, or trains it and
// stores it there.
func cachedFit(dir string, fold, folds int, train func() *model.Model) *model.Model {
	if dir == "" {
		return train()
	}
	name := fmt.Sprintf("fold%d.json", fold)
	if folds != 2 {
		// Two-fold caches keep their old names.
		name = fmt.Sprintf("fold%dof%d.json", fold, folds)
	}
	path := filepath.Join(dir, name)
	if b, err := os.ReadFile(path); err == nil {
		var m model.Model
		if err := json.Unmarshal(b, &m); err == nil {
			return &m
		}
	}
	m := train()
	if b, err := json.Marshal(m); err == nil {
		_ = os.MkdirAll(dir, 0o755)
		_ = os.WriteFile(path, b, 0o644)
	}
	return m
}

func scoreAll(m *model.Trees, x []float32, nf int) []float64 {
	n := len(x) / nf
	p := make([]float64, n)
	for i := 0; i < n; i++ {
		p[i] = m.Score(x[i*nf : (i+1)*nf])
	}
	return p
}

func crossValidate(recs []*eval.Record, evalFiles map[string]bool, p params, folds int, dump, cache, tails, show, lines string, kinds []string, worst int, logf func(string, ...any)) {
	var lineOut io.Writer
	if lines != "" {
		f, err := os.Create(lines)
		if err != nil {
			fail(err)
		}
		defer f.Close()
		lineOut = f
	}
	var tsv *os.File
	if dump != "" {
		var err error
		if tsv, err = os.Create(dump); err != nil {
			fail(err)
		}
		defer tsv.Close()
	}
	var tailOut *os.File
	if tails != "" {
		var err error
		if tailOut, err = os.Create(tails); err != nil {
			fail(err)
		}
		defer tailOut.Close()
	}
	var reps []*eval.Report
	for fold := 1; fold <= folds; fold++ {
		var tr, te, batch []*eval.Record
		for _, r := range recs {
			switch {
			case !eval.InFold(eval.Site(r), fold, folds):
				tr = append(tr, r)
			case evalFiles[r.File]:
				te = append(te, r)
			}
			if evalFiles[r.File] {
				batch = append(batch, r)
			}
		}
		m := cachedFit(cache, fold, folds, func() *model.Model { return fit(buildDocs(tr, kindWeight), p, logf) })
		if err := boilerplate.CheckModel(m); err != nil {
			fail(err)
		}
		if tsv != nil {
			lineReport(m, buildDocs(te, nil), fold, tsv)
		}
		rs := configure(append([]rules.Rule{boilerplate.TrailingHeadlines(), boilerplate.RepeatedLine()}, boilerplate.RulesWith(m)...))
		// Score the held-out pages, in batches of every page (repeated-line's first
		// pass reads no label; a test batch is of full size too).
		if tailOut != nil {
			tailReport(tailOut, m, rs, batch, te, fold, show)
		}
		rep := eval.Evaluate(batch, eval.Options{Rules: rs, Worst: worst, Fold: fold, Folds: folds, Kinds: kinds, Lines: lineOut})
		rep.Fold = fmt.Sprintf("pages of fold %d/%d (by site), model trained on the other sites", fold, folds)
		if err := eval.WriteTable(os.Stdout, rep); err != nil {
			fail(err)
		}
		reps = append(reps, rep)
	}
	writePooled(os.Stdout, reps)
}

// lineReport prints the model's line-level precision and recall by kind on
// held-out records at a few thresholds, and writes the lines to tsv.
func lineReport(m *model.Model, docs []*docData, fold int, tsv *os.File) {
	type cell struct{ tp, fp, fn int }
	ths := []float64{0.3, 0.5, 0.7, 0.8, 0.9, 0.95, 0.98}
	stats := map[string][]cell{}
	nf := len(boilerplate.FeatureNames())
	for _, doc := range docs {
		prob := boilerplate.Predict(m, doc.x)
		c := stats[doc.rec.Kind]
		if c == nil {
			c = make([]cell, len(ths))
			stats[doc.rec.Kind] = c
		}
		for k, r := range doc.rows {
			pos := doc.y[k] > 0
			for t, th := range ths {
				pred := prob[r] >= th
				switch {
				case pos && pred:
					c[t].tp++
				case pred:
					c[t].fp++
				case pos:
					c[t].fn++
				}
			}
			if tsv != nil {
				s := doc.samples[k]
				x := doc.x[r*nf : (r+1)*nf]
				var xs []string
				for _, v := range x {
					xs = append(xs, strconv.FormatFloat(float64(v), 'g', 4, 32))
				}
				fmt.Fprintf(tsv, "%d\t%s\t%s\t%s\t%d\t%s\t%.4f\t%g\t%s\t%s\n", fold, s.kind, s.extractor, s.id, s.line+1, s.label,
					prob[r], x[boilerplate.FeatureIndex("running text")], strings.Join(xs, ","), strings.ReplaceAll(s.text, "\t", " "))
			}
		}
	}
	var kinds []string
	for k := range stats {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	fmt.Printf("fold %d held out: line-level precision/recall of the model alone, by threshold\n", fold)
	for _, k := range kinds {
		fmt.Printf("  %-18s", k)
		for t, th := range ths {
			c := stats[k][t]
			fmt.Printf(" %.2f:%.3f/%.3f", th, ratio(c.tp, c.tp+c.fp), ratio(c.tp, c.tp+c.fn))
		}
		fmt.Println()
	}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return math.NaN()
	}
	return float64(a) / float64(b)
}

// source renders the model as the JSON the model package embeds, with what it
// was trained on.
func source(m *model.Model, files []string, docs []*docData, p params) ([]byte, error) {
	lines := 0
	for _, d := range docs {
		lines += len(d.rows)
	}
	about := fmt.Sprintf("trained on %d labeled lines of %d records of %s (each stage: %d trees of depth %d at most, learning rate %g, L2 %g, minimum hessian %g; kind weights %s)",
		lines, len(docs), strings.Join(files, ", "), p.Trees, p.Depth, p.Rate, p.Lambda, p.MinHess, weights())
	return model.Marshal(m, about)
}

func weights() string {
	var ks []string
	for k := range kindWeight {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	for i, k := range ks {
		ks[i] = fmt.Sprintf("%s %g", k, kindWeight[k])
	}
	return strings.Join(ks, ", ")
}

// tailReport writes a line of counts for every held-out record ("## kind fold id
// tp N fp N fn N", to find the pages the misses come from), and for every article
// record whose last three lines with text are all boilerplate or are all flagged,
// the decision (TP, FP, FN) and its last lines with label, probability, whether
// findings cover them (F) and text: what -tails reads to see which junk tails the
// rules miss and why. Records whose id contains showID are printed whole.
func tailReport(w io.Writer, m *model.Model, rs []rules.Rule, batch, te []*eval.Record, fold int, showID string) {
	// Each extractor's records are one batch, as eval checks them.
	groups := map[string][]*rules.Document{}
	for _, r := range batch {
		groups[r.File+"\x00"+r.Extractor] = append(groups[r.File+"\x00"+r.Extractor], r.Document())
	}
	checkers := map[string]*engine.Checker{}
	for k, docs := range groups {
		checkers[k] = engine.NewChecker(engine.Options{Rules: rs}, engine.ObserveDocuments(rs, docs))
	}
	for _, rec := range te {
		if rec.Flattened {
			continue
		}
		rd, _ := checkers[rec.File+"\x00"+rec.Extractor].Check(rec.Document())
		cover := make([]bool, len(rec.Lines))
		for i, l := range rec.Lines {
			n := 0
			for _, it := range rd.Findings {
				if it.Category == rules.Boilerplate && it.Start < l.End && it.End > l.Start {
					n += min(l.End, it.End) - max(l.Start, it.Start)
				}
			}
			cover[i] = l.End > l.Start && 2*n >= l.End-l.Start
		}
		var tp, fp, fn int
		for i, l := range rec.Lines {
			switch {
			case l.Label == eval.LabelBoilerplate && cover[i]:
				tp++
			case l.Label == eval.LabelBody && cover[i]:
				fp++
			case l.Label == eval.LabelBoilerplate:
				fn++
			}
		}
		fmt.Fprintf(w, "## %s %d %s tp %d fp %d fn %d\n", rec.Kind, fold, rec.ID, tp, fp, fn)
		show := showID != "" && strings.Contains(rec.ID, showID)
		if !show && (rec.Kind != eval.KindArticle || len(rec.Lines) < 3) {
			continue
		}
		var last []int
		for i := len(rec.Lines) - 1; i >= 0 && len(last) < 3; i-- {
			if rec.Lines[i].Label != eval.LabelNoText {
				last = append(last, i)
			}
		}
		if len(last) < 3 {
			continue
		}
		truth, pred := true, true
		for _, i := range last {
			truth = truth && rec.Lines[i].Label == eval.LabelBoilerplate
			pred = pred && cover[i]
		}
		if !truth && !pred && !show {
			continue
		}
		status := map[[2]bool]string{{true, true}: "TP", {false, true}: "FP", {true, false}: "FN"}[[2]bool{truth, pred}]
		lines, x := boilerplate.Features(rec.Text)
		prob := boilerplate.Predict(m, x)
		row := map[int]int{}
		for k, l := range lines {
			row[l] = k
		}
		fmt.Fprintf(w, "== %s fold %d %s\n", status, fold, rec.ID)
		lineNo, at := 0, 0
		var outs []string
		for i, l := range rec.Lines {
			lineNo += strings.Count(rec.Text[at:l.Start], "\n")
			at = l.Start
			p := -1.0
			if k, ok := row[lineNo]; ok {
				p = prob[k]
			}
			c := " "
			if cover[i] {
				c = "F"
			}
			t := rec.Text[l.Start:l.End]
			if len(t) > 110 {
				t = t[:110]
			}
			outs = append(outs, fmt.Sprintf("  %-4.4s %s %.2f %s", l.Label, c, p, t))
		}
		if show {
			outs = append([]string{"ALL"}, outs...)
		} else {
			outs = outs[max(0, len(outs)-9):]
		}
		for _, s := range outs {
			fmt.Fprintln(w, s)
		}
	}
}

// writePooled prints the held-out figures of every fold summed: line counts by
// extractor kind, the clean ground-truth share and the junk-tail decision.
func writePooled(w io.Writer, reps []*eval.Report) {
	lines := map[string]*eval.Counts{}
	tails := map[string]*eval.Counts{}
	var order []string
	var clean eval.Clean
	for _, rep := range reps {
		for _, row := range rep.Kinds {
			if lines[row.Name] == nil {
				lines[row.Name], tails[row.Name] = &eval.Counts{}, &eval.Counts{}
				order = append(order, row.Name)
			}
			c := lines[row.Name]
			c.TP, c.FP, c.FN, c.TN = c.TP+row.TP, c.FP+row.FP, c.FN+row.FN, c.TN+row.TN
		}
		for _, t := range rep.JunkTail {
			if c := tails[t.Kind]; c != nil {
				c.TP, c.FP, c.FN, c.TN = c.TP+t.TP, c.FP+t.FP, c.FN+t.FN, c.TN+t.TN
			}
		}
		clean.Records += rep.Clean.Records
		clean.BodyLines += rep.Clean.BodyLines
		clean.Flagged += rep.Clean.Flagged
	}
	fmt.Fprintf(w, "\nPooled over %d folds (held-out pages only)\n", len(reps))
	fmt.Fprintf(w, "%-18s %9s %9s %9s %9s %9s\n", "kind", "line P", "line R", "tail P", "tail R", "tail F1")
	for _, k := range order {
		l, t := lines[k], tails[k]
		fmt.Fprintf(w, "%-18s %9.3f %9.3f %9.3f %9.3f %9.3f\n", k, l.Precision(), l.Recall(), t.Precision(), t.Recall(), t.F1())
	}
	fmt.Fprintf(w, "ground_truth body lines flagged: %d of %d (%.2f%%)\n", clean.Flagged, clean.BodyLines, 100*ratio(clean.Flagged, clean.BodyLines))
}

// configure applies -rule-opts to the rules a cross-validation runs.
var configure = func(rs []rules.Rule) []rules.Rule { return rs }

// configureRules sets options given as rule.option=value,... on the rules named.
func configureRules(rs []rules.Rule, spec string) []rules.Rule {
	if spec == "" {
		return rs
	}
	opts := map[string]map[string]any{}
	for _, kv := range strings.Split(spec, ",") {
		key, val, ok := strings.Cut(strings.TrimSpace(kv), "=")
		rule, opt, ok2 := strings.Cut(key, ".")
		f, err := strconv.ParseFloat(val, 64)
		if !ok || !ok2 || err != nil {
			fail(fmt.Errorf("-rule-opts: %q is not rule.option=number", kv))
		}
		if opts[rule] == nil {
			opts[rule] = map[string]any{}
		}
		opts[rule][opt] = f
	}
	out := make([]rules.Rule, len(rs))
	for i, r := range rs {
		out[i] = r
		o := opts[r.Meta().Name]
		if o == nil {
			continue
		}
		c, ok := r.(rules.Configurable)
		if !ok {
			fail(fmt.Errorf("-rule-opts: %s takes no options", r.Meta().Name))
		}
		nr, err := c.Configure(o)
		if err != nil {
			fail(err)
		}
		out[i] = nr
	}
	return out
}
