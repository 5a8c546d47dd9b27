// Package engine is corpuslint's pipeline: read documents, check them on all cores,
// run the findings through the processors, and hand the results to a sink in input
// order. Memory is bounded by the number of documents in flight, never by the
// corpus.
//
// Setup (setup.go) turns the resolved configuration into Options and holds the
// one ordered list of processors, whose steps live in package process. Run
// (run.go) is the pipeline, Checker (checker.go) checks one document, and
// observe.go is the first pass of the corpus rules.
package engine

import (
	"runtime"
	"sync"

	"github.com/corpuslint/corpuslint/internal/engine/process"
	"github.com/corpuslint/corpuslint/internal/fix"
	"github.com/corpuslint/corpuslint/internal/source"
	"github.com/corpuslint/corpuslint/report"
	"github.com/corpuslint/corpuslint/rules"
)

// Options configure a run.
type Options struct {
	// Rules are the rules to run, already selected and configured.
	Rules []rules.Rule
	// RulesFor, when set, picks the rule set for a document's file (per-path
	// configuration); Rules is then the set used to find corpus rules.
	RulesFor func(path string) []rules.Rule
	// Workers is the number of checking goroutines; 0 means one per core.
	Workers int
	// Source tells the readers which fields to read (the suppression field
	// included: the readers fill Doc.Ignore).
	Source source.Options
	// Fix computes each document's fixed text (for diffs and `fix`).
	Fix bool
	// UnsafeFixes lets the fix loop apply unsafe fixes too.
	UnsafeFixes bool
	// Scores collects the scores the rules record for every document, flagged
	// or not (rules.Pass.ReportScore), into report.Document.Scores: for
	// per-document statistics. Off, the rules' calls do nothing.
	Scores bool
	// Processors run over each document's findings after the rules, in order;
	// Setup builds the list. Run adds none of its own.
	Processors []process.Processor
	// Notice, when set, receives one-line notices about the run (a stream too
	// long to hold for the corpus rules' first pass).
	Notice func(string)
	// OnCheck, when set, is called as the checking pass starts, after the
	// corpus rules' first pass (if any): a progress bar starts its second pass.
	OnCheck func()
}

// Result is one item of the output stream: a checked document or an input error.
type Result struct {
	// Item is what the reader yielded (the document, or the error, with the raw
	// record for JSONL).
	Item source.Item
	// Report is the document as reporters see it; nil for an error.
	Report *report.Document
	// Fix is the outcome of the fix loop when Options.Fix is set.
	Fix *fix.Result
	// unpace ends the collector's pacing for a large document (paceFor)
	// once its report is written: the report of a document with many
	// findings is as large again.
	unpace func()
}

// batchDocs and batchBytes bound a unit of work: batching small documents keeps the
// channel overhead off the hot path, and the byte bound keeps memory flat.
const (
	batchDocs  = 64
	batchBytes = 1 << 20
)

type batch struct {
	items   []source.Item
	results []Result
	done    chan struct{}
}

// Run reads files, checks every document and calls sink with each result in input
// order. It stops early when sink returns an error and returns that error.
func Run(files []string, opt Options, sink func(*Result) error) error {
	if opt.Workers <= 0 {
		opt.Workers = runtime.GOMAXPROCS(0)
	}
	ins := plainInputs(files)
	if len(CorpusRules(opt.Rules)) > 0 {
		// Two passes: streams are copied first, so that both read the same.
		notice := opt.Notice
		if notice == nil {
			notice = func(string) {}
		}
		limit := opt.Source.MaxRecordSize
		if limit <= 0 {
			limit = source.DefaultMaxRecordSize
		}
		var cleanup func()
		var err error
		if ins, cleanup, err = spoolInputs(files, limit, notice); err != nil {
			return err
		}
		defer cleanup()
	}
	corpus, err := observe(ins, opt)
	if err != nil {
		return err
	}
	checker := NewChecker(opt, corpus)
	if opt.OnCheck != nil {
		opt.OnCheck()
	}
	return pipeline(ins, opt, func(b *batch) {
		b.results = make([]Result, len(b.items))
		for i, it := range b.items {
			b.results[i].Item = it
			if it.Doc != nil {
				b.results[i].unpace = paceFor(len(it.Doc.Text))
				b.results[i].Report, b.results[i].Fix = checker.Check(it.Doc)
			}
		}
	}, func(b *batch) error {
		var err error
		for i := range b.results {
			if err == nil {
				err = sink(&b.results[i])
			}
			if u := b.results[i].unpace; u != nil {
				u()
			}
		}
		return err
	})
}

// pipeline streams the items of files in batches through work on opt.Workers
// goroutines and through emit in input order. A bounded queue of batches in flight
// keeps memory flat whatever the input size.
func pipeline(files []*input, opt Options, work func(*batch), emit func(*batch) error) error {
	jobs := make(chan *batch, opt.Workers)
	order := make(chan *batch, 2*opt.Workers)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for range opt.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for b := range jobs {
				work(b)
				close(b.done)
			}
		}()
	}
	go func() {
		defer close(order)
		defer close(jobs)
		cur := &batch{done: make(chan struct{})}
		size := 0
		send := func() bool {
			select {
			case order <- cur:
			case <-stop:
				return false
			}
			jobs <- cur
			cur = &batch{done: make(chan struct{})}
			size = 0
			return true
		}
		for _, f := range files {
			ok := true
			f.read(opt.Source, func(it source.Item) bool {
				cur.items = append(cur.items, it)
				if it.Doc != nil {
					size += len(it.Doc.Text)
				}
				if len(cur.items) >= batchDocs || size >= batchBytes {
					ok = send()
				}
				return ok
			})
			if !ok {
				return
			}
		}
		if len(cur.items) > 0 {
			send()
		}
	}()
	var err error
	for b := range order {
		<-b.done
		if err == nil {
			if err = emit(b); err != nil {
				close(stop)
			}
		}
	}
	wg.Wait()
	return err
}
