// Package builtin is the one explicit list of corpuslint's built-in rules and
// profiles: adding a rule is one line here (no init() side effects anywhere).
package builtin

import (
	"github.com/corpuslint/corpuslint/rules"
	"github.com/corpuslint/corpuslint/rules/attribution"
	"github.com/corpuslint/corpuslint/rules/boilerplate"
	"github.com/corpuslint/corpuslint/rules/duplication"
	"github.com/corpuslint/corpuslint/rules/encoding"
	"github.com/corpuslint/corpuslint/rules/language"
	"github.com/corpuslint/corpuslint/rules/markup"
	"github.com/corpuslint/corpuslint/rules/privacy"
	"github.com/corpuslint/corpuslint/rules/quality"
	"github.com/corpuslint/corpuslint/rules/quotes"
	"github.com/corpuslint/corpuslint/rules/repetition"
	"github.com/corpuslint/corpuslint/rules/typography"
)

// Builtin returns the built-in rules in the order `corpuslint rules` lists them:
// the four mission rules, then the families.
func Builtin() []rules.Rule {
	return []rules.Rule{
		boilerplate.TrailingHeadlines(),
		quotes.BrokenQuotes(),
		typography.StrayDash(),
		attribution.MissingAttribution(),

		// One rule per published filter, each reproducing datatrove's
		// implementation with its default settings.
		quality.GopherQuality(),
		quality.FineWebQuality(),
		quality.C4Quality(),
		quality.C4Lines(),

		repetition.RepeatedParagraph(),
		repetition.GopherRepetition(),

		encoding.Mojibake(),
		encoding.ReplacementCharacter(),
		encoding.ControlCharacters(),
		encoding.InvisibleCharacters(),
		encoding.SoftHyphen(),
		encoding.NonbreakingSpace(),
		encoding.MixedLineEndings(),

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

		// The blocks around the main text, the furniture inside it, then the
		// lines a batch repeats.
		boilerplate.LeadingBoilerplate(),
		boilerplate.TrailingBoilerplate(),
		boilerplate.InlineBoilerplate(),
		boilerplate.RepeatedLine(),

		// Whole documents compared with the batch's others.
		duplication.DuplicateDocument(),
		duplication.NearDuplicate(),

		language.Language(),
	}
}
