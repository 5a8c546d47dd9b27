package source

import (
	"bytes"
	"fmt"
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
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
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
	dst = append(dst, s[start:]...)
	return append(dst, '"')
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
	out = appendQuoted(out, newText)
	return append(out, raw[span[1]:]...)
}
