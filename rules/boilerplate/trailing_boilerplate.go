package boilerplate

import (
	"github.com/corpuslint/corpuslint/rules"
	"github.com/corpuslint/corpuslint/rules/boilerplate/model"
)

// TrailingBoilerplate returns the trailing-boilerplate rule: footers, comment
// widgets, newsletter prompts and reference lists after the main text.
func TrailingBoilerplate() rules.Rule { return newRule(trailing, model.Builtin()) }
