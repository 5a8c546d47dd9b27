package rules

// boilerplateRules lists the built-in rules of the boilerplate family, in the order
// `corpuslint rules` shows them.
func boilerplateRules() []Rule {
	return nil
}
