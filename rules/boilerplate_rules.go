package rules

// boilerplateRules lists the built-in rules of the boilerplate family beyond
// trailing-headlines, in the order `corpuslint rules` shows them: the blocks
// around the main text, the furniture inside it, then the lines a batch repeats.
func boilerplateRules() []Rule {
	return []Rule{
		LeadingBoilerplate(),
		TrailingBoilerplate(),
		InlineBoilerplate(),
		RepeatedLine(),
	}
}
