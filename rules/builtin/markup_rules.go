package builtin

import (
	"github.com/corpuslint/corpuslint/rules"
	"github.com/corpuslint/corpuslint/rules/markup"
	"github.com/corpuslint/corpuslint/rules/privacy"
	"github.com/corpuslint/corpuslint/rules/typography"
)

// markupRules lists the built-in rules of the markup family, in the order
// `corpuslint rules` shows them, followed by the typography and privacy rules
// written with them.
func markupRules() []rules.Rule {
	return []rules.Rule{
		markup.HTMLTags(),
		markup.HTMLEntities(),
		markup.MarkdownRemnants(),
		markup.WikiMarkup(),
		markup.CodeFragments(),
		markup.URLOnlyLine(),
		typography.RepeatedSpaces(),
		typography.SpaceBeforePunctuation(),
		typography.ExcessBlankLines(),
		typography.EllipsisVariants(),
		privacy.EmailAddress(),
		privacy.PhoneNumber(),
		privacy.IPAddress(),
	}
}
