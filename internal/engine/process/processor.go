// Package process holds the steps findings pass through after the rules and before
// the reporters, in the manner of golangci-lint's result processors: each step is
// one type with one job, and adding a way to filter findings is adding a step, not
// editing the reporters. The order of the steps is engine.Setup's business.
package process

import "github.com/corpuslint/corpuslint/rules"

// Processor is one step of the chain. Process may reuse fs's array for what it
// returns.
type Processor interface {
	Name() string
	Process(doc *rules.Document, fs []rules.Finding) []rules.Finding
}
