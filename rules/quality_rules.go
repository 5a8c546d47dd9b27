package rules

// qualityRules lists the built-in rules of the quality family, in the order
// `corpuslint rules` shows them.
func qualityRules() []Rule {
	return nil
}
