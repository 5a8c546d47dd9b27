package builtin

import (
	"github.com/corpuslint/corpuslint/rules"
	"github.com/corpuslint/corpuslint/rules/boilerplate"
)

// boilerplateRules lists the built-in rules of the boilerplate family beyond
// trailing-headlines, in the order `corpuslint rules` shows them: the blocks
// around the main text, the furniture inside it, then the lines a batch repeats.
func boilerplateRules() []rules.Rule {
	return []rules.Rule{
		boilerplate.LeadingBoilerplate(),
		boilerplate.TrailingBoilerplate(),
		boilerplate.InlineBoilerplate(),
		boilerplate.RepeatedLine(),
	}
}
