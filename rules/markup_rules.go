package rules

// markupRules lists the built-in rules of the markup family, in the order
// `corpuslint rules` shows them.
func markupRules() []Rule {
	return nil
}
