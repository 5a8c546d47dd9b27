package rules

// markupRules lists the built-in rules of the markup family, in the order
// `corpuslint rules` shows them, followed by the typography and privacy rules
// written with them.
func markupRules() []Rule {
	return []Rule{
		HTMLTags(),
		HTMLEntities(),
		MarkdownRemnants(),
		WikiMarkup(),
		CodeFragments(),
		URLOnlyLine(),
		RepeatedSpaces(),
		SpaceBeforePunctuation(),
		ExcessBlankLines(),
		EllipsisVariants(),
		EmailAddress(),
		PhoneNumber(),
		IPAddress(),
	}
}
