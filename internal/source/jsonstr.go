package source

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// unquote appends the decoded form of a JSON string body (the bytes between the
// quotes, already checked by the scanner) to dst. Surrogates follow encoding/json:
// a valid pair becomes one rune and a lone surrogate becomes U+FFFD, so both
// readers agree on every text.
func unquote(dst, s []byte) []byte {
	for i := 0; i < len(s); {
		if s[i] != '\\' {
			j := bytes.IndexByte(s[i:], '\\')
			if j < 0 {
				return append(dst, s[i:]...)
			}
			dst = append(dst, s[i:i+j]...)
			i += j
			continue
		}
		if i+1 >= len(s) {
			return dst
		}
		switch c := s[i+1]; c {
		case 'b':
			dst = append(dst, '\b')
		case 'f':
			dst = append(dst, '\f')
		case 'n':
			dst = append(dst, '\n')
		case 'r':
			dst = append(dst, '\r')
		case 't':
			dst = append(dst, '\t')
		case 'u':
			r := hex4(s[i:])
			i += 6
			if utf16.IsSurrogate(r) {
				if d := utf16.DecodeRune(r, hex4(s[i:])); d != utf8.RuneError {
					dst = utf8.AppendRune(dst, d)
					i += 6
					continue
				}
				r = utf8.RuneError
			}
			if r < 0 {
				r = utf8.RuneError
			}
			dst = utf8.AppendRune(dst, r)
			continue
		default: // '"', '\\', '/'
			dst = append(dst, c)
		}
		i += 2
	}
	return dst
}

// hex4 decodes the \uXXXX escape at the start of s, or returns -1 when s does not
// start with one.
func hex4(s []byte) rune {
	if len(s) < 6 || s[0] != '\\' || s[1] != 'u' {
		return -1
	}
	var r rune
	for _, c := range s[2:6] {
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			c = c - 'A' + 10
		default:
			return -1
		}
		r = r<<4 | rune(c)
	}
	return r
}

// appendQuoted appends s as a JSON string the way encoding/json does with HTML
// escaping off: corpus text keeps its <, > and & and its non-ASCII characters
// readable, U+2028 and U+2029 are escaped so the line stays valid JavaScript, and
// invalid UTF-8 becomes \ufffd so the output is always valid JSON.
func appendQuoted(dst []byte, s string) []byte {
	dst = append(dst, '"')
	dst = appendEscaped(dst, s)
	return append(dst, '"')
}

// appendEscaped appends the body of appendQuoted's JSON string for s, without
// the quotes.
func appendEscaped(dst []byte, s string) []byte {
	const hex = "0123456789abcdef"
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch c {
			case '"', '\\':
				dst = append(dst, '\\', c)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i++
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hex[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	return append(dst, s[start:]...)
}

// ReplaceText is how fix rewrites a JSONL record without disturbing it: it returns
// a new line equal to raw except that the JSON string at span (an Item's TextSpan)
// holds newText. Key order, other fields, number formatting and whitespace stay
// byte for byte; raw itself is not modified. newText is encoded like encoding/json
// with HTML escaping off (<, >, & and non-ASCII kept as UTF-8).
//
// span must lie within raw; anything else is a programming error and panics.
func ReplaceText(raw []byte, span [2]int, newText string) []byte {
	if span[0] < 0 || span[0] > span[1] || span[1] > len(raw) {
		panic(fmt.Sprintf("source.ReplaceText: span %v out of range for a line of %d bytes", span, len(raw)))
	}
	out := make([]byte, 0, len(raw)-(span[1]-span[0])+len(newText)+len(newText)/16+2)
	out = append(out, raw[:span[0]]...)
	if lone := loneSurrogates(raw[span[0]:span[1]]); lone != nil {
		out = appendQuotedKeeping(out, newText, lone)
	} else {
		out = appendQuoted(out, newText)
	}
	return append(out, raw[span[1]:]...)
}

// loneSurrogates returns, for a JSON string (quotes included) that holds a lone
// UTF-16 surrogate escape ("\ud800" with no partner), one entry per U+FFFD of
// its decoded text in order: the escape's six bytes where the U+FFFD came from a
// lone surrogate, nil where it came from anything else (a literal U+FFFD, a
// \ufffd escape, an invalid byte). It returns nil when the string holds no lone
// surrogate, the common case, after one scan for a backslash.
//
// Decoding makes a lone surrogate U+FFFD (as encoding/json does), but Python's
// json and others keep it, so writing U+FFFD back would change the value for
// them: ReplaceText writes the escape back instead.
func loneSurrogates(q []byte) [][]byte {
	if bytes.IndexByte(q, '\\') < 0 {
		return nil
	}
	var out [][]byte
	found := false
	for i := 1; i < len(q)-1; {
		c := q[i]
		if c == '\\' && i+1 < len(q) {
			if q[i+1] != 'u' {
				i += 2
				continue
			}
			r := hex4(q[i:])
			switch {
			case utf16.IsSurrogate(r) && utf16.DecodeRune(r, hex4(q[i+6:])) != utf8.RuneError:
				i += 12
			case utf16.IsSurrogate(r):
				out = append(out, q[i:i+6])
				found = true
				i += 6
			case r == utf8.RuneError:
				out = append(out, nil)
				i += 6
			default:
				i += 6
			}
			continue
		}
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(q[i:])
		if r == utf8.RuneError {
			out = append(out, nil) // a literal U+FFFD or an invalid byte
		}
		i += size
	}
	if !found {
		return nil
	}
	return out
}

// appendQuotedKeeping is appendQuoted for a text whose U+FFFD characters stand,
// in order, for the forms in lone: where an entry is a lone surrogate escape, it
// is written back as it was. When the text's count of U+FFFD differs from
// len(lone) (a fix removed or added one), the correspondence is unknown and the
// text is written as appendQuoted writes it.
func appendQuotedKeeping(dst []byte, s string, lone [][]byte) []byte {
	if strings.Count(s, "\ufffd") != len(lone) {
		return appendQuoted(dst, s)
	}
	dst = append(dst, '"')
	for k := 0; ; k++ {
		j := strings.Index(s, "\ufffd")
		if j < 0 {
			dst = appendEscaped(dst, s)
			return append(dst, '"')
		}
		dst = appendEscaped(dst, s[:j])
		if lone[k] != nil {
			dst = append(dst, lone[k]...)
		} else {
			dst = append(dst, "\ufffd"...)
		}
		s = s[j+len("\ufffd"):]
	}
}
