package encoding

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/rules"
	"github.com/corpuslint/corpuslint/rules/text"
)

// InvisibleCharacters returns the invisible-characters rule: zero-width
// characters, stray byte order marks and bidirectional controls.
func InvisibleCharacters() rules.Rule { return invisible{} }

type invisible struct{}

func (invisible) Meta() rules.Meta {
	return rules.Meta{
		Name:     "invisible-characters",
		Grouped:  true,
		Category: rules.Encoding,
		Severity: rules.Warning,
		Fixable:  true,
		Title:    "zero-width characters, stray byte order marks and bidi controls",
		Doc: `Flags characters that take no room on screen but split words for search,
deduplication and tokenizers: zero-width space U+200B, zero-width non-joiner
U+200C, zero-width joiner U+200D, word joiner U+2060, the invisible operators
U+2061 to U+2064, the Mongolian vowel separator U+180E, a byte order mark U+FEFF
anywhere but at the very start, and the bidirectional controls (U+200E, U+200F,
U+061C, U+202A to U+202E, U+2066 to U+2069).

It leaves alone what these characters are for: a zero-width joiner or non-joiner
between two characters of a script that uses them (Persian, Arabic, the Indic
scripts) or inside an emoji sequence ("👨‍👩‍👧"), a zero-width space or joiner
between characters of scripts written without spaces (Thai, Khmer, Chinese,
Japanese), and the bidirectional controls in a document that has right-to-left
text (Hebrew, Arabic). A byte order mark at the start of the text is the reader's
business, not a finding.

Consecutive invisible characters make one finding; the safe fix deletes them.`,
		Bad:  "Must-read piece on \u2066@elonmusk\u2069 and the new\u200bsletter",
		Good: "Must-read piece on @elonmusk and the newsletter",
	}
}

// invisibleKind names a flagged invisible character, or returns "".
func invisibleKind(r rune) (name string, bidi bool) {
	switch r {
	case 0x200B:
		return "zero-width space U+200B", false
	case 0x200C:
		return "zero-width non-joiner U+200C", false
	case 0x200D:
		return "zero-width joiner U+200D", false
	case 0x2060:
		return "word joiner U+2060", false
	case 0x2061, 0x2062, 0x2063, 0x2064:
		return fmt.Sprintf("invisible operator U+%04X", r), false
	case 0x180E:
		return "Mongolian vowel separator U+180E", false
	case 0xFEFF:
		return "byte order mark U+FEFF", false
	case 0x200E:
		return "left-to-right mark U+200E", true
	case 0x200F:
		return "right-to-left mark U+200F", true
	case 0x061C:
		return "Arabic letter mark U+061C", true
	}
	if r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069 {
		return fmt.Sprintf("bidirectional control U+%04X", r), true
	}
	return "", false
}

// joinerScript reports whether r belongs where zero-width joiners, non-joiners
// and spaces are legitimate: an emoji sequence, or a letter or mark of a script
// other than Latin, Greek and Cyrillic.
func joinerScript(r rune) bool {
	switch {
	case r < 0:
		return false
	case r >= 0x1F000 && r <= 0x1FAFF, r >= 0x2600 && r <= 0x27BF, r >= 0x2300 && r <= 0x23FF,
		r >= 0x2B00 && r <= 0x2BFF, r == 0xFE0F, r == 0x20E3, r >= 0xE0020 && r <= 0xE007F:
		return true
	case !(unicode.IsLetter(r) || unicode.IsMark(r)):
		return false
	}
	return !unicode.In(r, unicode.Latin, unicode.Greek, unicode.Cyrillic)
}

// hasRTL reports whether text holds a right-to-left letter.
func hasRTL(text string) bool {
	for _, r := range text {
		if r < 0x590 {
			continue
		}
		if r <= 0x8FF || r >= 0xFB1D && r <= 0xFDFF || r >= 0xFE70 && r <= 0xFEFC ||
			r >= 0x10800 && r <= 0x10FFF || r >= 0x1E800 && r <= 0x1EFFF {
			if unicode.IsLetter(r) {
				return true
			}
		}
	}
	return false
}

func (invisible) Check(p *rules.Pass) {
	txt := p.Analysis.Text()
	rtl := -1 // unknown
	flagged := func(i int) (int, string) {
		r, n := utf8.DecodeRuneInString(txt[i:])
		name, bidi := invisibleKind(r)
		if name == "" {
			return 0, ""
		}
		switch {
		case r == 0xFEFF && i == 0:
			return 0, ""
		case bidi:
			if rtl < 0 {
				rtl = 0
				if hasRTL(txt) {
					rtl = 1
				}
			}
			if rtl == 1 {
				return 0, ""
			}
		case r == 0x200B || r == 0x200C || r == 0x200D || r == 0x2060:
			prev, next := rune(-1), rune(-1)
			if i > 0 {
				prev, _ = utf8.DecodeLastRuneInString(txt[:i])
			}
			if i+n < len(txt) {
				next, _ = utf8.DecodeRuneInString(txt[i+n:])
			}
			if joinerScript(prev) && joinerScript(next) {
				return 0, ""
			}
		}
		return n, name
	}
	for i := 0; i < len(txt); {
		// Eight ASCII bytes at a time.
		if i+8 <= len(txt) && text.Load8(txt, i)&0x8080808080808080 == 0 {
			i += 8
			continue
		}
		c := txt[i]
		if c < 0xD8 || c == 0xE2 && i+1 < len(txt) && txt[i+1] != 0x80 && txt[i+1] != 0x81 {
			i++
			continue
		}
		n, name := flagged(i)
		if n == 0 {
			i++
			continue
		}
		s := i
		var names []string
		count := 0
		for i < len(txt) {
			n, name := flagged(i)
			if n == 0 {
				break
			}
			count++
			if len(names) < 3 && !contains(names, name) {
				names = append(names, name)
			}
			i += n
		}
		msg := "invisible character: " + name
		if count > 1 {
			msg = fmt.Sprintf("%d invisible characters: %s", count, strings.Join(names, ", "))
		}
		fixMsg := "delete the invisible character"
		if count > 1 {
			fixMsg = "delete the invisible characters"
		}
		p.Report(rules.Finding{
			Start: s, End: i, Message: msg,
			Fix: &rules.Fix{Message: fixMsg, Applicability: rules.Safe, Edits: []rules.Edit{{Start: s, End: i}}},
		})
	}
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}
