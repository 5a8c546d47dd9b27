package builtin

import (
	"github.com/corpuslint/corpuslint/rules"
	"github.com/corpuslint/corpuslint/rules/repetition"
)

// repetitionRules lists the built-in rules of the repetition family, in the order
// `corpuslint rules` shows them.
func repetitionRules() []rules.Rule {
	return []rules.Rule{
		repetition.RepeatedParagraph(),
		repetition.GopherRepetition(),
	}
}
