package encoding

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/rules"
	"github.com/corpuslint/corpuslint/rules/text"
)

// SoftHyphen returns the soft-hyphen rule: U+00AD SOFT HYPHEN inside words.
func SoftHyphen() rules.Rule { return softHyphen{} }

type softHyphen struct{}

func (softHyphen) Meta() rules.Meta {
	return rules.Meta{
		Name:     "soft-hyphen",
		Grouped:  true,
		Category: rules.Encoding,
		Severity: rules.Warning,
		Fixable:  true,
		Title:    "soft hyphens (U+00AD) hidden inside words",
		Doc: `Flags U+00AD SOFT HYPHEN. Web pages put soft hyphens into long words as
hyphenation hints ("Not&shy;fall&shy;daten&shy;satz"); a browser shows none of
them unless it breaks the line there, but in extracted text they stay inside the
word, so "Notfalldatensatz" no longer matches itself in search, deduplication or
a tokenizer's vocabulary.

One finding per word holding soft hyphens, spanning the word; the safe fix
deletes the soft hyphens. A U+00AD that is part of mojibake ("Ã\u00ad" for "í")
is left to the mojibake rule.`,
		Bad:  "Laut Gesetz soll die ePA den Not\u00adfall\u00addaten\u00adsatz enthalten.",
		Good: "Laut Gesetz soll die ePA den Notfalldatensatz enthalten.",
	}
}

func (softHyphen) Check(p *rules.Pass) {
	txt := p.Analysis.Text()
	const shy = "\u00ad"
	for i := 0; ; {
		k := strings.Index(txt[i:], shy)
		if k < 0 {
			return
		}
		pos := i + k
		if inMojibake(txt, pos) {
			i = pos + len(shy)
			continue
		}
		// The word around it: the run of non-space characters.
		ws := pos
		for ws > 0 {
			r, n := utf8.DecodeLastRuneInString(txt[:ws])
			if unicode.IsSpace(r) {
				break
			}
			ws -= n
		}
		we := pos
		for we < len(txt) {
			r, n := utf8.DecodeRuneInString(txt[we:])
			if unicode.IsSpace(r) {
				break
			}
			we += n
		}
		var edits []rules.Edit
		for j := pos; j < we; {
			m := strings.Index(txt[j:we], shy)
			if m < 0 {
				break
			}
			at := j + m
			if !inMojibake(txt, at) {
				edits = append(edits, rules.Edit{Start: at, End: at + len(shy)})
			}
			j = at + len(shy)
		}
		word := strings.ReplaceAll(txt[ws:we], shy, "")
		msg := fmt.Sprintf("soft hyphen U+00AD inside %q", text.Shorten(word, 40))
		fixMsg := "delete the soft hyphen"
		if len(edits) > 1 {
			msg = fmt.Sprintf("%d soft hyphens U+00AD inside %q", len(edits), text.Shorten(word, 40))
			fixMsg = "delete the soft hyphens"
		}
		p.Report(rules.Finding{
			Start: ws, End: we, Message: msg,
			Fix: &rules.Fix{Message: fixMsg, Applicability: rules.Safe, Edits: edits},
		})
		i = we
	}
}
