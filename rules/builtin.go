package rules

// Builtin returns the built-in rules, one explicit list (no init side effects), in
// the order `corpuslint rules` lists them.
func Builtin() []Rule {
	rs := []Rule{
		TrailingHeadlines(),
		BrokenQuotes(),
		StrayDash(),
		MissingAttribution(),
	}
	// Each rule family keeps its own explicit list in its own file.
	rs = append(rs, qualityRules()...)
	rs = append(rs, repetitionRules()...)
	rs = append(rs, encodingRules()...)
	rs = append(rs, markupRules()...)
	rs = append(rs, boilerplateRules()...)
	return rs
}
