package rules

// qualityRules lists the built-in rules of the quality family, in the order
// `corpuslint rules` shows them: one rule per published filter, each reproducing
// datatrove's implementation with its default settings.
func qualityRules() []Rule {
	return []Rule{
		GopherQuality(),
		FineWebQuality(),
		C4Quality(),
		C4Lines(),
	}
}
