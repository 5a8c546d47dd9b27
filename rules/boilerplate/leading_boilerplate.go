package boilerplate

import (
	"github.com/corpuslint/corpuslint/rules"
	"github.com/corpuslint/corpuslint/rules/boilerplate/model"
)

// LeadingBoilerplate returns the leading-boilerplate rule: navigation, bylines,
// share bars and banners before the main text.
func LeadingBoilerplate() rules.Rule { return newRule(leading, model.Builtin()) }
