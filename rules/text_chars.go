package rules

import "unicode/utf8"

func mkIsAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

func mkIsDigit(c byte) bool { return '0' <= c && c <= '9' }

func mkIsLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func mkLower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// mkEqualFold reports whether s equals the lower-case ASCII word w, ignoring case.
func mkEqualFold(s, w string) bool {
	if len(s) != len(w) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if mkLower(s[i]) != w[i] {
			return false
		}
	}
	return true
}

// mkRuneBefore returns the rune ending just before offset i, or 0 at the start.
func mkRuneBefore(t string, i int) rune {
	if i <= 0 {
		return 0
	}
	r, _ := utf8.DecodeLastRuneInString(t[:i])
	return r
}

// mkRuneAt returns the rune starting at offset i, or 0 at the end.
func mkRuneAt(t string, i int) rune {
	if i >= len(t) {
		return 0
	}
	r, _ := utf8.DecodeRuneInString(t[i:])
	return r
}

func repShorten(s string, max int) string {
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	n := 0
	for i := range s {
		if n == max {
			return s[:i] + "…"
		}
		n++
	}
	return s
}
