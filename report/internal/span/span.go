// Package span holds the byte-span helpers the reporters share: clamping a
// finding's span to its text and snapping an offset to the start of a character.
package span

import "unicode/utf8"

// Clamp limits the byte span [s, e) to a text of n bytes, with s <= e.
func Clamp(s, e, n int) (int, int) {
	s = max(0, min(s, n))
	e = max(s, min(e, n))
	return s, e
}

// RuneStart moves i back to the start of the UTF-8 sequence it falls in.
func RuneStart(s string, i int) int {
	if i >= len(s) {
		return len(s)
	}
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return i
}
