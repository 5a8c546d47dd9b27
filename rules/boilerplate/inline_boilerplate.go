package boilerplate

import (
	"github.com/corpuslint/corpuslint/rules"
	"github.com/corpuslint/corpuslint/rules/boilerplate/model"
)

// InlineBoilerplate returns the inline-boilerplate rule: advertisement labels,
// photo credits, share prompts and "Read more" lines inside the main text.
func InlineBoilerplate() rules.Rule { return newRule(inner, model.Builtin()) }
