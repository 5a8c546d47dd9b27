package spacy

import (
	"unicode"
	"unicode/utf8"
)

// IsPySpace reports whether Python's str.isspace is true for r: Go's white space plus
// the four ASCII separators U+001C..U+001F, which Python counts as space.
func IsPySpace(r rune) bool {
	if r < utf8.RuneSelf {
		switch r {
		case ' ', '\t', '\n', '\v', '\f', '\r', 0x1c, 0x1d, 0x1e, 0x1f:
			return true
		}
		return false
	}
	return unicode.IsSpace(r)
}

// PyStrip returns s[i:j] without leading and trailing Python white space.
func PyStrip(s string) (int, int) {
	i, j := 0, len(s)
	for i < j {
		r, n := utf8.DecodeRuneInString(s[i:j])
		if !IsPySpace(r) {
			break
		}
		i += n
	}
	for j > i {
		r, n := utf8.DecodeLastRuneInString(s[i:j])
		if !IsPySpace(r) {
			break
		}
		j -= n
	}
	return i, j
}

// SplitLines calls fn for every line of Python's text.splitlines(): lines end at
// \n, \r, \r\n, \v, \f, \x1c, \x1d, \x1e, U+0085, U+2028 and U+2029; a final line
// break does not start another line, and an empty text has no line. start and end
// bound the line's content; next is where the following line starts.
func SplitLines(text string, fn func(start, end, next int)) {
	start := 0
	for i := 0; i < len(text); {
		c := text[i]
		if !lineBreakLead[c] {
			// Most bytes start no line break: one table look-up each.
			i++
			continue
		}
		brk := 0
		switch {
		case c == '\n' || c == '\v' || c == '\f' || c == 0x1c || c == 0x1d || c == 0x1e:
			brk = 1
		case c == '\r':
			brk = 1
			if i+1 < len(text) && text[i+1] == '\n' {
				brk = 2
			}
		case c == 0xC2 && i+1 < len(text) && text[i+1] == 0x85:
			brk = 2
		case c == 0xE2 && i+2 < len(text) && text[i+1] == 0x80 && (text[i+2] == 0xA8 || text[i+2] == 0xA9):
			brk = 3
		}
		if brk == 0 {
			i++
			continue
		}
		fn(start, i, i+brk)
		i += brk
		start = i
	}
	if start < len(text) {
		fn(start, len(text), len(text))
	}
}

// lineBreakLead marks the bytes a line break of SplitLines can start with.
var lineBreakLead = func() (t [256]bool) {
	for _, c := range []byte{'\n', '\v', '\f', '\r', 0x1c, 0x1d, 0x1e, 0xC2, 0xE2} {
		t[c] = true
	}
	return t
}()
