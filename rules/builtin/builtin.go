package builtin

import (
	"github.com/corpuslint/corpuslint/rules"
	"github.com/corpuslint/corpuslint/rules/attribution"
	"github.com/corpuslint/corpuslint/rules/boilerplate"
	"github.com/corpuslint/corpuslint/rules/quotes"
	"github.com/corpuslint/corpuslint/rules/typography"
)

// Builtin returns the built-in rules, one explicit list (no init side effects), in
// the order `corpuslint rules` lists them.
func Builtin() []rules.Rule {
	rs := []rules.Rule{
		boilerplate.TrailingHeadlines(),
		quotes.BrokenQuotes(),
		typography.StrayDash(),
		attribution.MissingAttribution(),
	}
	// Each rule family keeps its own explicit list in its own file.
	rs = append(rs, qualityRules()...)
	rs = append(rs, repetitionRules()...)
	rs = append(rs, encodingRules()...)
	rs = append(rs, markupRules()...)
	rs = append(rs, boilerplateRules()...)
	return rs
}
