package builtin

import (
	"github.com/corpuslint/corpuslint/rules"
	"github.com/corpuslint/corpuslint/rules/encoding"
)

// encodingRules lists the built-in rules of the encoding family, in the order
// `corpuslint rules` shows them.
func encodingRules() []rules.Rule {
	return []rules.Rule{
		encoding.Mojibake(),
		encoding.ReplacementCharacter(),
		encoding.ControlCharacters(),
		encoding.InvisibleCharacters(),
		encoding.SoftHyphen(),
		encoding.NonbreakingSpace(),
		encoding.MixedLineEndings(),
	}
}
