package engine

import (
	"github.com/corpuslint/corpuslint/internal/baseline"
	"github.com/corpuslint/corpuslint/internal/config"
	"github.com/corpuslint/corpuslint/internal/engine/process"
	"github.com/corpuslint/corpuslint/internal/source"
)

// Setup returns the options of a run configured by res (which holds the rules of
// the registry it was resolved against, built-in, extra and custom): the selected
// rules and the per-path rule sets, what the readers read, and the one ordered
// list of processors. base is the baseline whose findings are dropped, nil for
// none (the baseline command records findings and must not hide them).
//
// The caller adds what is not configuration: Workers, Fix and UnsafeFixes. Run
// and a Checker used on its own (beam) get the same chain from here; nothing
// else lists processors.
func Setup(res *config.Resolved, base *baseline.Baseline) Options {
	return Options{
		Rules:    res.Rules,
		RulesFor: res.RulesFor,
		Source: source.Options{
			TextField:      res.Input.TextField,
			IDField:        res.Input.IDField,
			URLField:       res.Input.URLField,
			SuppressField:  res.Input.SuppressField,
			MaxRecordSize:  res.Input.MaxRecordSize,
			MaxRecordLines: res.Input.MaxRecordLines,
			VerifyDigests:  res.Input.VerifyDigests,
		},
		Processors: processors(res, base),
	}
}

// processors is the chain findings pass through after the rules, in order (the
// list golangci-lint keeps in pkg/lint/runner.go NewRunner). The fix loop runs it
// again on every pass, so each step sees fixed text as it sees the original.
func processors(res *config.Resolved, base *baseline.Baseline) []process.Processor {
	ps := []process.Processor{
		// First: it changes findings and drops none, so every later step, the
		// fix loop's re-checks and the sinks (--fail-on) see the configured
		// severities. A step that ever filters by severity must come after it.
		process.Severity{For: res.SeverityFor},

		// Before any other filter: one map look-up drops a whole document the
		// configuration names, and the steps below then have nothing to do.
		process.IgnoreIDs(res.IgnoreIDs),

		// The record's own ignore list (Doc.Ignore). With ignore-ids, before
		// baseline and supersede: a suppressed finding is as if never reported,
		// so it must not absorb others into its message nor use up a baseline
		// entry.
		process.RecordSuppression{},

		// After the filters, on what is left: a finding wholly inside another's
		// safe deletion is folded into that finding's message. It takes findings
		// in the order the rules reported them (ties go to the earlier one), so
		// it must run before sort.
		process.Supersede{},
	}
	if base != nil {
		// After supersede (DESIGN.md "After the rules: one pipeline"): the
		// baseline command records what supersede left, so lint must compare
		// the same thing. Before it, a recorded deletion would be dropped
		// first and the findings folded into it would come back as new (the
		// seed's 16 stray-dash findings). A new finding inside a recorded
		// deletion stays folded into it: fixing that deletion removes it.
		// Before group: the baseline holds single findings, so a new finding
		// of a known group is new.
		ps = append(ps, process.Baseline{B: base})
	}
	ps = append(ps,
		// Last: output ordered by position, then rule name, whatever order the
		// rules ran in and whatever the steps before did to it.
		process.Sort{},
	)
	if !res.Ungrouped {
		// A presentation step: it runs after the others, on sorted findings,
		// and the fix loop does not see it (each member's fix resolves on its
		// own). After baseline, so that the baseline holds single findings and
		// a new one in a known group is new.
		ps = append(ps, process.Group{Rules: groupedRules(res)})
	}
	return ps
}

// groupedRules returns the names of the rules whose findings group: of the
// registry, which holds the rules of every per-path set too.
func groupedRules(res *config.Resolved) map[string]bool {
	all := res.Rules
	if res.Registry != nil {
		all = res.Registry.All()
	}
	m := map[string]bool{}
	for _, r := range all {
		if r.Meta().Grouped {
			m[r.Meta().Name] = true
		}
	}
	return m
}
