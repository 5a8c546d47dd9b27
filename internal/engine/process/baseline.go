package process

import (
	"github.com/corpuslint/corpuslint/internal/baseline"
	"github.com/corpuslint/corpuslint/rules"
)

// Baseline drops the findings a baseline file recorded: an adapter over
// internal/baseline, which knows the keys and counts and nothing of this chain.
type Baseline struct {
	B *baseline.Baseline
}

// Name implements Processor.
func (Baseline) Name() string { return "baseline" }

// Process implements Processor.
func (p Baseline) Process(doc *rules.Document, fs []rules.Finding) []rules.Finding {
	return p.B.Filter(doc, fs)
}
