package encoding

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/rules"
	"github.com/corpuslint/corpuslint/rules/text"
)

// NonbreakingSpace returns the nonbreaking-space rule: U+00A0 and U+202F where
// they are not typography but leftovers of "&nbsp;".
func NonbreakingSpace() rules.Rule { return nbsp{} }

type nbsp struct{}

func (nbsp) Meta() rules.Meta {
	return rules.Meta{
		Name:     "nonbreaking-space",
		Grouped:  true,
		Category: rules.Encoding,
		Severity: rules.Info,
		// Normalization, not damage: off by default (profile normalize selects the five).
		Disabled: true,
		Fixable:  true,
		Title:    "stray no-break spaces left over from &nbsp;",
		Doc: `Flags no-break spaces (U+00A0, and the narrow U+202F) that are not typography
but leftovers of HTML's "&nbsp;": a no-break space at the start or end of a line
or on an otherwise empty line, one next to other spaces ("Facebook \u00a0 Twitter"),
and one standing for a plain space between two words ("is\u00a0the").

A single no-break space between two characters is left alone where typography
wants one: next to a digit ("10\u00a0km", "p.\u00a012", "5\u00a0May", "1\u202f000"),
next to a currency sign, before ; : ! ? » % ) ] (French spacing) or after « ( [,
next to a dash, after an abbreviation or an initial ("Mr.\u00a0Smith", "J.\u00a0Doe")
or a title ("Dr\u00a0Who"), after a one-letter word ("a\u00a0house", "v\u00a0Praze"), and
before the last word of a line (widow control). A no-break space that is part of
mojibake ("Â\u00a0") is left to the mojibake rule.

The safe fix deletes edge and blank-line no-break spaces (a trailing run of
spaces goes with them), turns a run of spaces holding one into a single space,
and turns a stray one between words into a plain space.`,
		Bad:  "The inmate\u00a0is no\u00a0longer at the jail.\u00a0\nFacebook \u00a0 Twitter",
		Good: "The inmate is no longer at the jail.\nFacebook Twitter",
	}
}

// isNBSP returns the byte length of a no-break space at text[i:], or 0.
func isNBSP(text string, i int) int {
	if i+1 < len(text) && text[i] == 0xC2 && text[i+1] == 0xA0 {
		return 2
	}
	if i+2 < len(text) && text[i] == 0xE2 && text[i+1] == 0x80 && text[i+2] == 0xAF {
		return 3
	}
	return 0
}

// hSpace reports whether r is horizontal white space that can run together
// with a no-break space.
func hSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == 0xA0 || r == 0x202F || r >= 0x2000 && r <= 0x200A || r == 0x3000
}

// titles are titles written without a full stop that a no-break space may tie
// to the name after them.
var titles = map[string]bool{
	"Mr": true, "Mrs": true, "Ms": true, "Dr": true, "St": true, "Mt": true, "Prof": true, "Sir": true,
	"Dame": true, "Lord": true, "Lady": true, "Fr": true, "No": true, "Nr": true, "Nº": true,
}

func (nbsp) Check(p *rules.Pass) {
	txt := p.Analysis.Text()
	for i := 0; i < len(txt); {
		if i+8 <= len(txt) {
			// Eight bytes at a time while none is 0xC2 or 0xE2.
			if x := text.Load8(txt, i); !text.HasByte8(x, 0xC2) && !text.HasByte8(x, 0xE2) {
				i += 8
				continue
			}
		}
		c := txt[i]
		if c != 0xC2 && c != 0xE2 {
			i++
			continue
		}
		n := isNBSP(txt, i)
		if n == 0 || inMojibake(txt, i) {
			i++
			continue
		}
		// The run of horizontal spaces around it.
		rs, re := i, i+n
		for rs > 0 {
			r, m := utf8.DecodeLastRuneInString(txt[:rs])
			if !hSpace(r) || (r == 0xA0 && inMojibake(txt, rs-m)) {
				break
			}
			rs -= m
		}
		for re < len(txt) {
			r, m := utf8.DecodeRuneInString(txt[re:])
			if !hSpace(r) {
				break
			}
			re += m
		}
		i = re
		atStart := rs == 0 || txt[rs-1] == '\n' || txt[rs-1] == '\r'
		atEnd := re == len(txt) || txt[re] == '\n' || txt[re] == '\r'
		switch {
		case atEnd:
			msg := "non-breaking space at the end of the line"
			if atStart {
				msg = "line holding only white space with a non-breaking space"
			}
			p.Report(rules.Finding{Start: rs, End: re, Message: msg, Fix: &rules.Fix{
				Message: "delete the trailing white space", Applicability: rules.Safe, Edits: []rules.Edit{{Start: rs, End: re}},
			}})
		case atStart:
			var edits []rules.Edit
			for j := rs; j < re; {
				if m := isNBSP(txt, j); m > 0 {
					edits = append(edits, rules.Edit{Start: j, End: j + m})
					j += m
					continue
				}
				j++
			}
			p.Report(rules.Finding{Start: rs, End: re, Message: "non-breaking space at the start of the line", Fix: &rules.Fix{
				Message: "delete the non-breaking space", Applicability: rules.Safe, Edits: edits,
			}})
		case utf8.RuneCountInString(txt[rs:re]) > 1:
			p.Report(rules.Finding{Start: rs, End: re, Message: "non-breaking space next to other spaces", Fix: &rules.Fix{
				Message: "replace the spaces with one space", Applicability: rules.Safe, Edits: []rules.Edit{{Start: rs, End: re, NewText: " "}},
			}})
		case !typographic(txt, rs, re):
			p.Report(rules.Finding{Start: rs, End: re, Message: "non-breaking space between words", Fix: &rules.Fix{
				Message: "replace with a plain space", Applicability: rules.Safe, Edits: []rules.Edit{{Start: rs, End: re, NewText: " "}},
			}})
		}
	}
}

// typographic reports whether the lone no-break space text[s:e], between two
// characters of one line, is where typography puts one.
func typographic(txt string, s, e int) bool {
	prev, _ := utf8.DecodeLastRuneInString(txt[:s])
	next, _ := utf8.DecodeRuneInString(txt[e:])
	switch {
	case unicode.IsDigit(prev) || unicode.IsDigit(next):
		return true
	case unicode.Is(unicode.Sc, prev) || unicode.Is(unicode.Sc, next):
		return true
	case strings.ContainsRune(";:!?»›%‰)]–—-/&§№#°", next) || strings.ContainsRune("«‹([–—-/&§№#", prev):
		return true
	}
	ls := strings.LastIndexByte(txt[:s], '\n') + 1
	before := txt[ls:s]
	if prev == '.' && text.IsAbbreviation(before[:len(before)-1]) {
		return true
	}
	// The word before: a one-letter word or a title.
	w := len(before)
	for w > 0 {
		r, m := utf8.DecodeLastRuneInString(before[:w])
		if !unicode.IsLetter(r) {
			break
		}
		w -= m
	}
	if word := before[w:]; word != "" && (utf8.RuneCountInString(word) == 1 || titles[word]) {
		return true
	}
	// Widow control: it ties the last word of the line to the one before.
	for j := e; j < len(txt) && txt[j] != '\n' && txt[j] != '\r'; {
		r, m := utf8.DecodeRuneInString(txt[j:])
		if unicode.IsSpace(r) {
			return false
		}
		j += m
	}
	return true
}
