package rules

// boilerplateRules lists the built-in rules of the boilerplate family beyond
// trailing-headlines, in the order `corpuslint rules` shows them.
func boilerplateRules() []Rule {
	return []Rule{RepeatedLine()}
}
