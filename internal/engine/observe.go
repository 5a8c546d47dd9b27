package engine

import (
	"sync"

	"github.com/corpuslint/corpuslint/rules"
	"github.com/corpuslint/corpuslint/rules/text"
)

// observe runs the first pass of the corpus rules over files and returns their
// merged states, or nil when no corpus rule is selected. A stream that could not
// be copied whole (spoolInputs) is left out: corpus rules see nothing from it.
func observe(files []*input, opt Options) (map[string]rules.CorpusState, error) {
	crs := CorpusRules(opt.Rules)
	if len(crs) == 0 {
		return nil, nil
	}
	var readable []*input
	for _, f := range files {
		if f.observed() {
			readable = append(readable, f)
		}
	}
	// One state per rule per batch, merged in input order as batches come back, so
	// the result does not depend on scheduling.
	merged := map[string]rules.CorpusState{}
	for _, cr := range crs {
		merged[cr.Meta().Name] = cr.NewState()
	}
	type partial struct{ states map[string]rules.CorpusState }
	parts := map[*batch]partial{}
	var mu sync.Mutex
	// Observing needs the documents only, not a copy of each record.
	opt.Source.NoRaw = true
	err := pipeline(readable, opt, func(b *batch) {
		p := partial{states: map[string]rules.CorpusState{}}
		for _, cr := range crs {
			st := cr.NewState()
			for _, it := range b.items {
				if it.Doc != nil {
					a := text.NewAnalysis(it.Doc.Text)
					st.Observe(it.Doc, a)
					a.Release()
				}
			}
			p.states[cr.Meta().Name] = st
		}
		mu.Lock()
		parts[b] = p
		mu.Unlock()
	}, func(b *batch) error {
		mu.Lock()
		p := parts[b]
		delete(parts, b)
		mu.Unlock()
		for name, st := range p.states {
			merged[name].Merge(st)
		}
		return nil
	})
	return merged, err
}

// ObserveDocuments runs the first pass of the corpus rules among rs over docs held
// in memory and returns their states, ready for NewChecker (nil when rs has no
// corpus rule). Evaluations and distributed runners use it; files go through Run.
func ObserveDocuments(rs []rules.Rule, docs []*rules.Document) map[string]rules.CorpusState {
	var out map[string]rules.CorpusState
	for _, cr := range CorpusRules(rs) {
		if out == nil {
			out = map[string]rules.CorpusState{}
		}
		st := cr.NewState()
		for _, d := range docs {
			st.Observe(d, text.NewAnalysis(d.Text))
		}
		out[cr.Meta().Name] = st
	}
	return out
}

// CorpusRules returns the corpus rules among rs, in order (nil when there are
// none): the rules that need the first pass over the corpus.
func CorpusRules(rs []rules.Rule) []rules.CorpusRule {
	var out []rules.CorpusRule
	for _, r := range rs {
		if cr, ok := r.(rules.CorpusRule); ok {
			out = append(out, cr)
		}
	}
	return out
}
