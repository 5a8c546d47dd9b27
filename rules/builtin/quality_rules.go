package builtin

import (
	"github.com/corpuslint/corpuslint/rules"
	"github.com/corpuslint/corpuslint/rules/quality"
)

// qualityRules lists the built-in rules of the quality family, in the order
// `corpuslint rules` shows them: one rule per published filter, each reproducing
// datatrove's implementation with its default settings.
func qualityRules() []rules.Rule {
	return []rules.Rule{
		quality.GopherQuality(),
		quality.FineWebQuality(),
		quality.C4Quality(),
		quality.C4Lines(),
	}
}
