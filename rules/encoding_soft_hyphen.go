package rules

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// SoftHyphen returns the soft-hyphen rule: U+00AD SOFT HYPHEN inside words.
func SoftHyphen() Rule { return encSoftHyphen{} }

type encSoftHyphen struct{}

func (encSoftHyphen) Meta() Meta {
	return Meta{
		Name:     "soft-hyphen",
		Category: Encoding,
		Severity: Warning,
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

func (encSoftHyphen) Check(p *Pass) {
	text := p.Analysis.Text()
	const shy = "\u00ad"
	for i := 0; ; {
		k := strings.Index(text[i:], shy)
		if k < 0 {
			return
		}
		pos := i + k
		if encInMojibake(text, pos) {
			i = pos + len(shy)
			continue
		}
		// The word around it: the run of non-space characters.
		ws := pos
		for ws > 0 {
			r, n := utf8.DecodeLastRuneInString(text[:ws])
			if unicode.IsSpace(r) {
				break
			}
			ws -= n
		}
		we := pos
		for we < len(text) {
			r, n := utf8.DecodeRuneInString(text[we:])
			if unicode.IsSpace(r) {
				break
			}
			we += n
		}
		var edits []Edit
		for j := pos; j < we; {
			m := strings.Index(text[j:we], shy)
			if m < 0 {
				break
			}
			at := j + m
			if !encInMojibake(text, at) {
				edits = append(edits, Edit{Start: at, End: at + len(shy)})
			}
			j = at + len(shy)
		}
		word := strings.ReplaceAll(text[ws:we], shy, "")
		msg := fmt.Sprintf("soft hyphen U+00AD inside %q", repShorten(word, 40))
		fixMsg := "delete the soft hyphen"
		if len(edits) > 1 {
			msg = fmt.Sprintf("%d soft hyphens U+00AD inside %q", len(edits), repShorten(word, 40))
			fixMsg = "delete the soft hyphens"
		}
		p.Report(Finding{
			Start: ws, End: we, Message: msg,
			Fix: &Fix{Message: fixMsg, Applicability: Safe, Edits: edits},
		})
		i = we
	}
}
