package encoding

import (
	"fmt"
	"strings"

	"github.com/corpuslint/corpuslint/rules"
)

// ReplacementCharacter returns the replacement-character rule: U+FFFD, the mark a
// decoder leaves where it met bytes it could not decode.
func ReplacementCharacter() rules.Rule { return replacement{} }

type replacement struct{}

func (replacement) Meta() rules.Meta {
	return rules.Meta{
		Name:     "replacement-character",
		Category: rules.Encoding,
		Severity: rules.Warning,
		Title:    "U+FFFD replacement characters where text was lost in decoding",
		Doc: `Flags U+FFFD REPLACEMENT CHARACTER ("�"). A decoder writes it where the bytes
it read were not valid in the encoding it assumed, for instance Windows-1252 text
read as UTF-8, or a UTF-8 character cut in two. The original character is gone:
"Caf� au lait" may have been "Café" or "Cafè".

A run of consecutive replacement characters is one finding. There is no fix: the
lost character cannot be recovered from the text, only from the source (decode
it again with the right encoding).`,
		Bad:  "Caf\ufffd au lait costs \ufffd3.50 at the station.",
		Good: "Café au lait costs €3.50 at the station.",
	}
}

func (replacement) Check(p *rules.Pass) {
	text := p.Analysis.Text()
	const rc = "\ufffd"
	for i := 0; ; {
		k := strings.Index(text[i:], rc)
		if k < 0 {
			return
		}
		s := i + k
		e := s + len(rc)
		n := 1
		for strings.HasPrefix(text[e:], rc) {
			e += len(rc)
			n++
		}
		msg := "replacement character U+FFFD: a character was lost when the text was decoded"
		if n > 1 {
			msg = fmt.Sprintf("%d replacement characters U+FFFD: characters were lost when the text was decoded", n)
		}
		p.Report(rules.Finding{Start: s, End: e, Message: msg})
		i = e
	}
}
