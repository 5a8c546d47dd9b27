package rules

// encodingRules lists the built-in rules of the encoding family, in the order
// `corpuslint rules` shows them.
func encodingRules() []Rule {
	return []Rule{
		Mojibake(),
		ReplacementCharacter(),
		ControlCharacters(),
		InvisibleCharacters(),
		SoftHyphen(),
		NonbreakingSpace(),
		MixedLineEndings(),
	}
}
