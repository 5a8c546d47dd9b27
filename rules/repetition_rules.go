package rules

// repetitionRules lists the built-in rules of the repetition family, in the order
// `corpuslint rules` shows them.
func repetitionRules() []Rule {
	return []Rule{
		RepeatedParagraph(),
		GopherRepetition(),
	}
}
