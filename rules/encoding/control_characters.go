package encoding

import (
	"fmt"
	"strings"

	"github.com/corpuslint/corpuslint/rules"
	"github.com/corpuslint/corpuslint/rules/text"
)

// ControlCharacters returns the control-characters rule: C0 controls other than
// tab and line breaks, DEL, and C1 controls.
func ControlCharacters() rules.Rule { return control{} }

type control struct{}

func (control) Meta() rules.Meta {
	return rules.Meta{
		Name:     "control-characters",
		Category: rules.Encoding,
		Severity: rules.Warning,
		Fixable:  true,
		Title:    "control characters (NUL, ESC, DEL, C1 controls) in the text",
		Doc: `Flags control characters that have no place in text: the C0 controls U+0000 to
U+001F except tab, line feed and carriage return; DEL (U+007F); and the C1
controls U+0080 to U+009F. Tab, "\n" and "\r" are left alone (stray carriage
returns are the business of mixed-line-endings); a C1 control that is part of a
UTF-8 sequence read as Windows-1252 is left to the mojibake rule.

C1 controls almost always come from Windows-1252 text decoded as Latin-1: U+0092
is the byte 0x92, a "’" in Windows-1252, and U+0093 and U+0094 are curly double
quotes. The safe fix puts the Windows-1252 character back, as ftfy's
fix_c1_controls does, and deletes the five controls Windows-1252 leaves
undefined (U+0081, U+008D, U+008F, U+0090, U+009D). A vertical tab (a line break
in word processors) and a form feed (a page break) become a line break, or are
deleted next to one; every other control is deleted. Consecutive controls make
one finding.`,
		Bad:  "und vierte Leslie-Clio-Album, \u0084Brave New Woman\u0093. Zuvor\x00 hatte sie",
		Good: "und vierte Leslie-Clio-Album, „Brave New Woman“. Zuvor hatte sie",
	}
}

var c0Names = [32]string{
	"NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "HT", "LF", "VT", "FF", "CR", "SO", "SI",
	"DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC", "FS", "GS", "RS", "US",
}

// controlAt returns the byte length of a flagged control character at
// text[i:] and the code point, or 0.
func controlAt(text string, i int) (int, rune) {
	c := text[i]
	switch {
	case c < 0x20:
		if c == '\t' || c == '\n' || c == '\r' {
			return 0, 0
		}
		return 1, rune(c)
	case c == 0x7F:
		return 1, 0x7F
	case c == 0xC2 && i+1 < len(text) && text[i+1] >= 0x80 && text[i+1] <= 0x9F:
		if inMojibake(text, i) {
			return 0, 0
		}
		return 2, rune(text[i+1])
	}
	return 0, 0
}

func (control) Check(p *rules.Pass) {
	txt := p.Analysis.Text()
	for i := 0; i < len(txt); {
		if i+8 <= len(txt) {
			// Eight bytes at a time while none is below 0x20, 0x7F or 0xC2.
			if x := text.Load8(txt, i); !text.HasLess8(x, 0x20) && !text.HasByte8(x, 0x7F) && !text.HasByte8(x, 0xC2) {
				i += 8
				continue
			}
		}
		c := txt[i]
		if c >= 0x20 && c != 0x7F && c != 0xC2 {
			i++
			continue
		}
		n, first := controlAt(txt, i)
		if n == 0 {
			i++
			continue
		}
		s := i
		var repl strings.Builder
		count, c1 := 0, 0
		for i < len(txt) {
			n, r := controlAt(txt, i)
			if n == 0 {
				break
			}
			count++
			switch {
			case r >= 0x80:
				c1++
				if w := cP1252High[r-0x80]; w != 0 {
					repl.WriteRune(w)
				}
			case r == '\v' || r == '\f':
				prevNL := i > 0 && (txt[i-1] == '\n' || txt[i-1] == '\r')
				nextNL := i+1 < len(txt) && (txt[i+1] == '\n' || txt[i+1] == '\r')
				if !prevNL && !nextNL && !strings.HasSuffix(repl.String(), "\n") {
					repl.WriteByte('\n')
				}
			}
			i += n
		}
		p.Report(rules.Finding{
			Start:   s,
			End:     i,
			Message: controlMessage(first, count, c1),
			Fix: &rules.Fix{
				Message:       controlFixMessage(repl.String(), count),
				Applicability: rules.Safe,
				Edits:         []rules.Edit{{Start: s, End: i, NewText: repl.String()}},
			},
		})
	}
}

func controlName(r rune) string {
	switch {
	case r < 0x20:
		return fmt.Sprintf("U+%04X %s", r, c0Names[r])
	case r == 0x7F:
		return "U+007F DEL"
	}
	return fmt.Sprintf("U+%04X", r)
}

func controlMessage(first rune, count, c1 int) string {
	if c1 == count {
		if count == 1 {
			if w := cP1252High[first-0x80]; w != 0 {
				return fmt.Sprintf("C1 control character %s: Windows-1252 text read as Latin-1, it stands for %q", controlName(first), string(w))
			}
			return fmt.Sprintf("C1 control character %s: Windows-1252 text read as Latin-1, and Windows-1252 leaves it undefined", controlName(first))
		}
		return fmt.Sprintf("%d C1 control characters from %s on: Windows-1252 text read as Latin-1", count, controlName(first))
	}
	if count == 1 {
		return "control character " + controlName(first)
	}
	return fmt.Sprintf("%d control characters from %s on", count, controlName(first))
}

func controlFixMessage(repl string, count int) string {
	switch {
	case repl == "":
		if count == 1 {
			return "delete the control character"
		}
		return "delete the control characters"
	case repl == "\n":
		return "replace with a line break"
	}
	return fmt.Sprintf("replace with %q", repl)
}
